import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { synthesize } from "../modules/synth";
import { runSynth } from "../src/run-synth";
import { membersWithin } from "../src/stack/plan-memory";
import { stringify } from "yaml";
import { cli, commitAll, git } from "./support/cli";
import { compileFiles, githubRole, inventory, messages, workspace, writeDefinitions } from "./support/fixtures";
import { tempDir } from "./support/temp";

const DATE = "2026-01-15";
const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

/** Synthesizes `files` (an inventory is added) into `outdir`: workspace -> parsed stack, and stderr. */
function synth(files: Record<string, unknown>, outdir: string): { stacks: Record<string, any>; stderr: string } {
  const stderr = run(files, outdir, "json");
  const stacks: Record<string, any> = {};
  for (const ws of workspacesOf(files)) stacks[ws] = JSON.parse(readFileSync(join(outdir, "stacks", ws, "cdk.tf.json"), "utf8"));
  return { stacks, stderr };
}

/** The same with `--format hcl`: workspace -> main.tf, and stderr. */
function synthHcl(files: Record<string, unknown>, outdir: string): { stacks: Record<string, string>; stderr: string } {
  const stderr = run(files, outdir, "hcl");
  const stacks: Record<string, string> = {};
  for (const ws of workspacesOf(files)) stacks[ws] = readFileSync(join(outdir, "stacks", ws, "main.tf"), "utf8");
  return { stacks, stderr };
}

function run(files: Record<string, unknown>, outdir: string, format: "json" | "hcl"): string {
  const dir = writeDefinitions(files);
  cleanup.push(dir);
  const errors: string[] = [];
  const code = runSynth({ dir, outdir, evaluationDate: DATE, synthesize: (plan, o) => synthesize(plan, { ...o, format }), stdout: () => {}, stderr: (t) => errors.push(t) });
  expect({ code, errors: code ? errors : [] }).toEqual({ code: 0, errors: [] });
  return errors.join("\n");
}

const workspacesOf = (files: Record<string, unknown>) =>
  Object.keys(files)
    .filter((f) => !f.includes("/"))
    .map((f) => f.replace(/\.[^.]+$/, ""));

function outdir(): string {
  const base = tempDir("stack-gh");
  cleanup.push(base);
  return join(base, "out");
}

describe("GitHub roles and their OIDC provider", () => {
  it("a role depends on the provider it trusts when the same stack creates it, and only then", () => {
    const { stacks } = synth(
      {
        "org.yaml": workspace({ githubOidc: { providers: { "app-prod": {} } } }),
        "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { dev: githubRole("app-dev"), prod: githubRole("app-prod") } } }),
      },
      outdir(),
    );
    const roles = stacks.ci.resource.aws_iam_role;
    expect(roles.dev.depends_on).toEqual(["aws_iam_openid_connect_provider.github_app-dev"]);
    expect(roles.prod.depends_on).toBeUndefined();
  });
});

/** The inventory of support/fixtures with account app-dev (100000000005) under another key. */
function renamedInventory(): Record<string, unknown> {
  const inv = inventory() as { accounts: Record<string, unknown> };
  const { "app-dev": appDev, ...rest } = inv.accounts;
  return { ...inv, accounts: { ...rest, "app-development": appDev } };
}

