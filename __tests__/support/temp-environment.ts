/**
 * The jest test environment (node's, plus the temp-folder guard of temp.ts). Each test file gets its
 * own temp folder inside the run's: `os.tmpdir()` points there while the file runs (patched, because
 * jest gives each file a copy of process.env that node's os module does not read; core modules are
 * shared, so cdktf's Testing.app() lands there too). After the file's tests and every afterAll hook,
 * a `keyless-*` folder not made by tempDir() is a leak: the file fails, naming it. The folder is
 * removed either way.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { TestEnvironment } from "jest-environment-node";

export const MADE = "__keylessTempDirs";

/** node's os module itself (a namespace import would be read-only): the one the sandbox's require returns too. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const os = require("node:os") as { tmpdir: () => string };

export default class TempFolderEnvironment extends TestEnvironment {
  private own?: string;
  private readonly original = os.tmpdir;
  /** A test or hook failed: then leftovers (of processes still running) are reported, not thrown, so the real failure shows. */
  private failed = false;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handleTestEvent(event: any): void {
    if ((event.name === "test_done" && event.test?.errors?.length) || event.name === "hook_failure") this.failed = true;
  }

  async setup(): Promise<void> {
    await super.setup();
    const run = process.env.KEYLESS_TEST_TMPDIR;
    if (!run) return;
    const own = mkdtempSync(join(run, "file-"));
    this.own = own;
    (this.global as Record<string, unknown>)[MADE] = [];
    os.tmpdir = () => own;
  }

  async teardown(): Promise<void> {
    let left: string[] = [];
    if (this.own) {
      const own = this.own;
      const made = new Set(((this.global as Record<string, unknown>)[MADE] as string[] | undefined) ?? []);
      left = readdirSync(own).filter((f) => f.startsWith("keyless-") && !made.has(join(own, f)));
      os.tmpdir = this.original;
      rmSync(own, { recursive: true, force: true });
    }
    await super.teardown();
    if (left.length && this.failed) {
      process.stderr.write(`\nkeyless: after failures, this test file also left ${left.join(", ")} (removed)\n`);
    } else if (left.length) {
      throw new Error(
        `this test file left ${left.length} temporary folder(s) behind: ${left.join(", ")}; make them with tempDir() from __tests__/support/temp.ts, which removes them`,
      );
    }
  }
}
