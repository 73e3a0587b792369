import { checkEvaluationDate, todayUtc } from "../src/compile/identity-center/expiry";
import { compileFiles, ignoring, inventory, messages, UNUSED, workspace } from "./support/fixtures";

const ic = (identityCenter: Record<string, unknown>) => workspace({ identityCenter });
const codes = (r: ReturnType<typeof compileFiles>) => r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.path.join(".")}`);
const keys = (r: ReturnType<typeof compileFiles>, ws = 0) => r.plan!.workspaces[ws].identityCenter.assignments.map((a) => a.key);

describe("permission sets", () => {
  it("compiles every option into the plan, with defaults and partition-aware ARNs", () => {
    const result = compileFiles({
      "shared/organization.yaml": { ...inventory(), partition: "aws-us-gov" },
      "org.yaml": ic({
        defaults: { sessionDuration: "PT2H" },
        permissionSets: {
          Operator: {
            name: "AcmeOperator",
            description: "Operate services",
            sessionDuration: "PT4H",
            relayState: "https://console.aws.amazon.com/ecs/home",
            tags: { team: "ops", cost: "shared" },
            managedPolicies: ["ReadOnlyAccess", "arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess"],
            customerManagedPolicies: [{ name: "ops-extra", path: "/acme/ops/" }, { name: "deny-secrets" }],
            inlinePolicy: {
              Statement: [
                {
                  Effect: "Allow",
                  Action: ["ecs:UpdateService", "ecs:StopTask"],
                  Resource: "*",
                },
              ],
            },
            permissionsBoundary: {
              customerManagedPolicy: { name: "boundary", path: "/acme/" },
            },
          },
          Plain: { permissionsBoundary: { managedPolicy: "PowerUserAccess" } },
        },
      }),
    });
    expect(ignoring(result, UNUSED).diagnostics).toEqual([]);
    expect(result.plan!.workspaces[0].identityCenter.permissionSets).toEqual([
      {
        key: "Operator",
        name: "AcmeOperator",
        description: "Operate services",
        sessionDuration: "PT4H",
        relayState: "https://console.aws.amazon.com/ecs/home",
        tags: { cost: "shared", team: "ops" },
        managedPolicyArns: ["arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess", "arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess"],
        customerManagedPolicies: [
          { name: "deny-secrets", path: "/" },
          { name: "ops-extra", path: "/acme/ops/" },
        ],
        inlinePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecs:StopTask","ecs:UpdateService"],"Resource":"*"}]}',
        permissionsBoundary: {
          customerManagedPolicy: { name: "boundary", path: "/acme/" },
        },
      },
      {
        key: "Plain",
        name: "Plain",
        sessionDuration: "PT2H",
        tags: {},
        managedPolicyArns: [],
        customerManagedPolicies: [],
        permissionsBoundary: {
          managedPolicyArn: "arn:aws-us-gov:iam::aws:policy/PowerUserAccess",
        },
      },
    ]);
  });

  it("counts AWS managed and customer-managed policies together: warning past 10, error past 20", () => {
    const aws = (n: number) => Array.from({ length: n }, (_, i) => `Policy${i}`);
    const cust = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `cust${i}` }));
    const result = compileFiles({
      "org.yaml": ic({
        permissionSets: {
          Ten: { managedPolicies: aws(5), customerManagedPolicies: cust(5) },
          Eleven: { managedPolicies: aws(6), customerManagedPolicies: cust(5) },
          OnlyCustomer: { customerManagedPolicies: cust(11) },
          Twenty: {
            managedPolicies: aws(10),
            customerManagedPolicies: cust(10),
          },
          TwentyOne: {
            managedPolicies: aws(12),
            customerManagedPolicies: cust(9),
          },
        },
      }),
    });
    // KL212: Policy0... are not AWS managed policy names; the counts are what this test is about.
    expect(messages(ignoring(result, [...UNUSED, "KL212"]))).toMatchInlineSnapshot(`
      "org.yaml:21 warning KL304 $.identityCenter.permissionSets.Eleven.managedPolicies: 11 policies (6 AWS managed + 5 customer-managed): the role this permission set becomes allows 10 managed policies by default | fix: request the IAM 'managed policies per role' quota increase in every target account, or use fewer policies
      org.yaml:35 warning KL304 $.identityCenter.permissionSets.OnlyCustomer.customerManagedPolicies: 11 policies (0 AWS managed + 11 customer-managed): the role this permission set becomes allows 10 managed policies by default | fix: request the IAM 'managed policies per role' quota increase in every target account, or use fewer policies
      org.yaml:48 warning KL304 $.identityCenter.permissionSets.Twenty.managedPolicies: 20 policies (10 AWS managed + 10 customer-managed): the role this permission set becomes allows 10 managed policies by default | fix: request the IAM 'managed policies per role' quota increase in every target account, or use fewer policies
      org.yaml:71 error KL303 $.identityCenter.permissionSets.TwentyOne.managedPolicies: 21 policies (12 AWS managed + 9 customer-managed), expected at most 20 per permission set | fix: merge policies, move statements into the inline policy, or split the permission set"
    `);
  });

  it("rejects policy ARNs that are not AWS managed policies of the partition, and duplicate customer policies", () => {
    const result = compileFiles({
      "org.yaml": ic({
        permissionSets: {
          Mixed: {
            managedPolicies: ["arn:aws:iam::123456789012:policy/teams/app-deploy", "arn:aws-cn:iam::aws:policy/ReadOnlyAccess"],
            customerManagedPolicies: [{ name: "x" }, { name: "x", path: "/" }, { name: "x", path: "/other/" }],
            permissionsBoundary: {
              managedPolicy: "arn:aws:iam::123456789012:policy/boundary",
            },
          },
        },
      }),
    });
    expect(messages(result)).toMatchInlineSnapshot(`
      "org.yaml:8 error KL314 $.identityCenter.permissionSets.Mixed.managedPolicies[0]: "arn:aws:iam::123456789012:policy/teams/app-deploy" is not an AWS managed policy ARN in partition aws (arn:aws:iam::aws:policy/...) | fix: a policy in your own account is customer-managed: use customerManagedPolicies (or permissionsBoundary.customerManagedPolicy) with name: app-deploy and path: /teams/
      org.yaml:9 error KL314 $.identityCenter.permissionSets.Mixed.managedPolicies[1]: "arn:aws-cn:iam::aws:policy/ReadOnlyAccess" is not an AWS managed policy ARN in partition aws (arn:aws:iam::aws:policy/...) | fix: give the policy name (for example ReadOnlyAccess); keyless builds the ARN in partition aws
      org.yaml:12 error KL315 $.identityCenter.permissionSets.Mixed.customerManagedPolicies[1]: customer-managed policy /x is listed twice | fix: list each policy once
      org.yaml:17 error KL314 $.identityCenter.permissionSets.Mixed.permissionsBoundary.managedPolicy: "arn:aws:iam::123456789012:policy/boundary" is not an AWS managed policy ARN in partition aws (arn:aws:iam::aws:policy/...) | fix: a policy in your own account is customer-managed: use customerManagedPolicies (or permissionsBoundary.customerManagedPolicy) with name: boundary"
    `);
  });

  it("checks name, description, relay state and session limits, and a boundary names exactly one policy", () => {
    const result = compileFiles({
      "org.yaml": ic({
        defaults: { sessionDuration: "PT30M" },
        permissionSets: {
          ThisPermissionSetNameIsFarTooLong1: {},
          Ok: {
            description: "d".repeat(701),
            relayState: "r".repeat(241),
            sessionDuration: "PT12H1M",
            permissionsBoundary: {
              managedPolicy: "PowerUserAccess",
              customerManagedPolicy: { name: "b" },
            },
          },
        },
      }),
    });
    expect(codes(result)).toEqual([
      "error KL105 identityCenter.permissionSets.ThisPermissionSetNameIsFarTooLong1",
      "error KL106 identityCenter.permissionSets.Ok.description",
      "error KL106 identityCenter.permissionSets.Ok.relayState",
      "error KL106 identityCenter.permissionSets.Ok.permissionsBoundary",
    ]);
    const sessions = compileFiles({
      "org.yaml": ic({
        defaults: { sessionDuration: "PT30M" },
        permissionSets: { Ok: { sessionDuration: "PT12H1M" } },
      }),
    });
    expect(codes(sessions)).toEqual(["error KL301 identityCenter.defaults.sessionDuration", "error KL301 identityCenter.permissionSets.Ok.sessionDuration"]);
  });

  it("warns past the instance's default quota of 3,500 permission sets", () => {
    const many = Object.fromEntries(Array.from({ length: 3501 }, (_, i) => [`PS${i}`, {}]));
    const result = compileFiles({ "org.yaml": ic({ permissionSets: many }) });
    expect(ignoring(result, UNUSED).diagnostics.map((d) => [d.code, d.severity])).toEqual([["KL316", "warning"]]);
    expect(ignoring(result, UNUSED).diagnostics[0].message).toContain("3501 permission sets");
  });
});

const base = {
  permissionSets: { ReadOnly: {}, Admin: {} },
  groups: {
    Platform: { source: "external" },
    BreakGlass: {
      source: "managed",
      description: "Emergency",
      members: ["alice", "bob@acme.example"],
    },
  },
  users: {
    alice: {
      source: "managed",
      displayName: "Alice Doe",
      givenName: "Alice",
      familyName: "Doe",
      email: "alice@acme.example",
    },
    "bob@acme.example": { source: "external" },
  },
};

describe("principals", () => {
  it("creates managed users and memberships (external users included) and looks up the rest", () => {
    const result = compileFiles({
      "org.yaml": ic(base),
      "dev.yaml": ic({
        users: { "carol@acme.example": { source: "external" } },
        assignments: [
          {
            groups: ["BreakGlass"],
            users: ["alice", "carol@acme.example"],
            permissionSets: ["ReadOnly"],
            targets: { accounts: ["app-dev"] },
          },
        ],
      }),
    });
    expect(codes(ignoring(result, UNUSED))).toEqual(["warning KL307 identityCenter.assignments.0.users.0", "warning KL307 identityCenter.assignments.0.users.1"]);
    const [dev, org] = result.plan!.workspaces;
    expect(org.identityCenter.managedUsers).toEqual([
      {
        userName: "alice",
        displayName: "Alice Doe",
        givenName: "Alice",
        familyName: "Doe",
        email: "alice@acme.example",
      },
    ]);
    expect(org.identityCenter.groupMemberships).toEqual([
      { key: "BreakGlass/alice", group: "BreakGlass", user: "alice" },
      {
        key: "BreakGlass/bob@acme.example",
        group: "BreakGlass",
        user: "bob@acme.example",
      },
    ]);
    expect(org.identityCenter.userLookups).toEqual(["bob@acme.example"]);
    expect(dev.identityCenter.userLookups).toEqual(["alice", "carol@acme.example"]);
    expect(dev.identityCenter.groupLookups).toEqual(["BreakGlass"]);
    expect(keys(result)).toEqual(["group:BreakGlass/ReadOnly/app-dev", "user:alice/ReadOnly/app-dev", "user:carol@acme.example/ReadOnly/app-dev"]);
  });

  it("reports unknown users, members of external groups, two kinds of one name and incomplete users", () => {
    const result = compileFiles({
      "org.yaml": ic(base),
      "dev.yaml": ic({
        groups: {
          Platform: { source: "external", members: ["alice"] },
          Helpers: { source: "managed", members: ["alcie"] },
        },
        users: {
          alice: { source: "external" },
          dave: { source: "managed", displayName: "Dave" },
          erin: { source: "external", email: "erin@acme.example" },
        },
        assignments: [
          {
            users: ["nobody"],
            permissionSets: ["ReadOnly"],
            targets: { accounts: ["app-dev"] },
          },
        ],
      }),
    });
    expect(messages(result)).toMatchInlineSnapshot(`
      "dev.yaml:16 error KL205 $.identityCenter.users.alice.source: user "alice" is external here but managed (created) by org.yaml; a user comes from your IdP or from keyless, not both | fix: declare "alice" with one source everywhere
      dev.yaml:18 error KL305 $.identityCenter.users.dave: managed user "dave" has no givenName, familyName; the identity store requires a display name, a given name and a family name | fix: add givenName: ..., familyName: ...
      dev.yaml:22 warning KL306 $.identityCenter.users.erin.email: external user "erin" sets email, which keyless ignores: your IdP owns external users' attributes | fix: remove them, or make the user source: managed
      dev.yaml:13 error KL209 $.identityCenter.groups.Helpers.members[0]: user "alcie" is not declared in any workspace | fix: did you mean "alice"?; declare it under identityCenter.users with source external (from your IdP) or managed
      dev.yaml:9 error KL210 $.identityCenter.groups.Platform.members: group "Platform" is external: its members come from your IdP, so keyless cannot set them | fix: manage the membership in your IdP, or make the group source: managed
      dev.yaml:25 error KL209 $.identityCenter.assignments[0].users[0]: user "nobody" is not declared in any workspace | fix: declared users: "alice", "bob@acme.example", "dave", "erin"; declare it under identityCenter.users with source external (from your IdP) or managed"
    `);
  });
});

describe("targets", () => {
  const grant = (targets: Record<string, unknown>) =>
    compileFiles({
      "org.yaml": ic({
        ...base,
        assignments: [{ groups: ["Platform"], permissionSets: ["ReadOnly"], targets }],
      }),
    });
  const accounts = (targets: Record<string, unknown>) => grant(targets).plan!.workspaces[0].identityCenter.assignments.map((a) => a.account.name);

  it.each([
    ["a nested OU, recursively by default", { organizationalUnits: ["workloads"] }, ["app-dev", "app-prod", "data-prod"]],
    ["an OU without its children", { organizationalUnits: ["workloads"], recursive: false }, []],
    ["a leaf OU, never its suspended account", { organizationalUnits: ["workloads/prod"] }, ["app-prod", "data-prod"]],
    ["the organization, without the management account", { organization: true }, ["app-dev", "app-prod", "audit", "data-prod"]],
    ["the organization with the management account", { organization: true, includeManagementAccount: true }, ["app-dev", "app-prod", "audit", "data-prod", "management"]],
    ["the management account by name, not asked for", { accounts: ["management", "audit"] }, ["audit"]],
    ["a suspended account by name", { accounts: ["old-prod", "app-dev"] }, ["app-dev"]],
    ["accounts by id", { accounts: ["100000000002"] }, ["app-prod"]],
    ["tags: every pair must match", { tags: { env: "prod" } }, ["app-prod", "data-prod"]],
    [
      "the union of selectors",
      {
        organizationalUnits: ["security"],
        tags: { env: "dev" },
        accounts: ["app-prod"],
      },
      ["app-dev", "app-prod", "audit"],
    ],
    [
      "exclusions of accounts and nested OUs, applied after the union",
      {
        organization: true,
        exclude: {
          organizationalUnits: ["workloads/prod"],
          accounts: ["audit"],
        },
      },
      ["app-dev"],
    ],
    ["excluding a parent OU removes its children's accounts", { organization: true, exclude: { organizationalUnits: ["workloads"] } }, ["audit"]],
  ])("reaches %s", (_what, targets, expected) => {
    expect(accounts(targets)).toEqual(expected);
  });

  it("rejects an empty tag selector, which would match every account", () => {
    expect(codes(grant({ tags: {} }))).toEqual(["error KL106 identityCenter.assignments.0.targets.tags"]);
  });

  it("makes one grant of the same principal, permission set and account reached by several rules", () => {
    const result = compileFiles({
      "org.yaml": ic({
        ...base,
        assignments: [
          {
            groups: ["Platform"],
            permissionSets: ["ReadOnly"],
            targets: { organizationalUnits: ["workloads/prod"] },
          },
          {
            groups: ["Platform", "Platform"],
            permissionSets: ["ReadOnly"],
            targets: { tags: { env: "prod" }, accounts: ["app-prod"] },
          },
        ],
      }),
    });
    expect(keys(result)).toEqual(["group:Platform/ReadOnly/app-prod", "group:Platform/ReadOnly/data-prod"]);
  });

  it("reports every unknown reference with its file and path", () => {
    const result = compileFiles({
      "org.yaml": ic(base),
      "dev.yaml": ic({
        groups: { Ops: { source: "managed", members: ["alicee"] } },
        assignments: [
          {
            groups: ["Platfrom"],
            users: ["bob@acme.exampel"],
            permissionSets: ["Admn"],
            targets: {
              organizationalUnits: ["workload"],
              accounts: ["app-pord"],
              exclude: { accounts: ["nope"], organizationalUnits: ["sandbox"] },
            },
          },
        ],
      }),
    });
    expect(messages(result)).toMatchInlineSnapshot(`
      "dev.yaml:9 error KL209 $.identityCenter.groups.Ops.members[0]: user "alicee" is not declared in any workspace | fix: did you mean "alice"?; declare it under identityCenter.users with source external (from your IdP) or managed
      dev.yaml:12 error KL204 $.identityCenter.assignments[0].groups[0]: group "Platfrom" is not declared in any workspace | fix: did you mean "Platform"?; declare it under identityCenter.groups with source external (from your IdP) or managed
      dev.yaml:14 error KL209 $.identityCenter.assignments[0].users[0]: user "bob@acme.exampel" is not declared in any workspace | fix: did you mean "bob@acme.example"?; declare it under identityCenter.users with source external (from your IdP) or managed
      dev.yaml:16 error KL203 $.identityCenter.assignments[0].permissionSets[0]: permission set "Admn" is not declared in any workspace | fix: did you mean "Admin"?
      dev.yaml:19 error KL202 $.identityCenter.assignments[0].targets.organizationalUnits[0]: organizational unit "workload" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "workloads"?
      dev.yaml:21 error KL201 $.identityCenter.assignments[0].targets.accounts[0]: account "app-pord" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "app-prod"?
      dev.yaml:24 error KL201 $.identityCenter.assignments[0].targets.exclude.accounts[0]: account "nope" is not in the organization inventory (shared/organization.yaml) | fix: declared accounts: "app-dev", "app-prod", "audit", "data-prod", "management", "old-prod"
      dev.yaml:26 error KL202 $.identityCenter.assignments[0].targets.exclude.organizationalUnits[0]: organizational unit "sandbox" is not in the organization inventory (shared/organization.yaml) | fix: declared OUs: "security", "workloads", "workloads/dev", "workloads/prod"
      dev.yaml:18 warning KL208 $.identityCenter.assignments[0].targets: the targets reach no active account, so this assignment grants nothing | fix: check the OU paths, tags and exclusions"
    `);
  });
});

describe("time-bound grants", () => {
  const contractor = (expires: string, date = "2026-11-01") =>
    compileFiles(
      {
        "org.yaml": ic({
          ...base,
          groups: { ...base.groups, Contractors: { source: "external" } },
          assignments: [
            {
              groups: ["Platform"],
              permissionSets: ["ReadOnly"],
              targets: { accounts: ["app-dev"] },
            },
            {
              groups: ["Contractors"],
              permissionSets: ["ReadOnly"],
              targets: { organizationalUnits: ["workloads/prod"] },
              expires,
            },
          ],
        }),
      },
      date,
    );

  it("emits a grant before its expiry date, silently when it is more than 14 days away", () => {
    const result = contractor("2026-11-16");
    expect(ignoring(result, UNUSED).diagnostics).toEqual([]);
    expect(result.plan!.workspaces[0].identityCenter.assignments.filter((a) => a.expires).map((a) => [a.key, a.expires])).toEqual([
      ["group:Contractors/ReadOnly/app-prod", "2026-11-16"],
      ["group:Contractors/ReadOnly/data-prod", "2026-11-16"],
    ]);
  });

  it("warns within 14 days and leaves out an expired grant, saying so", () => {
    expect(messages(ignoring(contractor("2026-11-15"), UNUSED))).toMatchInlineSnapshot(
      `"org.yaml:43 warning KL309 $.identityCenter.assignments[1].expires: this grant expires on 2026-11-15, in 14 day(s) (evaluation date 2026-11-01); from then on its 2 account assignment(s) are removed by the next synth and apply | fix: extend expires if the access is still needed, or let it lapse"`,
    );
    const expired = contractor("2026-11-01");
    expect(messages(ignoring(expired, UNUSED))).toMatchInlineSnapshot(
      `"org.yaml:43 warning KL308 $.identityCenter.assignments[1].expires: this grant expired on 2026-11-01 (evaluation date 2026-11-01): its 2 account assignment(s) are not emitted, so the next apply removes them | fix: delete the assignment, or move expires to a later date to extend it"`,
    );
    expect(keys(expired)).toEqual(["group:Platform/ReadOnly/app-dev"]);
  });

  it("keeps the longest-lived grant when rules overlap", () => {
    const result = compileFiles(
      {
        "org.yaml": ic({
          ...base,
          assignments: [
            {
              groups: ["Platform"],
              permissionSets: ["ReadOnly"],
              targets: { accounts: ["app-dev", "app-prod"] },
              expires: "2027-01-01",
            },
            {
              groups: ["Platform"],
              permissionSets: ["ReadOnly"],
              targets: { accounts: ["app-prod"] },
              expires: "2027-06-30",
            },
            {
              groups: ["Platform"],
              permissionSets: ["ReadOnly"],
              targets: { accounts: ["app-dev"] },
            },
          ],
        }),
      },
      "2026-11-01",
    );
    expect(result.plan!.workspaces[0].identityCenter.assignments.map((a) => [a.key, a.expires])).toEqual([
      ["group:Platform/ReadOnly/app-dev", undefined],
      ["group:Platform/ReadOnly/app-prod", "2027-06-30"],
    ]);
  });

  it("rejects expiry and evaluation dates that are not calendar dates", () => {
    expect(codes(contractor("2026-02-30"))).toEqual(["error KL310 identityCenter.assignments.1.expires"]);
    expect(messages(contractor("2027-01-01", "2026-13-01"))).toMatchInlineSnapshot(
      `"--date:- error KL311 $: evaluation date "2026-13-01" is not a calendar date, expected YYYY-MM-DD | fix: pass --date as YYYY-MM-DD, for example --date 2026-11-01, or leave it out to use today (UTC)"`,
    );
    expect(checkEvaluationDate(undefined)).toBeUndefined();
    expect(todayUtc(new Date("2026-03-04T23:59:59Z"))).toBe("2026-03-04");
  });
});

describe("workspace settings", () => {
  it("warns when a workspace has more assignments than its threshold", () => {
    const grants = (threshold?: number) =>
      compileFiles({
        "org.yaml": ic({
          ...base,
          ...(threshold ? { defaults: { assignmentWarningThreshold: threshold } } : {}),
          assignments: [
            {
              groups: ["Platform", "BreakGlass"],
              permissionSets: ["ReadOnly", "Admin"],
              targets: { organization: true },
            },
          ],
        }),
      });
    expect(grants().diagnostics).toEqual([]);
    expect(messages(grants(15))).toMatchInlineSnapshot(
      `"org.yaml:29 warning KL312 $.identityCenter.assignments: this workspace has 16 account assignments, more than its threshold of 15: a first apply creates about 60 a minute (the provider waits about 10 s for each, 10 at a time), so it takes about 1 minute, and every plan refreshes each one; a chained role session lasts 60 minutes | fix: split the assignments across workspaces (for example one per OU or per team), or raise identityCenter.defaults.assignmentWarningThreshold if your apply's credentials outlive the apply"`,
    );
    expect(grants(16).diagnostics).toEqual([]);
  });

  it("keeps the instance's access-control attributes in the one workspace that declares them", () => {
    const abac = {
      accessControlAttributes: {
        team: ["${path:enterprise.department}"],
        CostCenter: ["${path:enterprise.costCenter}"],
      },
    };
    const result = compileFiles({ "org.yaml": ic(abac), "dev.yaml": ic({}) });
    const [dev, org] = result.plan!.workspaces;
    expect(org.identityCenter.accessControlAttributes).toEqual([
      { key: "CostCenter", sources: ["${path:enterprise.costCenter}"] },
      { key: "team", sources: ["${path:enterprise.department}"] },
    ]);
    expect(dev.identityCenter.accessControlAttributes).toBeUndefined();
    expect(codes(compileFiles({ "org.yaml": ic(abac), "dev.yaml": ic(abac) }))).toEqual(["error KL205 identityCenter.accessControlAttributes"]);
  });
});