describe("renames of GitHub role keys and account keys", () => {
  const before = {
    "ci.yaml": workspace({
      githubOidc: {
        providers: { "app-dev": {} },
        roles: { deploy: githubRole("app-dev", { inlinePolicies: { s3: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } } }) },
      },
    }),
  };

  it("a role key renamed (same account and AWS name) moves its role and policies instead of replacing them, across later synths too", () => {
    const out = outdir();
    synth(before, out);
    const renamed = {
      "ci.yaml": workspace({
        githubOidc: {
          providers: { "app-dev": {} },
          roles: { "app-deploy": githubRole("app-dev", { name: "deploy", inlinePolicies: (before["ci.yaml"] as any).githubOidc.roles.deploy.inlinePolicies }) },
        },
      }),
    };
    const expected = [
      { from: "aws_iam_role.deploy", to: "aws_iam_role.app-deploy" },
      { from: "aws_iam_role_policy.deploy", to: "aws_iam_role_policy.app-deploy" },
      { from: "aws_iam_role_policy_attachment.deploy", to: "aws_iam_role_policy_attachment.app-deploy" },
    ];
    expect(synth(renamed, out).stacks.ci.moved).toEqual(expected);
    // A second synth before the apply must not lose them; renaming back drops the blocks Terraform would reject.
    expect(synth(renamed, out).stacks.ci.moved).toEqual(expected);
    expect(synth(before, out).stacks.ci.moved).toEqual(expected.map((m) => ({ from: m.to, to: m.from })));
  });

  it("a new AWS name at a new key is a new role: no moved block", () => {
    const out = outdir();
    synth(before, out);
    expect(synth({ "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { other: githubRole("app-dev") } } }) }, out).stacks.ci.moved).toBeUndefined();
  });

  it("an account key renamed (same id) moves the account's OIDC provider and keeps no provider for the old key", () => {
    const out = outdir();
    synth(before, out);
    const after = {
      "shared/organization.yaml": renamedInventory(),
      "ci.yaml": workspace({
        githubOidc: {
          providers: { "app-development": {} },
          roles: { deploy: githubRole("app-development", { inlinePolicies: (before["ci.yaml"] as any).githubOidc.roles.deploy.inlinePolicies }) },
        },
      }),
    };
    const { stacks, stderr } = synth(after, out);
    expect(stacks.ci.moved).toEqual([{ from: "aws_iam_openid_connect_provider.github_app-dev", to: "aws_iam_openid_connect_provider.github_app-development" }]);
    expect(stacks.ci.provider.aws.map((p: any) => p.alias ?? "(default)")).toEqual(["(default)", "app-development"]);
    expect(stackNames(stacks.ci)).toEqual([
      "aws_iam_openid_connect_provider.github_app-development",
      "aws_iam_role.deploy",
      "aws_iam_role_policy.deploy",
      "aws_iam_role_policy_attachment.deploy",
    ]);
    expect(stderr).toBe("");
  });
});

describe("the provider of an account whose last resource goes", () => {
  const withRoles = {
    "org.yaml": workspace({ githubOidc: { providers: { "app-prod": {} } } }),
    "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { dev: githubRole("app-dev"), prod: githubRole("app-prod") } } }),
  };
  const withoutProd = { "org.yaml": withRoles["org.yaml"], "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { dev: githubRole("app-dev") } } }) };
  const aliases = (stack: any) => stack.provider.aws.map((p: any) => `${p.alias ?? "(default)"}:${p.allowed_account_ids[0]}`);

  it("is kept when the previous output had resources there, with KL901 saying how to keep it in CI", () => {
    const out = outdir();
    synth(withRoles, out);
    const { stacks, stderr } = synth(withoutProd, out);
    expect(aliases(stacks.ci)).toEqual(["(default):100000000000", "app-dev:100000000005", "app-prod:100000000002"]);
    expect(stackNames(stacks.ci)).not.toContain("aws_iam_role.prod");
    expect(stderr).toContain("warning KL901");
    expect(stderr).toContain("add app-prod to aws.retainProviders");
  });

  it("is kept by aws.retainProviders without any previous output, with KL902 saying when to drop it", () => {
    const { stacks, stderr } = synth(
      {
        "org.yaml": withRoles["org.yaml"],
        "ci.yaml": workspace({
          aws: { region: "eu-west-1", retainProviders: ["app-prod", "app-dev"] },
          githubOidc: { providers: { "app-dev": {} }, roles: { dev: githubRole("app-dev") } },
        }),
      },
      outdir(),
    );
    expect(aliases(stacks.ci)).toEqual(["(default):100000000000", "app-dev:100000000005", "app-prod:100000000002"]);
    expect(stderr).toMatch(/warning KL902 at \$\.aws\.retainProviders\[0\]: provider aws\.app-prod is kept/);
    expect(stderr).toMatch(/warning KL902 at \$\.aws\.retainProviders\[1\]: account app-dev is listed in aws\.retainProviders, but the workspace still manages resources there/);
    expect(stderr).not.toContain("KL901");
  });

  it("is not kept when nothing was there before", () => {
    const { stacks } = synth(withoutProd, outdir());
    expect(aliases(stacks.ci)).toEqual(["(default):100000000000", "app-dev:100000000005"]);
  });
});

describe("with --format hcl, the next synth compares with keyless-previous.json", () => {
  const before = {
    "org.yaml": workspace({ githubOidc: { providers: { "app-prod": {} } } }),
    "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { deploy: githubRole("app-dev"), prod: githubRole("app-prod") } } }),
  };
  const renamed = {
    "org.yaml": before["org.yaml"],
    "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { "app-deploy": githubRole("app-dev", { name: "deploy" }), prod: githubRole("app-prod") } } }),
  };
  const movedBlocks = (hcl: string) => [...hcl.matchAll(/moved \{\s*from\s*=\s*(\S+)\s*to\s*=\s*(\S+)\s*\}/g)].map((m) => `${m[1]} -> ${m[2]}`);

  it("a role key renamed moves the role, as with the JSON output, across later synths too", () => {
    const out = outdir();
    synthHcl(before, out);
    const previous = JSON.parse(readFileSync(join(out, "stacks", "ci", "keyless-previous.json"), "utf8"));
    expect(Object.keys(previous)).toEqual(["provider", "resource", "moved"]);
    expect(Object.keys(previous.resource.aws_iam_role).sort()).toEqual(["deploy", "prod"]);
    expect(existsSync(join(out, "stacks", "ci", "cdk.tf.json"))).toBe(false);
    const expected = ["aws_iam_role.deploy -> aws_iam_role.app-deploy", "aws_iam_role_policy_attachment.deploy -> aws_iam_role_policy_attachment.app-deploy"];
    expect(movedBlocks(synthHcl(renamed, out).stacks.ci)).toEqual(expected);
    expect(movedBlocks(synthHcl(renamed, out).stacks.ci)).toEqual(expected);
  });

  it("keeps the provider of an account whose last resource goes, with KL901", () => {
    const out = outdir();
    synthHcl(before, out);
    const withoutProd = { "org.yaml": before["org.yaml"], "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { deploy: githubRole("app-dev") } } }) };
    const { stacks, stderr } = synthHcl(withoutProd, out);
    expect(stderr).toContain("warning KL901");
    expect(stacks.ci).toMatch(/alias\s*=\s*"app-prod"/);
    expect(stacks.ci).not.toContain('resource "aws_iam_role" "prod"');
  });

  it("leaves the account assignments out of the file, and drops it when the next synth writes JSON", () => {
    const out = outdir();
    const withAssignments = {
      ...before,
      "org.yaml": workspace({
        githubOidc: { providers: { "app-prod": {} } },
        identityCenter: {
          permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
          groups: { Ops: { source: "external" } },
          assignments: [{ groups: ["Ops"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] } }],
        },
      }),
    };
    synthHcl(withAssignments, out);
    const previous = JSON.parse(readFileSync(join(out, "stacks", "org", "keyless-previous.json"), "utf8"));
    expect(Object.keys(previous.resource)).toContain("aws_ssoadmin_permission_set");
    expect(previous.resource.aws_ssoadmin_account_assignment).toBeUndefined();
    expect(previous.moved.filter((m: { to: string }) => m.to.startsWith("aws_ssoadmin_account_assignment."))).toEqual([]);
    expect(readFileSync(join(out, "stacks", "org", "main.tf"), "utf8")).toContain('resource "aws_ssoadmin_account_assignment"');
    // Back to JSON: renames are still found (from keyless-previous.json), and the file goes.
    const { stacks } = synth(renamed, out);
    expect(stacks.ci.moved.map((m: { from: string; to: string }) => `${m.from} -> ${m.to}`)).toContain("aws_iam_role.deploy -> aws_iam_role.app-deploy");
    expect(existsSync(join(out, "stacks", "ci", "keyless-previous.json"))).toBe(false);
    expect(existsSync(join(out, "stacks", "ci", "main.tf"))).toBe(false);
  });
});

describe("keyless synth --base <git-ref> (a fresh checkout: no previous output)", () => {
  const ci = (roles: Record<string, unknown>) => workspace({ githubOidc: { providers: { "app-dev": {} }, roles } });
  const stack = (repo: string, out: string) => JSON.parse(readFileSync(join(repo, out, "stacks", "ci", "cdk.tf.json"), "utf8"));

  it("compares with the definitions at that commit: a renamed role key is moved, a gone account's provider kept", () => {
    const repo = writeDefinitions({
      "ci.yaml": ci({ deploy: githubRole("app-dev"), prod: githubRole("app-prod") }),
      "org.yaml": workspace({ githubOidc: { providers: { "app-prod": {} } } }),
    });
    cleanup.push(repo);
    commitAll(repo, "applied");
    writeFileSync(join(repo, "ci.yaml"), stringify(ci({ "app-deploy": githubRole("app-dev", { name: "deploy" }) })));

    const plain = cli(repo, ["synth", "--dir", ".", "--out", "out-plain"], DATE);
    expect(plain.code).toBe(0);
    expect(stack(repo, "out-plain").moved).toBeUndefined();

    const based = cli(repo, ["synth", "--dir", ".", "--out", "out-base", "--base", "HEAD"], DATE);
    expect(based.code).toBe(0);
    expect(stack(repo, "out-base").moved).toEqual([
      { from: "aws_iam_role.deploy", to: "aws_iam_role.app-deploy" },
      { from: "aws_iam_role_policy_attachment.deploy", to: "aws_iam_role_policy_attachment.app-deploy" },
    ]);
    expect(stack(repo, "out-base").provider.aws.map((p: any) => p.alias ?? "(default)")).toEqual(["(default)", "app-dev", "app-prod"]);
    expect(based.stderr).toContain("keyless: providers kept since HEAD:");
    expect(based.stderr).toContain("warning KL901");
    // Nothing of the comparison is left behind, in the repository or the output.
    expect(
      git(repo, "status", "--porcelain", "--untracked-files=all")
        .split("\n")
        .filter((l) => l && !/ out-(plain|base)\//.test(l)),
    ).toEqual([" M ci.yaml"]);
  });

  it("says so when the definitions at that commit do not compile, and still writes the new output", () => {
    const repo = writeDefinitions({ "ci.yaml": "githubOidc: [not, a, workspace\n" });
    cleanup.push(repo);
    commitAll(repo, "broken");
    writeFileSync(join(repo, "ci.yaml"), stringify(ci({ deploy: githubRole("app-dev") })));
    const r = cli(repo, ["synth", "--dir", ".", "--out", "out", "--base", "HEAD"], DATE);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("keyless: warning: the definitions at HEAD do not compile (1 error(s) above), so the new output is compared with nothing");
    expect(existsSync(join(repo, "out", "stacks", "ci", "cdk.tf.json"))).toBe(true);

    const bad = cli(repo, ["synth", "--dir", ".", "--out", "out", "--base", "no-such-branch"], DATE);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('git ref "no-such-branch" is not a commit here');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

function stackNames(stack: any): string[] {
  return Object.entries<Record<string, unknown>>(stack.resource ?? {})
    .flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`))
    .sort();
}

describe("plan memory (KL903)", () => {
  const roles = { a: githubRole("app-dev"), b: githubRole("app-prod"), c: githubRole("data-prod") };
  const providers = { "app-dev": {}, "app-prod": {}, "data-prod": {} };

  it("warns past the workspace's budget with the processes, the estimate and how many accounts fit", () => {
    const result = compileFiles({ "ci.yaml": workspace({ aws: { region: "eu-west-1", planMemoryBudget: 1.5 }, githubOidc: { providers, roles } }) });
    expect(messages(result)).toBe(
      "ci.yaml:6 warning KL903 $.githubOidc: terraform plan of this workspace runs 3 AWS provider processes (one per member account: app-dev, app-prod, data-prod), about 1.7 GB at its peak, more than the plan memory budget of 1.5 GB | fix: move the GitHub OIDC providers and roles of some accounts to another workspace file (each workspace is its own stack and plan): at most 2 member accounts fit in 1.5 GB; or set aws.planMemoryBudget to the memory of your runner (GitHub-hosted Linux: 7 GB for private repositories, 16 GB for public ones)",
    );
  });

  it("stays quiet within the default 7 GB, where 12 member accounts fit beside the default provider", () => {
    expect(messages(compileFiles({ "ci.yaml": workspace({ githubOidc: { providers, roles } }) }))).toBe("");
    expect([membersWithin(7, true), membersWithin(7, false), membersWithin(16, true)]).toEqual([12, 13, 31]);
  });
});
