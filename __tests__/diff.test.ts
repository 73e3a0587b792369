import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { AccessPlan } from "../src/plan";
import { applyOrder } from "../src/report/apply-order";
import { diffPlans, isEmptyDiff, renderDiff } from "../src/report/diff";
import { cli, commitAll, git } from "./support/cli";
import { compileFiles, workspace, writeDefinitions } from "./support/fixtures";

/** The base organization: Platform admins everywhere, developers read-only in prod, one guardrail, one CI role. */
function baseFiles(): Record<string, unknown> {
  return {
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] }, Admin: { managedPolicies: ["AdministratorAccess"] } },
        groups: { Platform: { source: "external" } },
        assignments: [{ groups: ["Platform"], permissionSets: ["Admin"], targets: { organization: true } }],
      },
      guardrails: { denyIamUsers: { targets: { organizationalUnits: ["workloads"] }, exemptRoles: ["BreakGlass"] } },
      githubOidc: {
        providers: { "app-prod": {} },
        roles: { deploy: { account: "app-prod", repository: "acme/app", subjects: [{ environment: "production" }], managedPolicies: ["PowerUserAccess"] } },
      },
    }),
    "prod.yaml": workspace({
      identityCenter: {
        groups: { Developers: { source: "external" } },
        assignments: [{ groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { organizationalUnits: ["workloads/prod"] } }],
      },
    }),
  };
}

/** The change under review: known grants added and removed, a rename, a trust change, a coverage change. */
function headFiles(): Record<string, unknown> {
  const files = baseFiles() as Record<string, Record<string, any>>;
  const org = structuredClone(files["org.yaml"]);
  org.identityCenter.permissionSets.Admin.name = "AdminAccess"; // same key, new AWS name: a replacement
  org.identityCenter.assignments[0].targets = { accounts: ["app-prod", "audit"] }; // Platform loses app-dev and data-prod
  org.guardrails.denyIamUsers.targets.organizationalUnits = ["security", "workloads"];
  org.guardrails.denyIamUsers.exemptRoles = ["BreakGlass", "ops/Recovery"];
  org.githubOidc.roles.deploy.subjects = [{ environment: "production" }, { environment: "staging" }];
  const prod = structuredClone(files["prod.yaml"]);
  prod.identityCenter.assignments[0].targets = { organizationalUnits: ["workloads"] }; // Developers gain app-dev
  return { "org.yaml": org, "prod.yaml": prod };
}

const planOf = (files: Record<string, unknown>): AccessPlan => {
  const r = compileFiles(files);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.plan!;
};

describe("access diff (pure, on two plans)", () => {
  const diff = diffPlans(planOf(baseFiles()), planOf(headFiles()));

  it("lists exactly the grants added and removed", () => {
    expect(diff.grantsAdded.map((g) => g.key)).toEqual(["group:Developers/ReadOnly/app-dev"]);
    expect(diff.grantsRemoved.map((g) => g.key)).toEqual(["group:Platform/Admin/app-dev", "group:Platform/Admin/data-prod"]);
    expect(diff.grantsRemoved[0]).toMatchObject({ workspace: "org", permissionSet: "Admin", account: "app-dev", accountId: "100000000005" });
  });

  it("reports a permission set renamed at the same key as replaced, without churning its grants", () => {
    expect(diff.permissionSetsReplaced).toEqual([{ workspace: "org", key: "Admin", before: "Admin", after: "AdminAccess" }]);
    // Grants that kept their principal, key and account are not reported as removed and added.
    expect(diff.grantsAdded.some((g) => g.principal === "Platform")).toBe(false);
  });

  it("reports a permission set whose key changed under the same AWS name as replaced", () => {
    const moved = structuredClone(baseFiles()) as Record<string, any>;
    moved["org.yaml"].identityCenter.permissionSets.Viewer = { name: "ReadOnly", managedPolicies: ["ReadOnlyAccess"] };
    delete moved["org.yaml"].identityCenter.permissionSets.ReadOnly;
    moved["prod.yaml"].identityCenter.assignments[0].permissionSets = ["Viewer"];
    const d = diffPlans(planOf(baseFiles()), planOf(moved));
    expect(d.permissionSetsReplaced).toEqual([{ workspace: "org", key: "ReadOnly -> Viewer", before: "ReadOnly (workspace org)", after: "ReadOnly (workspace org)" }]);
  });

  it("reports the roles whose trust changed and the guardrail coverage that changed", () => {
    expect(diff.rolesTrustChanged.map((c) => [c.after.name, c.after.subjects])).toEqual([
      ["deploy", ["repo:acme/app:environment:production", "repo:acme/app:environment:staging"]],
    ]);
    expect(diff.guardrailsChanged).toHaveLength(1);
    expect(diff.guardrailsChanged[0]).toMatchObject({ name: "keyless-deny-iam-users", targetsAdded: ["ou:security"], targetsRemoved: [] });
    expect(diff.guardrailsChanged[0].exemptionsAdded.join(" ")).toContain("Recovery");
  });

  it("renders a Markdown comment a reviewer can read", () => {
    const md = renderDiff(diff, "`main`");
    expect(md).toContain("## Access changes against `main`");
    expect(md).toContain("### Access granted (1)\n\n- ➕ group Developers: **ReadOnly** in `app-dev` (100000000005) [`prod`]");
    expect(md).toContain("### Access removed (2)");
    expect(md).toContain("⚠️ `Admin`: Admin -> AdminAccess [`org`]");
    expect(md).toContain("`deploy` in `app-prod`: now admits `repo:acme/app:environment:staging`");
    expect(md).toContain("`keyless-deny-iam-users`: now covers `ou:security`");
  });

  it("says so when nothing changed, and is symmetric", () => {
    const same = diffPlans(planOf(baseFiles()), planOf(baseFiles()));
    expect(isEmptyDiff(same)).toBe(true);
    expect(renderDiff(same)).toContain("No change in effective access.");
    const back = diffPlans(planOf(headFiles()), planOf(baseFiles()));
    expect(back.grantsAdded.map((g) => g.key)).toEqual(diff.grantsRemoved.map((g) => g.key));
    expect(back.grantsRemoved.map((g) => g.key)).toEqual(diff.grantsAdded.map((g) => g.key));
  });
});

