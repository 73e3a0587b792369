/**
 * `keyless/compiler` (src/compiler.ts) is the compiler without the CDKTF engine: a fresh process that
 * requires it and compiles the example organization has no cdktf, @cdktf/* or constructs module in
 * require.cache. The package root (modules/index.ts) still exports everything it did. The packed
 * package's `keyless/compiler` export is checked in package.test.ts.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import * as compiler from "../src/compiler";
import * as root from "../modules";

const ROOT = join(__dirname, "..");

describe("keyless/compiler", () => {
  it("compiles and reports without loading the engine", () => {
    const script = `
      const compiler = require("./src/compiler");
      const r = compiler.compile({ dir: "environments", evaluationDate: "2026-11-01" });
      const engine = Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/](cdktf|@cdktf|constructs)[\\\\/]/.test(k));
      console.log(JSON.stringify({ workspaces: r.plan.workspaces.length, report: compiler.renderReport(compiler.buildReport(r.plan, r.diagnostics, "2026-11-01")).length > 0, engine }));`;
    const out = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }).toString();
    expect(JSON.parse(out)).toEqual({ workspaces: expect.any(Number), report: true, engine: [] });
    expect(JSON.parse(out).workspaces).toBeGreaterThanOrEqual(3);
  });

  it("is re-exported whole by the package root, beside the modules", () => {
    for (const name of Object.keys(compiler)) expect([name, (root as Record<string, unknown>)[name]]).toEqual([name, (compiler as Record<string, unknown>)[name]]);
    expect(typeof root.synthesize).toBe("function");
    expect(typeof root.EnvironmentStack).toBe("function");
    expect(Object.keys(compiler)).toEqual(
      expect.arrayContaining(["compile", "loadDefinitions", "validateSource", "formatDiagnostics", "RULES", "buildReport", "diffPlans", "denyIamUsersPolicy", "SCP_LIMITS"]),
    );
  });
});
