import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesize } from "../modules/synth";
import { compile } from "../src/compile/compile";
import { runSynth } from "../src/run-synth";
import { readTree } from "./support/definitions";
import { writeDefinitions, workspace } from "./support/fixtures";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");
const ENVIRONMENTS = join(ROOT, "environments");
const DATE = "2026-11-01";

function synthExample(): { outdir: string; tree: Record<string, string> } {
  const outdir = join(tempDir("out"), "cdktf.out");
  const code = runSynth({ dir: ENVIRONMENTS, outdir, evaluationDate: DATE, synthesize, stdout: () => {}, stderr: () => {} });
  expect(code).toBe(0);
  return { outdir, tree: readTree(outdir) };
}

describe("the example organization", () => {
  const first = synthExample();
  const stacks = Object.keys(first.tree).filter((f) => f.endsWith("cdk.tf.json"));
  const all = (type: string, kind = "resource") => stacks.flatMap((f) => Object.keys(JSON.parse(first.tree[f])[kind]?.[type] ?? {}).map((k) => `${f.split("/")[1]}:${k}`));

  it("compiles without errors or unacknowledged warnings and has at least three workspaces", () => {
    const result = compile({ dir: ENVIRONMENTS, evaluationDate: DATE });
    expect(result.diagnostics).toEqual([]);
    // The acknowledged findings show the feature: a group synced ahead of the audit that uses it, and
    // the management account, which no SCP reaches, kept for Organizations and billing only.
    expect(result.acknowledged.map((d) => [d.file.replace(/^.*environments\//, ""), d.code, d.subject])).toEqual([
      ["org.yaml", "KL604", "group:Auditors"],
      ["org.yaml", "KL413", "scp-target:account:management"],
    ]);
    expect(stacks.length).toBeGreaterThanOrEqual(3);
  });

  it("writes one stack per workspace file", () => {
    const files = readdirSync(ENVIRONMENTS)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => f.replace(/\.[^.]+$/, ""));
    expect(stacks.map((s) => s.split("/")[1]).sort()).toEqual(files.sort());
  });

  it.each([
    "aws_ssoadmin_permission_set",
    "aws_ssoadmin_account_assignment",
    "aws_organizations_policy",
    "aws_organizations_policy_attachment",
    "aws_iam_openid_connect_provider",
    "aws_iam_role",
  ])("uses %s", (type) => {
    expect(all(type).length).toBeGreaterThan(0);
  });

  it("is byte-identical on a second run", () => {
    expect(synthExample().tree).toEqual(first.tree);
  });

  it("holds no absolute path of this machine", () => {
    for (const [file, text] of Object.entries(first.tree)) {
      for (const p of [ROOT, tmpdir(), first.outdir, process.env.HOME ?? "/root"]) {
        expect({ file, leaks: text.includes(p) }).toEqual({ file, leaks: false });
      }
    }
  });

  it("renders every policy document as literal minified JSON", () => {
    const policies: string[] = [];
    for (const f of stacks) {
      const r = JSON.parse(first.tree[f]).resource ?? {};
      for (const p of Object.values<any>(r.aws_organizations_policy ?? {})) policies.push(p.content);
      for (const p of Object.values<any>(r.aws_iam_role ?? {})) policies.push(p.assume_role_policy);
      for (const p of Object.values<any>(r.aws_ssoadmin_permission_set_inline_policy ?? {})) policies.push(p.inline_policy);
    }
    expect(policies.length).toBeGreaterThanOrEqual(5);
    for (const p of policies) {
      expect(p).not.toContain("${");
      expect(JSON.stringify(JSON.parse(p))).toBe(p);
    }
  });

  it.each(["dev", "org", "prod"])("matches the reviewed snapshot of workspace %s", (ws) => {
    expect(JSON.parse(first.tree[`stacks/${ws}/cdk.tf.json`])).toMatchSnapshot();
  });

  it("leaves the previous output untouched when a run fails, and writes nothing new", () => {
    const broken = writeDefinitions({ "dev.yaml": workspace({ aws: { region: 42 } }) });
    const errors: string[] = [];
    const code = runSynth({ dir: broken, outdir: first.outdir, synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
    expect(code).toBe(1);
    expect(errors.join("\n")).toContain("KL101");
    expect(readTree(first.outdir)).toEqual(first.tree);
    expect(readdirSync(join(first.outdir, "..")).sort()).toEqual(["cdktf.out"]);
  });
});

describe("the command line", () => {
  it("npm run synth and cdktf synth write the same bytes", () => {
    const base = tempDir("cli");
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "1" };
    execFileSync(process.execPath, ["--require", "tsx/cjs", "main.ts", "--out", join(base, "a")], { cwd: ROOT, env, stdio: "pipe" });
    execFileSync(process.execPath, [join(ROOT, "node_modules/cdktf-cli/bundle/bin/cdktf"), "synth", "--output", join(base, "b")], { cwd: ROOT, env, stdio: "pipe" });
    const a = readTree(join(base, "a"));
    expect(Object.keys(a).length).toBeGreaterThanOrEqual(4);
    expect(readTree(join(base, "b"))).toEqual(a);
  }, 60_000);

  it("npm run synth runs the compiled CLI while dist/ is newer than every source and schema, and the sources through tsx once one is newer", () => {
    // A stand-in project: the real launcher, a dist/ and a main.ts that say which one ran.
    const root = tempDir("launcher");
    mkdirSync(join(root, "scripts"));
    copyFileSync(join(ROOT, "scripts/synth.cjs"), join(root, "scripts/synth.cjs"));
    symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
    mkdirSync(join(root, "dist/src/cli"), { recursive: true });
    writeFileSync(join(root, "dist/src/cli/cli.js"), `exports.processIo = () => ({}); exports.runCli = (argv) => { console.log("compiled " + argv.join(" ")); return 0; };\n`);
    writeFileSync(join(root, "main.ts"), `const args: string[] = process.argv.slice(2);\nconsole.log("sources " + args.join(" "));\n`);
    for (const d of ["src", "modules"]) {
      mkdirSync(join(root, d));
      writeFileSync(join(root, d, "a.ts"), "export {};\n");
    }
    mkdirSync(join(root, "schemas"));
    writeFileSync(join(root, "schemas/a.schema.json"), "{}\n");
    const run = () => {
      const r = spawnSync(process.execPath, [join(root, "scripts/synth.cjs"), "--out", "x"], { cwd: root, encoding: "utf8" });
      return { stdout: r.stdout.trim(), stderr: r.stderr.trim(), status: r.status };
    };
    const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
    expect(run()).toMatchObject({ stdout: "sources --out x", status: 0, stderr: expect.stringContaining("dist/ is not built") });
    writeFileSync(join(root, "dist/.built"), "");
    for (const f of ["main.ts", "src/a.ts", "modules/a.ts", "schemas/a.schema.json"]) at(join(root, f), 1_000_000);
    at(join(root, "dist/.built"), 2_000_000);
    expect(run()).toEqual({ stdout: "compiled synth --out x", stderr: "", status: 0 });
    at(join(root, "schemas/a.schema.json"), 3_000_000);
    expect(run()).toMatchObject({ stdout: "sources --out x", status: 0, stderr: expect.stringContaining("a source file is newer than dist/") });
    at(join(root, "schemas/a.schema.json"), 1_000_000);
    expect(run().stdout).toBe("compiled synth --out x");
    at(join(root, "modules/a.ts"), 3_000_000);
    expect(run()).toMatchObject({ stdout: "sources --out x", status: 0, stderr: expect.stringContaining("a source file is newer than dist/") });
  }, 30_000);

  it("exits 1 with located errors and no stack trace on bad input", () => {
    const broken = writeDefinitions({ "dev.yaml": "organization: ./shared/organization.yaml\naws:\n  region: [\n" });
    let stderr = "";
    let status = 0;
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "main.ts"), "--dir", ".", "--out", "out"], { cwd: broken, stdio: "pipe" });
    } catch (e: any) {
      status = e.status;
      stderr = String(e.stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain("dev.yaml:");
    expect(stderr).toContain("KL002");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(broken)).not.toContain("out");
  }, 30_000);
});