describe("apply order", () => {
  it("puts the owner of a permission set, group or provider before the workspaces that look it up", () => {
    const plan = planOf({
      "a.yaml": workspace({
        identityCenter: { groups: { Ops: { source: "external" } }, assignments: [{ groups: ["Ops"], permissionSets: ["Viewer"], targets: { accounts: ["app-dev"] } }] },
      }),
      "b.yaml": workspace({ identityCenter: { permissionSets: { Viewer: { managedPolicies: ["ReadOnlyAccess"] } } } }),
      "c.yaml": workspace({}),
    });
    expect(applyOrder(plan)).toEqual(["b", "c", "a"]);
  });
});

describe("keyless diff --base (git)", () => {
  const run = (cwd: string, ...argv: string[]) => cli(cwd, argv);

  it("compares the committed definitions with the working tree, and lists the workspaces to plan", () => {
    // A repository with definitions in defs/: commit the base, then edit the working tree.
    const repo = writeDefinitions(Object.fromEntries(Object.entries(baseFiles()).map(([k, v]) => [`defs/${k}`, v])));
    execFileSync("mv", ["shared", "defs/shared"], { cwd: repo });
    commitAll(repo, "base");
    for (const [name, content] of Object.entries(headFiles())) writeFileSync(join(repo, "defs", name), stringify(content));

    const md = run(repo, "diff", "--dir", "defs", "--base", "HEAD");
    expect(md.stderr).not.toMatch(/ error KL/);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("➕ group Developers: **ReadOnly** in `app-dev`");
    expect(md.stdout).toContain("### Access removed (2)");

    const names = run(repo, "diff", "--dir", "defs", "--base", "HEAD", "--format", "names");
    expect(names.stdout).toBe("org\nprod");

    const same = run(repo, "diff", "--dir", "defs", "--base", "HEAD", "--workspace", "org", "--with-report");
    expect(same.stdout).toContain("<details><summary>Effective access after this change</summary>");
    expect(same.stdout).not.toContain("group Developers: **ReadOnly**");

    // Committing the change leaves nothing to compare.
    git(repo, "commit", "-qam", "head");
    expect(run(repo, "diff", "--dir", "defs", "--base", "HEAD").stdout).toContain("No change in effective access.");

    // Between two refs: the access-review delta of a period, whatever the working tree holds.
    writeFileSync(join(repo, "defs", "prod.yaml"), "identityCenter: [not, a, workspace\n");
    const period = run(repo, "diff", "--dir", "defs", "--base", "HEAD~1", "--head", "HEAD");
    expect(period.code).toBe(0);
    expect(period.stdout).toContain("## Access changes against `HEAD~1` as of `HEAD`");
    expect(period.stdout).toContain("➕ group Developers: **ReadOnly** in `app-dev`");
    expect(period.stdout).toContain("⚠️ group Developers can now use ReadOnly in app-dev [`prod`]");
    git(repo, "checkout", "-q", "--", "defs");

    // A ref that does not exist is bad input (exit 1), explained without a stack trace.
    const bad = run(repo, "diff", "--dir", "defs", "--base", "no-such-branch");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('git ref "no-such-branch" is not a commit here');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("keyless diff --base-date (what expired between two days)", () => {
  it("evaluates the base's expiry on that day: the workspaces whose grants expired since, and those grants", () => {
    const files = baseFiles() as Record<string, Record<string, any>>;
    const prod = structuredClone(files["prod.yaml"]);
    prod.identityCenter.assignments.push({ groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] }, expires: "2026-01-10" });
    const repo = writeDefinitions({ "org.yaml": files["org.yaml"], "prod.yaml": prod });
    commitAll(repo, "applied");
    const diff = (...extra: string[]) => cli(repo, ["diff", "--dir", ".", "--base", "HEAD", ...extra]);

    // The same commit on the same day (2026-01-15): nothing changed.
    expect(diff("--format", "names").stdout).toBe("");
    // Evaluated on 2026-01-05 the grant was in force; on 2026-01-15 it has expired.
    expect(diff("--base-date", "2026-01-05", "--format", "names").stdout).toBe("prod");
    const md = diff("--base-date", "2026-01-05");
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("## Access changes against `HEAD` on 2026-01-05");
    expect(md.stdout).toMatch(/➖ group Developers: \*\*ReadOnly\*\* in `app-dev`/);
    expect(JSON.parse(diff("--base-date", "2026-01-05", "--format", "json").stdout)).toMatchObject({ baseEvaluationDate: "2026-01-05", changedWorkspaces: ["prod"] });
    // Before it expired there is nothing to remove yet.
    expect(diff("--base-date", "2026-01-05", "--date", "2026-01-09", "--format", "names").stdout).toBe("");

    const bad = diff("--base-date", "2026-02-30");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--base-date "2026-02-30" is not a calendar date, expected YYYY-MM-DD');
  });
});
