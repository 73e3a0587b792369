import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { synthesize } from "../modules/synth";
import { runSynth } from "../src/run-synth";
import { workspace, writeDefinitions } from "./support/fixtures";
import { tempDir } from "./support/temp";

const DATE = "2026-01-15";
const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

function definitions(files: Record<string, unknown>): string {
  const dir = writeDefinitions(files);
  cleanup.push(dir);
  return dir;
}

function synth(dir: string, outdir: string, workspaces: string[] = []): { code: number; stderr: string } {
  const errors: string[] = [];
  const code = runSynth({ dir, outdir, evaluationDate: DATE, workspaces, synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
  return { code, stderr: errors.join("\n") };
}

const TWO = {
  "a.yaml": workspace({
    guardrails: { denyIamUsers: { targets: { root: true } } },
    acknowledgements: [{ rule: "KL413", subject: "scp-target:account:management", reason: "The management account of this fixture holds no IAM users and no workloads." }],
  }),
  "b.yaml": workspace({ backend: { local: { path: "state/b.tfstate" } }, githubOidc: { providers: { "app-dev": {} } } }),
};

/** Terraform's own files, as `terraform init` and `apply` leave them in a stack folder. */
const TERRAFORM_FILES = [".terraform/providers/marker", ".terraform.lock.hcl", "terraform.tfstate", "terraform.tfstate.backup", "override.tf.json"];

describe("synth and Terraform's files", () => {
  const base = tempDir("synth-out");
  cleanup.push(base);
  const outdir = join(base, "cdktf.out");

  it("keeps .terraform/, the lock file, state and overrides in a stack folder, and rewrites keyless's file", () => {
    const dir = definitions(TWO);
    expect(synth(dir, outdir).code).toBe(0);
    const stack = join(outdir, "stacks", "a");
    for (const f of TERRAFORM_FILES) {
      mkdirSync(join(stack, f, ".."), { recursive: true });
      writeFileSync(join(stack, f), `kept ${f}`);
    }
    writeFileSync(join(stack, "cdk.tf.json"), "stale");
    expect(synth(dir, outdir).code).toBe(0);
    for (const f of TERRAFORM_FILES) expect([f, readFileSync(join(stack, f), "utf8")]).toEqual([f, `kept ${f}`]);
    expect(JSON.parse(readFileSync(join(stack, "cdk.tf.json"), "utf8")).resource.aws_organizations_policy).toBeDefined();
    expect(readdirSync(base)).toEqual(["cdktf.out"]);
  });

  it("with --workspace writes only that stack and leaves the others as they are", () => {
    const dir = definitions(TWO);
    expect(synth(dir, outdir).code).toBe(0);
    writeFileSync(join(outdir, "stacks", "b", "cdk.tf.json"), '{"untouched":true}');
    expect(synth(dir, outdir, ["a"]).code).toBe(0);
    expect(readFileSync(join(outdir, "stacks", "b", "cdk.tf.json"), "utf8")).toBe('{"untouched":true}');
    expect(Object.keys(JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks)).toEqual(["a", "b"]);
  });

  it("removes the stack of a workspace no longer defined, unless it holds state, which it keeps and says so", () => {
    const dir = definitions(TWO);
    expect(synth(dir, outdir).code).toBe(0);
    writeFileSync(join(outdir, "stacks", "b", "terraform.tfstate"), "{}");
    const onlyA = definitions({ "a.yaml": TWO["a.yaml"] });
    const kept = synth(onlyA, outdir);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain('stacks/b is kept: workspace "b" is no longer defined');
    expect(readdirSync(join(outdir, "stacks", "b")).sort()).toEqual(["cdk.tf.json", "terraform.tfstate"]);
    rmSync(join(outdir, "stacks", "b", "terraform.tfstate"));
    expect(synth(onlyA, outdir).stderr).not.toContain("is kept");
    expect(readdirSync(join(outdir, "stacks"))).toEqual(["a"]);
  });
});

describe("local state", () => {
  it("lives outside the output folder by default and where the definition says, relative to the folder holding it", () => {
    const base = tempDir("synth-state");
    cleanup.push(base);
    const outdir = join(base, "cdktf.out");
    expect(synth(definitions(TWO), outdir).code).toBe(0);
    const path = (ws: string) => JSON.parse(readFileSync(join(outdir, "stacks", ws, "cdk.tf.json"), "utf8")).terraform.backend.local.path;
    expect([path("a"), path("b")]).toEqual(["../../../terraform.tfstate.d/a/terraform.tfstate", "../../../state/b.tfstate"]);
    // Terraform resolves the path from the stack folder: it lands beside cdktf.out, not inside it.
    expect(resolve(outdir, "stacks", "a", path("a"))).toBe(join(base, "terraform.tfstate.d", "a", "terraform.tfstate"));
    expect(existsSync(join(outdir, "terraform.tfstate.d"))).toBe(false);
  });
});
