/** The temp-folder helpers and leak guard of __tests__/support/temp.ts (wired in jest.config.js). */
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { leaks, runTempDir, sharedTempDir, tempDir } from "./support/temp";

describe("test temp folders", () => {
  it("are keyless-<label>-* folders in the test file's own folder, inside the run's", () => {
    const dir = tempDir("probe");
    expect(basename(dir)).toMatch(/^keyless-probe-\w{6}$/);
    expect(dirname(dir)).toBe(tmpdir());
    expect(existsSync(dir)).toBe(true);
    const run = process.env.KEYLESS_TEST_TMPDIR!;
    expect(basename(run)).toMatch(/^keyless-jest-/);
    expect(dirname(tmpdir())).toBe(run);
    expect(dirname(run)).toBe(sharedTempDir());
  });

  it("shared by the run's test files are run-<name> in the run's folder, outside the file's", () => {
    const dir = runTempDir("probe-cache");
    expect(dir).toBe(join(process.env.KEYLESS_TEST_TMPDIR!, "run-probe-cache"));
    expect(existsSync(dir)).toBe(true);
    expect(runTempDir("probe-cache")).toBe(dir);
  });

  it("count as leaks only when named keyless-*", () => {
    const dir = tempDir("leak-check");
    for (const f of ["keyless-b-1", "keyless-a-2", "cdktf.outdir.x", "tsx-0"]) mkdirSync(join(dir, f));
    expect(leaks(dir)).toEqual(["keyless-a-2", "keyless-b-1"]);
    expect(leaks(join(dir, "missing"))).toEqual([]);
  });
});
