import { compileDefinitions } from "../src/compile/compile";
import { loadDefinitions } from "../src/load/load";
import { PLAN_CHECKS } from "../src/rules/checks";
import type { PlanRule } from "../src/rules/plan-rule";
import { runPlanRules } from "../src/rules/runner";
import { compileFiles, inventory, messages, workspace, writeDefinitions } from "./support/fixtures";
import type { CompileResult } from "../src/compile/compile";

/** Only the findings of `codes`, formatted: what one rule says. */
const said = (result: CompileResult, ...codes: string[]) =>
  messages({
    ...result,
    diagnostics: result.diagnostics.filter((d) => codes.includes(d.code)),
  });

const ADMIN = { managedPolicies: ["AdministratorAccess"] };
const INLINE_ADMIN = {
  inlinePolicy: {
    Statement: [{ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }],
  },
};
const READ_ONLY = { managedPolicies: ["ReadOnlyAccess"] };

/** org.yaml owns the permission sets and Platform; `ws` (default prod.yaml) assigns. */
function org(
  permissionSets: Record<string, unknown> = {
    Admin: ADMIN,
    ReadOnly: READ_ONLY,
  },
  extra: Record<string, unknown> = {},
) {
  return workspace({
    identityCenter: {
      permissionSets,
      groups: { Platform: { source: "external" } },
      assignments: [
        {
          groups: ["Platform"],
          permissionSets: Object.keys(permissionSets),
          targets: { accounts: ["audit"] },
        },
      ],
    },
    ...extra,
  });
}
function assigning(
  assignments: unknown[],
  extra: Record<string, unknown> = {},
  groups: Record<string, unknown> = {
    Developers: { source: "external" },
    Platform: { source: "external" },
  },
) {
  return workspace({ identityCenter: { groups, assignments }, ...extra });
}
const grant = (who: Record<string, string[]>, permissionSets: string[], accounts = ["app-prod"]) => ({ ...who, permissionSets, targets: { accounts } });

describe("every plan rule", () => {
  it("has a kebab-case name and reports only its own codes", () => {
    for (const rule of PLAN_CHECKS) expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(PLAN_CHECKS.flatMap((r) => r.codes).sort()).toEqual([
      "KL211",
      "KL212",
      "KL302",
      "KL303",
      "KL304",
      "KL307",
      "KL312",
      "KL316",
      "KL401",
      "KL402",
      "KL412",
      "KL413",
      "KL503",
      "KL514",
      "KL515",
      "KL515",
      "KL601",
      "KL602",
      "KL603",
      "KL604",
      "KL605",
      "KL606",
      "KL801",
      "KL802",
      "KL803",
      "KL804",
      "KL805",
      "KL903",
    ]);
  });
});

