/**
 * The npm package as another organization would use it: `npm pack` (prepack builds dist/ with
 * tsconfig.build.json), unpacked into a temporary project that has only its own definitions, with
 * this repository's installed runtime dependencies linked in (no network). Then the packed CLI and
 * the library API synthesize those definitions.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { inventory, workspace } from "./support/fixtures";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; bin: Record<string, string> };
const PERMISSIVE = ["MIT", "Apache-2.0", "ISC", "BSD-2-Clause", "BSD-3-Clause", "MPL-2.0", "0BSD"];

let project: string;
let files: string[];
let tarball: string;

/** A consumer project in `dir`: keyless unpacked from the tarball into node_modules, runtime dependencies linked (no network). */
function consumerProject(dir: string): void {
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, "keyless"), { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", join(modules, "keyless"), "--strip-components=1"]);
  for (const dep of Object.keys(pkg.dependencies)) {
    mkdirSync(dirname(join(modules, dep)), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", dep), join(modules, dep), "dir");
  }
  mkdirSync(join(modules, ".bin"));
  symlinkSync(join("..", "keyless", pkg.bin.keyless), join(modules, ".bin", "keyless"));
  chmodSync(join(modules, "keyless", pkg.bin.keyless), 0o755); // what npm install's bin linking does
}

beforeAll(() => {
  const packs = tempDir("pack");
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packs], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } }).toString();
  const info = JSON.parse(out.slice(out.indexOf("["))) as { filename: string; files: { path: string; mode: number }[] }[];
  files = info[0].files.map((f) => f.path).sort();
  tarball = join(packs, info[0].filename);

  // The consumer: its own definitions, keyless unpacked into node_modules, runtime dependencies linked.
  project = tempDir("consumer");
  consumerProject(project);
  const defs = join(project, "access");
  mkdirSync(join(defs, "shared"), { recursive: true });
  writeFileSync(join(defs, "shared", "organization.yaml"), stringify(inventory()));
  writeFileSync(
    join(defs, "main.yaml"),
    stringify(
      workspace({
        identityCenter: {
          permissionSets: { Viewer: { managedPolicies: ["job-function/ViewOnlyAccess"] } },
          groups: { Analysts: { source: "external" } },
          assignments: [{ groups: ["Analysts"], permissionSets: ["Viewer"], targets: { organizationalUnits: ["workloads/prod"] } }],
        },
      }),
    ),
  );
}, 120_000);

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: project, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } }).toString();

describe("the npm package", () => {
  it("ships compiled JavaScript, type declarations, the schemas and the CLI, and nothing else", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/modules/index.js", "dist/modules/index.d.ts", "dist/src/cli/bin.js", "dist/src/report/index.d.ts", "schemas/workspace.schema.json"]));
    expect(files).toEqual(expect.arrayContaining(["RULES.md", "templates/init/environments/org.yaml", "templates/init/.github/workflows/keyless-pr.yml", "templates/init/.github/workflows/keyless-apply.yml", "templates/init/gitignore"]));
    expect(files.filter((f) => !/^(dist\/.*\.(js|d\.ts)|schemas\/[\w.-]+\.schema\.json|templates\/init\/.+|package\.json|README\.md|RULES\.md|LICENSE)$/.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith("dist/__tests__") || f.startsWith("dist/bench"))).toBe(false);
    // The shebang lets the shell run the bin (npm install links it and makes it executable).
    expect(readFileSync(join(project, "node_modules", "keyless", pkg.bin.keyless), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("has only permissive-licensed runtime dependencies", () => {
    for (const dep of Object.keys(pkg.dependencies)) {
      const license = (JSON.parse(readFileSync(join(ROOT, "node_modules", dep, "package.json"), "utf8")) as { license: string }).license;
      expect([dep, PERMISSIVE.includes(license)]).toEqual([dep, true]);
    }
  });

  it("synthesizes the consumer's own definitions with the packed CLI", () => {
    expect(run(join(project, "node_modules", ".bin", "keyless"), ["validate", "--dir", "access"])).toContain("access is valid: 1 workspace(s)");
    expect(run(join(project, "node_modules", ".bin", "keyless"), ["synth", "--dir", "access", "--out", "tf"])).toContain("1 workspace(s), 2 account assignment(s)");
    const stack = readFileSync(join(project, "tf", "stacks", "main", "cdk.tf.json"), "utf8");
    expect(stack).toContain("group:Analysts/Viewer/app-prod");
    expect(stack).not.toContain(project);
    expect(stack).not.toContain(ROOT);
    expect(run(join(project, "node_modules", ".bin", "keyless"), ["report", "--dir", "access", "--date", "2026-01-15"])).toContain("| `data-prod` 100000000003 | Viewer |");
  });

  it("synthesizes them through the library API, from the package and not this repository", () => {
    const script = `
      const keyless = require("keyless");
      const where = require.resolve("keyless");
      const r = keyless.compile({ dir: "access" });
      if (!r.plan) throw new Error(keyless.formatDiagnostics(r.diagnostics));
      keyless.synthesize(r.plan, { outdir: "lib-out" });
      const report = require("keyless/report");
      console.log(JSON.stringify({ where, workspaces: r.plan.workspaces.map((w) => w.name), grants: report.buildReport(r.plan, [], "2026-01-15").workspaces[0].identityCenter.grants.length }));`;
    const result = JSON.parse(run(process.execPath, ["-e", script]));
    expect(result).toEqual({ where: join(project, "node_modules", "keyless", "dist", "modules", "index.js"), workspaces: ["main"], grants: 2 });
    expect(readFileSync(join(project, "lib-out", "stacks", "main", "cdk.tf.json"), "utf8")).toBe(readFileSync(join(project, "tf", "stacks", "main", "cdk.tf.json"), "utf8"));
  });

  it("keeps the CDKTF engine out of validate, report and diff", () => {
    const script = `
      const { runCli } = require("keyless/cli");
      const io = { stdout() {}, stderr() {}, cwd: process.cwd(), env: {}, isTTY: false, today: () => "2026-01-15" };
      const codes = [runCli(["validate", "--dir", "access"], io), runCli(["report", "--dir", "access"], io)];
      console.log(JSON.stringify({ codes, cdktf: Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/](cdktf|@cdktf)[\\\\/]/.test(k)) }));`;
    expect(JSON.parse(run(process.execPath, ["-e", script]))).toEqual({ codes: [0, 0], cdktf: false });
    expect(existsSync(join(project, "node_modules", "keyless", "schemas", "workspace.schema.json"))).toBe(true);
    expect(readdirSync(join(project, "node_modules", "keyless"))).not.toContain("src");
  });

  it("compiles through keyless/compiler without loading the CDKTF engine", () => {
    const script = `
      const compiler = require("keyless/compiler");
      const r = compiler.compile({ dir: "access", evaluationDate: "2026-01-15" });
      const report = compiler.renderReport(compiler.buildReport(r.plan, r.diagnostics, "2026-01-15"));
      console.log(JSON.stringify({ where: require.resolve("keyless/compiler"), ok: !!r.plan, report: report.includes("Viewer"), engine: Object.keys(require.cache).filter((k) => /[\\/]node_modules[\\/](cdktf|@cdktf|constructs)[\\/]/.test(k)).length }));`;
    expect(JSON.parse(run(process.execPath, ["-e", script]))).toEqual({ where: join(project, "node_modules", "keyless", "dist", "src", "compiler.js"), ok: true, report: true, engine: 0 });
  });
});
