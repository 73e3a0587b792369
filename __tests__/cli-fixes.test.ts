import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./support/temp";
import { runCli } from "../src/cli/cli";
import type { CliIo } from "../src/cli/context";
import { workspace, writeDefinitions } from "./support/fixtures";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {}, isTTY: false, today: () => "2026-01-15" };
  return { code: runCli(argv, io), stdout: out.join("\n"), stderr: err.join("\n") };
}

const defs = writeDefinitions({
  "org.yaml": workspace({
    identityCenter: {
      permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
      groups: { Ops: { source: "external" } },
      assignments: [{ groups: ["Ops"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-prod"] } }],
    },
  }),
});
dirs.push(defs);

describe("small CLI fixes", () => {
  it("synth --out into folders that don't exist yet creates them", () => {
    const r = run(defs, "synth", "--dir", ".", "--out", "new/deeper/out");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(existsSync(join(defs, "new", "deeper", "out", "stacks", "org", "cdk.tf.json"))).toBe(true);
  });

  it("synth --out under a file is the user's input error (exit 1, what and why), not an internal one", () => {
    const file = join(tempDir("fix"), "a-file");
    dirs.push(join(file, ".."));
    writeFileSync(file, "");
    const r = run(defs, "synth", "--dir", ".", "--out", join(file, "x", "out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^keyless synth: cannot create the parent folder of --out .*a-file\/x\/out: ENOTDIR/);
  });

  it("validate --help describes --format json as what it prints: one object", () => {
    expect(run(defs, "validate", "--help").stdout).toContain(
      "--format text|json   findings as text (default) or as one JSON object: ok, errors, warnings, diagnostics, acknowledged",
    );
    expect(Object.keys(JSON.parse(run(defs, "validate", "--dir", ".", "--format", "json").stdout))).toEqual(["ok", "errors", "warnings", "diagnostics", "acknowledged"]);
  });

  it("a bad --date is a bad option value: exit 2, as the README's table says", () => {
    for (const command of ["validate", "synth", "report"]) {
      const r = run(defs, command, "--dir", ".", "--date", "2026-02-30");
      expect([command, r.code]).toEqual([command, 2]);
      expect(r.stderr).toContain('--date must be a calendar date YYYY-MM-DD, for example --date 2026-11-01, not "2026-02-30"');
    }
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    expect(readme).toMatch(/^\| 2 \| usage error: unknown command or option, missing or bad value/m);
  });
});