describe("admin-in-production (KL601)", () => {
  it.each([
    [
      "a named admin group in a prod* workspace",
      {
        "org.yaml": org(),
        "prod.yaml": assigning([grant({ groups: ["Platform"] }, ["Admin"])], {
          rules: { adminGroups: ["Platform"] },
        }),
      },
    ],
    [
      "administrator access outside production",
      {
        "org.yaml": org(),
        "dev.yaml": assigning([grant({ groups: ["Developers"] }, ["Admin"])]),
      },
    ],
    [
      "a prod* workspace that says it is not production",
      {
        "org.yaml": org(),
        "prod-lab.yaml": assigning([grant({ groups: ["Developers"] }, ["Admin"])], { rules: { production: false } }),
      },
    ],
    [
      "a non-admin permission set in production",
      {
        "org.yaml": org(),
        "prod.yaml": assigning([grant({ groups: ["Developers"] }, ["ReadOnly"])]),
      },
    ],
  ])("passes: %s", (_, files) => {
    expect(said(compileFiles(files), "KL601")).toBe("");
  });

  it("reports every grant of an admin permission set in production to another group or a user", () => {
    const result = compileFiles({
      "org.yaml": org({
        Admin: ADMIN,
        Root: INLINE_ADMIN,
        ReadOnly: READ_ONLY,
      }),
      "prod.yaml": assigning([grant({ groups: ["Developers", "Platform"] }, ["Admin", "Root"], ["app-prod", "data-prod"])], { rules: { adminGroups: ["Platform"] } }),
      "live.yaml": workspace({
        rules: { production: true },
        identityCenter: {
          users: { alice: { source: "external" } },
          assignments: [grant({ users: ["alice"] }, ["Admin"])],
        },
      }),
    });
    expect(said(result, "KL601")).toMatchInlineSnapshot(`
      "live.yaml:12 error KL601 $.identityCenter.assignments[0].users[0]: user "alice" gets administrator permission set "Admin" (AdministratorAccess) in account app-prod of production workspace "live", but no group is named in rules.adminGroups to hold administrator access here | fix: assign a narrower permission set, or grant administrator access through a group named in rules.adminGroups of live.yaml
      prod.yaml:12 error KL601 $.identityCenter.assignments[0].groups[0]: group "Developers" gets administrator permission set "Admin" (AdministratorAccess) in account app-prod of production workspace "prod", but only "Platform" may hold administrator access here | fix: assign a narrower permission set, or add the group to rules.adminGroups of prod.yaml
      prod.yaml:12 error KL601 $.identityCenter.assignments[0].groups[0]: group "Developers" gets administrator permission set "Admin" (AdministratorAccess) in account data-prod of production workspace "prod", but only "Platform" may hold administrator access here | fix: assign a narrower permission set, or add the group to rules.adminGroups of prod.yaml
      prod.yaml:12 error KL601 $.identityCenter.assignments[0].groups[0]: group "Developers" gets administrator permission set "Root" (allows every action on every resource (statement All: * on *)) in account app-prod of production workspace "prod", but only "Platform" may hold administrator access here | fix: assign a narrower permission set, or add the group to rules.adminGroups of prod.yaml
      prod.yaml:12 error KL601 $.identityCenter.assignments[0].groups[0]: group "Developers" gets administrator permission set "Root" (allows every action on every resource (statement All: * on *)) in account data-prod of production workspace "prod", but only "Platform" may hold administrator access here | fix: assign a narrower permission set, or add the group to rules.adminGroups of prod.yaml"
    `);
    expect(result.diagnostics.filter((d) => d.code === "KL601").map((d) => d.subject)).toContain("assignment:group:Developers/Admin/app-prod");
  });
});

describe("admin-long-session (KL602)", () => {
  it.each([
    ["an admin permission set at PT1H", { Admin: { ...ADMIN, sessionDuration: "PT1H" } }],
    ["an admin permission set with the default session", { Admin: ADMIN }],
    [
      "a long session on a permission set that is not admin",
      {
        Admin: ADMIN,
        Dev: { managedPolicies: ["PowerUserAccess"], sessionDuration: "PT12H" },
      },
    ],
  ])("passes: %s", (_, sets) => {
    expect(said(compileFiles({ "org.yaml": org(sets) }), "KL602")).toBe("");
  });

  it("warns for admin permission sets, managed or inline, with sessions over an hour", () => {
    const result = compileFiles({
      "org.yaml": org({
        Admin: { ...ADMIN, sessionDuration: "PT1H30M" },
        Root: { ...INLINE_ADMIN, sessionDuration: "PT8H" },
      }),
    });
    expect(said(result, "KL602")).toMatchInlineSnapshot(`
      "org.yaml:9 warning KL602 $.identityCenter.permissionSets.Admin.sessionDuration: administrator permission set "Admin" (AdministratorAccess) has sessions of PT1H30M, longer than PT1H: a session cannot be cut short once issued | fix: set sessionDuration: PT1H on it
      org.yaml:17 warning KL602 $.identityCenter.permissionSets.Root.sessionDuration: administrator permission set "Root" (allows every action on every resource (statement All: * on *)) has sessions of PT8H, longer than PT1H: a session cannot be cut short once issued | fix: set sessionDuration: PT1H on it"
    `);
  });
});

