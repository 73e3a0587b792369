/**
 * The GitHub workflows in .github/workflows/, checked structurally (no schema download at test time):
 * the keys GitHub's workflow syntax allows, steps that either run or use a pinned action, `needs` and
 * `steps.<id>` references that exist, minimal permissions, and keyless AWS access through OIDC roles
 * that the example organization really declares and whose trust admits the job's environment.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { compile } from "../src/compile/compile";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");
const DIR = join(ROOT, ".github", "workflows");
const REPOSITORY = "acme/aws-access";

type Step = Record<string, any>;
type Job = Record<string, any>;
interface Workflow {
  name?: string;
  on: Record<string, any>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
  [key: string]: unknown;
}

const WORKFLOW_KEYS = ["name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"];
const JOB_KEYS = [
  "name",
  "needs",
  "runs-on",
  "permissions",
  "environment",
  "concurrency",
  "outputs",
  "env",
  "defaults",
  "if",
  "steps",
  "timeout-minutes",
  "strategy",
  "continue-on-error",
  "container",
  "services",
];
const STEP_KEYS = ["id", "name", "if", "uses", "run", "with", "env", "shell", "working-directory", "continue-on-error", "timeout-minutes"];
const EVENTS = ["push", "pull_request", "workflow_dispatch", "schedule", "merge_group"];
const PERMISSION_SCOPES = ["actions", "checks", "contents", "deployments", "id-token", "issues", "packages", "pages", "pull-requests", "statuses"];

const workflows: Record<string, Workflow> = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => [f, parse(readFileSync(join(DIR, f), "utf8")) as Workflow]),
);

/** Every `${{ ... }}` expression in a value, recursively. */
function expressions(value: unknown): string[] {
  if (typeof value === "string") return [...value.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (value && typeof value === "object") return Object.values(value).flatMap(expressions);
  return [];
}

const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

describe.each(Object.keys(workflows))("workflow %s", (file) => {
  const wf = workflows[file];

  it("uses only keys GitHub's workflow syntax allows", () => {
    expect(Object.keys(wf).filter((k) => !WORKFLOW_KEYS.includes(k))).toEqual([]);
    expect(Object.keys(wf.on).filter((e) => !EVENTS.includes(e))).toEqual([]);
    expect(Object.keys(wf.on)).not.toContain("pull_request_target");
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(id).toMatch(/^[A-Za-z_][\w-]*$/);
      expect([id, Object.keys(job).filter((k) => !JOB_KEYS.includes(k))]).toEqual([id, []]);
      expect([id, typeof job["runs-on"]]).toEqual([id, "string"]);
      expect(Array.isArray(job.steps) && job.steps.length > 0).toBe(true);
      for (const step of job.steps as Step[]) {
        expect([id, step.name, Object.keys(step).filter((k) => !STEP_KEYS.includes(k))]).toEqual([id, step.name, []]);
        // Exactly one of run and uses; actions pinned to a version.
        expect([step.name, "run" in step !== "uses" in step]).toEqual([step.name, true]);
        if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@v\d+$/);
        if (step.with) for (const v of Object.values(step.with)) expect(["string", "number", "boolean"]).toContain(typeof v);
      }
    }
  });

  it("references only jobs, step ids and contexts that exist", () => {
    for (const [id, job] of Object.entries(wf.jobs)) {
      for (const n of needsOf(job)) expect([id, n in wf.jobs && n !== id]).toEqual([id, true]);
      const stepIds = (job.steps as Step[]).map((s) => s.id).filter(Boolean);
      for (const expr of expressions(job)) {
        for (const m of expr.matchAll(/\bneeds\.([\w-]+)\./g)) expect([id, expr, needsOf(job)]).toEqual([id, expr, expect.arrayContaining([m[1]])]);
        for (const m of expr.matchAll(/\bsteps\.([\w-]+)\./g)) expect([id, expr, stepIds]).toEqual([id, expr, expect.arrayContaining([m[1]])]);
        for (const m of expr.matchAll(/\benv\.(\w+)/g)) expect([id, expr, { ...wf.env, ...job.env }]).toEqual([id, expr, expect.objectContaining({ [m[1]]: expect.anything() })]);
        for (const m of expr.matchAll(/\bmatrix\.(\w+)/g)) expect([id, expr, job.strategy?.matrix]).toEqual([id, expr, expect.objectContaining({ [m[1]]: expect.anything() })]);
      }
      // Untrusted event text never lands in a shell script directly (script injection).
      for (const step of job.steps as Step[]) if (step.run) expect([step.name, expressions(step.run)]).toEqual([step.name, []]);
    }
  });

  it("grants least privilege: read-only by default, id-token only where AWS is reached", () => {
    expect(wf.permissions).toEqual({ contents: "read" });
    for (const [id, job] of Object.entries(wf.jobs)) {
      for (const [scope, level] of Object.entries(job.permissions ?? {})) {
        expect([id, PERMISSION_SCOPES.includes(scope), ["read", "write", "none"].includes(level as string)]).toEqual([id, true, true]);
      }
      const usesAws = (job.steps as Step[]).some((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials@"));
      expect([id, job.permissions?.["id-token"] === "write"]).toEqual([id, usesAws]);
    }
  });

  it("reaches AWS only through GitHub OIDC roles the example organization declares, admitting the job's environment", () => {
    const plan = compile({ dir: join(ROOT, "environments"), cwd: ROOT, evaluationDate: "2026-11-01" }).plan!;
    const roles = plan.workspaces.flatMap((w) => w.githubOidc.roles);
    const workspaces = plan.workspaces.map((w) => w.name);
    const env = (v: string, job: Job) => v.replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (_, k) => ({ ...wf.env, ...job.env })[k]);
    let oidcSteps = 0;
    for (const [id, job] of Object.entries(wf.jobs)) {
      for (const step of (job.steps as Step[]).filter((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials@"))) {
        expect(Object.keys(step.with)).not.toContain("aws-access-key-id");
        expect(Object.keys(step.with)).not.toContain("aws-secret-access-key");
        expect(step.with["aws-region"]).toBeDefined();
        if (step.with["role-chaining"]) continue; // chains from the OIDC role's session
        oidcSteps++;
        const arn = env(step.with["role-to-assume"], job);
        const role = roles.find((r) => r.arn === arn);
        expect([id, arn, role?.repository]).toEqual([id, arn, REPOSITORY]);
        // A job without an environment sends the ref form: only a push to main may assume the role.
        if (job.environment === undefined) {
          expect([id, Object.keys(wf.on), wf.on.push?.branches]).toEqual([id, expect.not.arrayContaining(["pull_request"]), ["main"]]);
          expect([id, role!.subjects]).toEqual([id, [`repo:${REPOSITORY}:ref:refs/heads/main`]]);
          continue;
        }
        // The environment(s) the job runs in, with the matrix expanded over the example's workspaces.
        const envs = String(job.environment).includes("matrix.workspace")
          ? workspaces.map((w) => String(job.environment).replace(/\$\{\{\s*matrix\.workspace\s*\}\}/, w))
          : [String(job.environment)];
        for (const e of envs) expect([id, e, role!.subjects]).toEqual([id, e, expect.arrayContaining([`repo:${REPOSITORY}:environment:${e}`])]);
      }
    }
    // Pull-request code never reaches AWS: pull_request workflows have no OIDC step at all.
    if (Object.keys(wf.on).includes("pull_request")) expect(oidcSteps).toBe(0);
    else expect(oidcSteps).toBeGreaterThan(0);
  });
});

describe("the pull-request workflow", () => {
  const wf = workflows["keyless-pr.yml"];
  const runs = Object.values(wf.jobs).flatMap((j) => (j.steps as Step[]).map((s) => String(s.run ?? "")));

  it("installs, validates, synthesizes, then validates each changed workspace's Terraform, without credentials", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    for (const cmd of [
      "npm ci",
      "$KEYLESS validate",
      "$KEYLESS synth",
      "--format names",
      'terraform -chdir="cdktf.out/stacks/$WORKSPACE" init -input=false -backend=false',
      'terraform -chdir="cdktf.out/stacks/$WORKSPACE" validate',
    ]) {
      expect([cmd, runs.some((r) => r.includes(cmd))]).toEqual([cmd, true]);
    }
    expect(runs.some((r) => / plan\b/.test(r))).toBe(false);
    expect(wf.jobs.validate.strategy.matrix.workspace).toBe("${{ fromJSON(needs.check.outputs.workspaces) }}");
    // No secrets and no id-token anywhere: pull-request code can change this file.
    expect(JSON.stringify(wf)).not.toMatch(/secrets\.|id-token/);
  });

  it("posts the diff, the report and the plans as one comment, updated in place", () => {
    expect(runs.some((r) => r.includes("$KEYLESS diff") && r.includes("--with-report"))).toBe(true);
    const script = (wf.jobs.comment.steps as Step[]).find((s) => String(s.uses).startsWith("actions/github-script@"))!.with.script as string;
    expect(script).toContain("<!-- keyless-access-report -->");
    expect(script).toContain("updateComment");
    expect(script).toContain("createComment");
    expect(wf.jobs.comment.permissions).toEqual({ "pull-requests": "write" });
  });
});

describe("the main-branch workflow", () => {
  const wf = workflows["keyless-apply.yml"];

  it("applies each changed workspace in order, behind a GitHub environment per workspace", () => {
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(wf.concurrency).toEqual({ group: "keyless-apply", "cancel-in-progress": false });
    const apply = wf.jobs.apply;
    expect(apply.environment).toBe("keyless-${{ matrix.workspace }}");
    expect(apply.strategy["max-parallel"]).toBe(1);
    expect((apply.steps as Step[]).some((s) => String(s.run).includes("apply -input=false -auto-approve"))).toBe(true);
    // Planned first, with the plan role and the plan-only token; the apply token only in the environments.
    // Only workspaces whose plan changes something are applied: no approval is asked for a no-op.
    expect(apply.needs).toEqual(["synth", "plan", "changes"]);
    expect(apply.strategy.matrix.workspace).toBe("${{ fromJSON(needs.changes.outputs.workspaces) }}");
    expect(apply.if).toBe("needs.changes.outputs.workspaces != '[]'");
    expect(wf.jobs.plan.environment).toBeUndefined();
    expect(wf.jobs.plan.env.TF_TOKEN_app_terraform_io).toBe("${{ secrets.TF_PLAN_TOKEN }}");
    expect(apply.env.TF_TOKEN_app_terraform_io).toBe("${{ secrets.TF_API_TOKEN }}");
    expect((wf.jobs.synth.steps as Step[]).some((s) => String(s.run).includes(".applyOrder[]"))).toBe(true);
  });

  it("runs every day, so that a grant is removed on its expires: day without waiting for a push", () => {
    expect(wf.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ 0 \* \* \*$/) }]);
    // The daily run plans the workspaces where a grant expired in the last week, not every workspace.
    const pick = (wf.jobs.synth.steps as Step[]).find((s) => s.id === "changed")!.run as string;
    expect(pick).toContain('elif [ "$EVENT" = "schedule" ]; then');
    expect(pick).toContain("--base HEAD --base-date \"$(date -u -d '7 days ago' +%F)\" --format names");
    const plan = (wf.jobs.plan.steps as Step[]).find((s) => s.name === "terraform plan")!;
    expect(plan.run).toContain("-detailed-exitcode");
    expect((wf.jobs.plan.steps as Step[]).some((s) => String(s.uses).startsWith("actions/upload-artifact@") && s.with.name === "plan-${{ matrix.workspace }}")).toBe(true);
  });

  it("keeps, in apply order, the workspaces whose plan changes something (the changes job's script, run)", () => {
    const step = (wf.jobs.changes.steps as Step[]).find((s) => s.id === "changes")!;
    const dir = tempDir("workflow");
    try {
      mkdirSync(join(dir, "plans"));
      writeFileSync(join(dir, "plans", "org"), "changes\n");
      writeFileSync(join(dir, "plans", "dev"), "none\n");
      writeFileSync(join(dir, "plans", "prod"), "changes\n");
      const output = join(dir, "github-output");
      const run = (planned: string) => {
        writeFileSync(output, "");
        execFileSync("bash", ["-eo", "pipefail", "-c", step.run], { cwd: dir, env: { ...process.env, PLANNED: planned, GITHUB_OUTPUT: output }, stdio: "pipe" });
        return readFileSync(output, "utf8");
      };
      expect(run('["org","dev","prod"]')).toBe('workspaces=["org","prod"]\n');
      // A workspace whose plan left nothing (it did not run) is not applied.
      expect(run('["org","data","dev"]')).toBe('workspaces=["org"]\n');
      expect(run('["dev"]')).toBe("workspaces=[]\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the plan role of keyless's own CI", () => {
  it("would be rejected with a pull_request subject: chaining into the management account is not read-only (KL509)", async () => {
    const { loadDefinitions } = await import("../src/load/load");
    const { readFileSync: read } = await import("node:fs");
    const { parse: parseYaml, stringify } = await import("yaml");
    const { writeDefinitions } = await import("./support/fixtures");
    const org = parseYaml(read(join(ROOT, "environments", "org.yaml"), "utf8"));
    org.githubOidc.roles["keyless-plan"].subjects = [{ pullRequest: true }];
    org.organization = "./shared/organization.yaml";
    const dir = writeDefinitions({ "org.yaml": stringify(org), "shared/organization.yaml": read(join(ROOT, "environments", "shared", "organization.yaml"), "utf8") });
    expect(loadDefinitions({ dir }).diagnostics).toEqual([]);
    const result = compile({ dir, cwd: dir, evaluationDate: "2026-11-01" });
    (await import("node:fs")).rmSync(dir, { recursive: true, force: true });
    const kl509 = result.diagnostics.filter((d) => d.code === "KL509");
    expect(kl509).toHaveLength(1);
    expect(kl509[0].message).toContain("sts:AssumeRole reads secrets, data or credentials");
  });
});
