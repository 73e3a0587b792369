/**
 * The npm package as another organization would use it: `npm pack` (prepack builds dist/ with
 * tsconfig.build.json), unpacked into a temporary project that has only its own definitions, with
 * this repository's installed runtime dependencies linked in (no network). Then the packed CLI and
 * the library API synthesize those definitions.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { Emulator, startEmulator } from "./support/emulator";
import { seedFromDefinitions } from "./support/emulator/seed-from-definitions";
import { copyStack, describeTerraform, init, plan, planChanges, prepareStack, tf, validate } from "./support/terraform";
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
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packs], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, npm_config_update_notifier: "false" },
  }).toString();
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
    expect(files).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "dist/modules/index.js",
        "dist/modules/index.d.ts",
        "dist/src/cli/bin.js",
        "dist/src/report/index.d.ts",
        "schemas/workspace.schema.json",
      ]),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        "RULES.md",
        "templates/init/environments/org.yaml",
        "templates/init/.github/workflows/keyless-pr.yml",
        "templates/init/.github/workflows/keyless-apply.yml",
        "templates/init/gitignore",
      ]),
    );
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
    expect(JSON.parse(run(process.execPath, ["-e", script]))).toEqual({
      where: join(project, "node_modules", "keyless", "dist", "src", "compiler.js"),
      ok: true,
      report: true,
      engine: 0,
    });
  });
});

/**
 * The consumer's path end to end, from the packed tarball: `keyless init` in a new repository, synth
 * as JSON and as HCL, then the real terraform against the AWS API emulator: both validate and both
 * plan the same changes with the same planned values. (Applying the JSON and re-planning the HCL over
 * its state, also no change, was measured at 12.6 CPU-s more: over this test's budget.)
 */
describeTerraform("the consumer's path from the packed tarball: init, synth (JSON and HCL), validate and plan", () => {
  let repo: string;
  let emulator: Emulator;
  const stack: Record<"json" | "hcl", string> = { json: "", hcl: "" };
  const keyless = (...args: string[]) =>
    execFileSync(join(repo, "node_modules", ".bin", "keyless"), args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } }).toString();

  beforeAll(async () => {
    repo = tempDir("first-hour");
    consumerProject(repo);
    expect(keyless("init")).toContain("wrote 6 files to .");
    expect(keyless("synth")).toContain("1 workspace(s), 0 account assignment(s) -> cdktf.out/stacks/{org}");
    expect(keyless("synth", "--format", "hcl", "--out", "hcl")).toContain("-> hcl/stacks/{org}");
    // The same repository with a constraint the machine's provider (the mirror's 5.100) satisfies.
    cpSync(join(repo, "environments"), join(repo, "pinned"), { recursive: true });
    appendFileSync(join(repo, "pinned", "org.yaml"), 'terraform:\n  awsProviderVersion: ">= 5.100, < 7"\n');
    expect(keyless("synth", "--dir", "pinned", "--out", "pinned-out")).toContain("-> pinned-out/stacks/{org}");
    emulator = await startEmulator({ seed: seedFromDefinitions(join(repo, "environments")) });
    // In place, as the consumer runs them, with the state where keyless declares it
    // (<repo>/terraform.tfstate.d/org/, inside the temporary repository).
    stack.json = join(repo, "cdktf.out", "stacks", "org");
    stack.hcl = join(repo, "hcl", "stacks", "org");
    // Keep the declared local backend (the harness keeps it, or does so when asked, by version).
    const prepare = prepareStack as (dir: string, e: Emulator, opts?: { backend: "as-declared" }) => Promise<void>;
    await prepare(stack.json, emulator, { backend: "as-declared" });
    // The harness reads the stack's providers from cdk.tf.json: give it the JSON stack's for a moment.
    copyFileSync(join(stack.json, "cdk.tf.json"), join(stack.hcl, "cdk.tf.json"));
    await prepare(stack.hcl, emulator, { backend: "as-declared" });
    rmSync(join(stack.hcl, "cdk.tf.json"));
    await Promise.all([init(stack.json), init(stack.hcl)]);
  }, 180_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it("writes the files a new repository needs, with $schema resolving into the installed package", () => {
    expect(readdirSync(join(repo, "environments")).sort()).toEqual(["org.yaml", "shared"]);
    const ref = (parse(readFileSync(join(repo, "environments", "org.yaml"), "utf8")) as { $schema: string }).$schema;
    expect(existsSync(join(repo, "environments", ref))).toBe(true);
    expect(existsSync(join(repo, "node_modules", "keyless", "RULES.md"))).toBe(true);
    expect(
      readdirSync(join(stack.hcl))
        .filter((f) => f.endsWith(".tf") || f.endsWith(".tf.json"))
        .sort(),
    ).toEqual(["main.tf", "override.tf.json"]);
  });

  it("validates both forms", async () => {
    const [json, hcl] = await Promise.all([validate(stack.json), validate(stack.hcl)]);
    expect(json.stdout).toContain("The configuration is valid");
    expect(hcl.stdout).toContain("The configuration is valid");
  }, 180_000);

  it("plans both forms identically: same changes, same planned values", async () => {
    const [json, hcl] = await Promise.all([plan(stack.json), plan(stack.hcl)]);
    expect(json.add).toBeGreaterThan(0);
    expect({ add: hcl.add, change: hcl.change, destroy: hcl.destroy }).toEqual({ add: json.add, change: json.change, destroy: json.destroy });
    expect(hcl.json.planned_values).toEqual(json.json.planned_values);
    expect(planChanges(hcl)).toEqual(planChanges(json));
  }, 180_000);

  it("the constraints keyless writes are Terraform's syntax, and the default one says what it needs", async () => {
    // Without the harness's version rewrite: the generated ~> 6.25 is parsed and refused by the 5.100 mirror.
    const override = JSON.parse(readFileSync(join(stack.json, "override.tf.json"), "utf8"));
    delete override.terraform.required_providers;
    const bare = copyStack(stack.json, tempDir("first-hour-pin"));
    rmSync(join(bare, ".terraform"), { recursive: true, force: true });
    rmSync(join(bare, ".terraform.lock.hcl"), { force: true });
    writeFileSync(join(bare, "override.tf.json"), JSON.stringify(override));
    const refused = await tf(bare, ["init", "-input=false", "-no-color", "-backend=false"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/no available releases match the given constraints ~> 6\.25/);
    // A constraint the machine's provider satisfies, written by keyless from the workspace's terraform: settings.
    copyFileSync(join(repo, "pinned-out", "stacks", "org", "cdk.tf.json"), join(bare, "cdk.tf.json"));
    expect(JSON.parse(readFileSync(join(bare, "cdk.tf.json"), "utf8")).terraform).toMatchObject({
      required_version: ">= 1.5",
      required_providers: { aws: { source: "hashicorp/aws", version: ">= 5.100, < 7" } },
    });
    const accepted = await tf(bare, ["init", "-input=false", "-no-color", "-backend=false"]);
    expect([accepted.code, accepted.stdout]).toEqual([0, expect.stringContaining("hashicorp/aws v5.100.0")]);
  }, 180_000);
});