describe("individual-user-assignments (KL307)", () => {
  it("passes group assignments", () => {
    expect(said(compileFiles({ "org.yaml": org() }), "KL307")).toBe("");
  });

  it("warns once per grant to a user, at the user's name in the assignment", () => {
    const result = compileFiles({
      "org.yaml": org(undefined, {}),
      "dev.yaml": workspace({
        identityCenter: {
          users: { "alice@acme.example": { source: "external" } },
          assignments: [grant({ users: ["alice@acme.example"] }, ["ReadOnly"], ["app-dev", "audit"])],
        },
      }),
    });
    expect(said(result, "KL307")).toMatchInlineSnapshot(`
      "dev.yaml:10 warning KL307 $.identityCenter.assignments[0].users[0]: permission set "ReadOnly" is assigned to user "alice@acme.example" in account app-dev; access granted person by person is hard to review and to revoke | fix: put the user in a group (managed, with members) and assign the group
      dev.yaml:10 warning KL307 $.identityCenter.assignments[0].users[0]: permission set "ReadOnly" is assigned to user "alice@acme.example" in account audit; access granted person by person is hard to review and to revoke | fix: put the user in a group (managed, with members) and assign the group"
    `);
    expect(result.diagnostics.filter((d) => d.code === "KL307").map((d) => d.subject)).toEqual([
      "assignment:user:alice@acme.example/ReadOnly/app-dev",
      "assignment:user:alice@acme.example/ReadOnly/audit",
    ]);
  });
});

describe("assignment-threshold (KL312)", () => {
  const withThreshold = (n: number) => ({
    "org.yaml": workspace({
      identityCenter: {
        ...(org().identityCenter as object),
        defaults: { assignmentWarningThreshold: n },
      },
    }),
  });
  it("passes at the threshold", () => {
    expect(said(compileFiles(withThreshold(2)), "KL312")).toBe("");
  });
  it("warns past it", () => {
    expect(said(compileFiles(withThreshold(1)), "KL312")).toMatchInlineSnapshot(
      `"org.yaml:16 warning KL312 $.identityCenter.assignments: this workspace has 2 account assignments, more than its threshold of 1: a first apply creates about 60 a minute (the provider waits about 10 s for each, 10 at a time), so it takes about 1 minute, and every plan refreshes each one; a chained role session lasts 60 minutes | fix: split the assignments across workspaces (for example one per OU or per team), or raise identityCenter.defaults.assignmentWarningThreshold if your apply's credentials outlive the apply"`,
    );
  });
});

describe("unused-permission-sets (KL603) and unused-groups (KL604)", () => {
  it("passes declarations assigned in another workspace", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        identityCenter: {
          permissionSets: { ReadOnly: READ_ONLY },
          groups: { Platform: { source: "managed" } },
        },
      }),
      "dev.yaml": assigning([grant({ groups: ["Platform"] }, ["ReadOnly"], ["app-dev"])], {}, {}),
    });
    expect(said(result, "KL603", "KL604")).toBe("");
  });

  it("warns for each permission set and group no workspace assigns, where it is declared", () => {
    const result = compileFiles({
      "org.yaml": org({ Admin: ADMIN, ReadOnly: READ_ONLY }),
      "dev.yaml": workspace({
        identityCenter: {
          permissionSets: { Spare: READ_ONLY },
          groups: {
            Ghosts: { source: "managed" },
            Platform: { source: "external" },
          },
        },
      }),
    });
    expect(said(result, "KL603", "KL604")).toMatchInlineSnapshot(`
      "dev.yaml:7 warning KL603 $.identityCenter.permissionSets.Spare: permission set "Spare" is declared but no assignment in any workspace grants it | fix: assign it, or delete it
      dev.yaml:11 warning KL604 $.identityCenter.groups.Ghosts: managed group "Ghosts" is declared but no assignment in any workspace grants it a permission set | fix: assign it, or delete it"
    `);
  });
});

describe("wildcard-inline-policies (KL605)", () => {
  it.each([
    [
      "a service wildcard",
      {
        Ops: {
          inlinePolicy: {
            Statement: [{ Effect: "Allow", Action: "ecs:*", Resource: "*" }],
          },
        },
      },
    ],
    [
      "a Deny of every action",
      {
        Ops: {
          inlinePolicy: {
            Statement: [
              {
                Effect: "Deny",
                Action: "*",
                Resource: "arn:aws:s3:::secrets/*",
              },
            ],
          },
        },
      },
    ],
  ])("passes: %s", (_, sets) => {
    expect(said(compileFiles({ "org.yaml": org(sets) }), "KL605")).toBe("");
  });

  it("warns for an inline Allow of * or *:*, on any resource", () => {
    const sets = {
      Data: {
        inlinePolicy: {
          Statement: [
            {
              Sid: "Read",
              Effect: "Allow",
              Action: "s3:GetObject",
              Resource: "*",
            },
            {
              Sid: "Bucket",
              Effect: "Allow",
              Action: "*:*",
              Resource: "arn:aws:s3:::data/*",
            },
          ],
        },
      },
      Root: INLINE_ADMIN,
    };
    expect(said(compileFiles({ "org.yaml": org(sets) }), "KL605")).toMatchInlineSnapshot(`
      "org.yaml:13 warning KL605 $.identityCenter.permissionSets.Data.inlinePolicy.Statement[1]: the inline policy of permission set "Data" allows every action (statement 1, Bucket) on "arn:aws:s3:::data/*" | fix: list the actions needed, or use an AWS managed policy whose scope is documented
      org.yaml:20 warning KL605 $.identityCenter.permissionSets.Root.inlinePolicy.Statement[0]: the inline policy of permission set "Root" allows every action (statement 0, All) on "*" | fix: list the actions needed, or use an AWS managed policy whose scope is documented"
    `);
  });
});

describe("customer-managed-policies (KL606)", () => {
  const inv = (customerManagedPolicies?: Record<string, unknown>) => ({
    ...inventory(),
    ...(customerManagedPolicies ? { customerManagedPolicies } : {}),
  });
  const dev = {
    Dev: {
      customerManagedPolicies: [{ name: "dev-extra", path: "/acme/" }],
      permissionsBoundary: { customerManagedPolicy: { name: "dev-boundary" } },
    },
  };
  const files = (cmp?: Record<string, unknown>) => ({
    "shared/organization.yaml": inv(cmp),
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: dev,
        groups: { Platform: { source: "external" } },
        assignments: [grant({ groups: ["Platform"] }, ["Dev"], ["app-dev", "app-prod"])],
      },
    }),
  });

  it.each([
    ["an inventory that does not track customer-managed policies", files()],
    [
      "policies present in every account reached",
      files({
        "/acme/dev-extra": { organizationalUnits: ["workloads"] },
        "/dev-boundary": { accounts: ["app-dev", "100000000002"] },
      }),
    ],
    [
      "policies present organization-wide",
      files({
        "/acme/dev-extra": { organization: true },
        "/dev-boundary": { organization: true },
      }),
    ],
  ])("passes: %s", (_, f) => {
    expect(said(compileFiles(f), "KL606")).toBe("");
  });

  it("warns per owner and policy, naming the accounts it is missing from", () => {
    expect(
      said(
        compileFiles(
          files({
            "/acme/dev-extra": { organizationalUnits: ["workloads/dev"] },
          }),
        ),
        "KL606",
      ),
    ).toMatchInlineSnapshot(`
      "org.yaml:8 warning KL606 $.identityCenter.permissionSets.Dev.customerManagedPolicies: permission set "Dev" uses customer-managed policy /acme/dev-extra, which must exist with that name and path in every account it reaches, but the inventory declares it in 1 account(s), not in app-prod | fix: create /acme/dev-extra in app-prod and add them under customerManagedPolicies["/acme/dev-extra"] in shared/organization.yaml
      org.yaml:11 warning KL606 $.identityCenter.permissionSets.Dev.permissionsBoundary: the permissions boundary of permission set "Dev" uses customer-managed policy /dev-boundary, which must exist with that name and path in every account it reaches, but the inventory's customerManagedPolicies does not list it, so it is not known to exist in app-dev, app-prod | fix: create /dev-boundary in app-dev, app-prod and add them under customerManagedPolicies["/dev-boundary"] in shared/organization.yaml"
    `);
  });

  it("checks GitHub Actions roles' customer managed policies in the role's account", () => {
    const result = compileFiles({
      "shared/organization.yaml": inv({
        "/ci/deploy": { accounts: ["app-dev"] },
      }),
      "ci.yaml": workspace({
        githubOidc: {
          providers: { "app-prod": {} },
          roles: {
            deploy: {
              account: "app-prod",
              repository: "acme/app",
              subjects: [{ environment: "production" }],
              customerManagedPolicies: ["/ci/deploy"],
              permissionsBoundary: "/ci/boundary",
            },
          },
        },
      }),
    });
    expect(said(result, "KL606")).toMatchInlineSnapshot(`
      "ci.yaml:14 warning KL606 $.githubOidc.roles.deploy.customerManagedPolicies: GitHub Actions role "deploy" uses customer-managed policy /ci/deploy, which must exist with that name and path in every account it reaches, but the inventory declares it in 1 account(s), not in app-prod | fix: create /ci/deploy in app-prod and add them under customerManagedPolicies["/ci/deploy"] in shared/organization.yaml
      ci.yaml:15 warning KL606 $.githubOidc.roles.deploy.permissionsBoundary: the permissions boundary of GitHub Actions role "deploy" uses customer-managed policy /ci/boundary, which must exist with that name and path in every account it reaches, but the inventory's customerManagedPolicies does not list it, so it is not known to exist in app-prod | fix: create /ci/boundary in app-prod and add them under customerManagedPolicies["/ci/boundary"] in shared/organization.yaml"
    `);
  });

  it("reports unknown OUs and accounts in the inventory's customerManagedPolicies", () => {
    expect(
      said(
        compileFiles(
          files({
            "/acme/dev-extra": {
              organizationalUnits: ["workload"],
              accounts: ["app-dve"],
            },
          }),
        ),
        "KL201",
        "KL202",
      ),
    ).toMatchInlineSnapshot(`
      "shared/organization.yaml:44 error KL202 $.customerManagedPolicies["/acme/dev-extra"].organizationalUnits[0]: organizational unit "workload" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "workloads"?
      shared/organization.yaml:46 error KL201 $.customerManagedPolicies["/acme/dev-extra"].accounts[0]: account "app-dve" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "app-dev"?"
    `);
  });
});

describe("the rule runner", () => {
  const boom: PlanRule = {
    name: "always-fails",
    codes: ["KL605"],
    check: () => {
      throw new Error("cannot read property of undefined");
    },
  };

  it("turns a rule that throws into finding KL699 naming the rule and the message, and runs the others", () => {
    const dir = writeDefinitions({
      "org.yaml": org({ Admin: { ...ADMIN, sessionDuration: "PT2H" } }),
    });
    const loaded = loadDefinitions({ dir, cwd: dir });
    const compiled = compileDefinitions(loaded, {
      evaluationDate: "2026-01-15",
    });
    expect(compiled.plan).toBeDefined();
    const { Inventory } = jest.requireActual("../src/compile/inventory");
    const { Reporter } = jest.requireActual("../src/compile/reporter");
    const inventoryIndex = new Inventory(loaded.organization!, new Reporter());
    const sources = new Map([loaded.organization!, ...loaded.workspaces.map((w) => w.source)].map((s) => [s.file, s]));
    const definitions = new Map(loaded.workspaces.map((w) => [w.name, w.source.data as never]));
    const out = runPlanRules([boom, ...PLAN_CHECKS], { plan: compiled.plan!, inventory: inventoryIndex, definitions }, sources);
    expect(messages({ diagnostics: out, acknowledged: [] })).toMatchInlineSnapshot(`
      "shared/organization.yaml:1 error KL699 $: rule "always-fails" (KL605) failed: cannot read property of undefined; its checks did not run | fix: this is a bug in keyless: report it with the message; the other findings are still valid
      org.yaml:9 warning KL602 $.identityCenter.permissionSets.Admin.sessionDuration: administrator permission set "Admin" (AdministratorAccess) has sessions of PT2H, longer than PT1H: a session cannot be cut short once issued | fix: set sessionDuration: PT1H on it"
    `);
    expect(out.map((d) => d.code)).toEqual(["KL699", "KL602"]);
  });

  it("fails the compile when a rule throws (the runner is wired in)", () => {
    const spy = jest.spyOn(PLAN_CHECKS[0], "check").mockImplementation(() => {
      throw new TypeError("x is undefined");
    });
    try {
      const result = compileFiles({ "org.yaml": org() });
      expect(result.plan).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
        ["KL699", "error", `rule "${PLAN_CHECKS[0].name}" (${PLAN_CHECKS[0].codes.join(", ")}) failed: x is undefined; its checks did not run`],
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});
