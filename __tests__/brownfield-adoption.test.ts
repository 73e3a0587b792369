/**
 * Brownfield adoption end to end: the real AWS SDK v3 over HTTP against the shared AWS emulator
 * (support/emulator) seeded with a hand-made organization (support/brownfield-seed.ts), through the CLI
 * in-process.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { READ_ONLY_ACTIONS, allReadOnlyActions } from "../src/aws/actions";
import { runCliAsync } from "../src/cli/cli";
import { compile } from "../src/compile/compile";
import type { CliIo } from "../src/cli/context";
import { isParseFailure, parseSource } from "../src/load/source-file";
import { validateSource } from "../src/validate/validate";
import { brownfieldSeed } from "./support/brownfield-seed";
import type { Emulator } from "./support/emulator";
import { startBrownfieldEmulator } from "./support/emulator/brownfield-seed";
import { accountIam } from "./support/emulator/state";
import { tempDir } from "./support/temp";

// Each test makes a few hundred HTTP calls; a loaded machine must not turn that into a failure.
jest.setTimeout(60_000);

const seed = brownfieldSeed();
let aws: Emulator;
let cwd: string;

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd,
    env: { AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: "AKIA0000111111111111", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "eu-west-1" },
    isTTY: false,
    today: () => "2026-12-01",
  };
  const code = await runCliAsync(argv, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** The IAM actions behind the calls made since the last reset (GetCallerIdentity needs no permission). */
function actionsCalled(): string[] {
  const names = Object.keys(aws.calls()).map((c) => c.replace(/^sso-admin:/, "sso:"));
  aws.reset();
  return names.filter((n) => n !== "sts:GetCallerIdentity").sort();
}

const inventoryPath = () => join(cwd, "environments", "shared", "organization.yaml");

beforeAll(async () => {
  aws = await startBrownfieldEmulator(seed);
  cwd = tempDir("brownfield");
});
afterAll(async () => {
  // Every call the commands made has a handler in the shared emulator.
  expect(aws.unhandled).toEqual([]);
  await aws.stop();
});

describe("keyless inventory", () => {
  it("pull writes an inventory that validates, with nested OUs, states (State and legacy Status), tags and policies", async () => {
    const r = await run(["inventory", "pull"]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain("wrote environments/shared/organization.yaml (32 accounts, 6 OUs)");
    const text = readFileSync(inventoryPath(), "utf8");
    const source = parseSource("environments/shared/organization.yaml", text);
    expect(isParseFailure(source)).toBe(false);
    expect(validateSource("organization", source as Exclude<typeof source, { message: string }>)).toEqual([]);
    const inv = parse(text);
    expect(inv.managementAccount).toBe("acme-management");
    expect(inv.root).toEqual({ id: "r-r00t", attachedPolicies: ["DenyOtherRegions", "FullAWSAccess"] });
    expect(inv.organizationalUnits.workloads).toEqual({
      id: "ou-r00t-90a40003",
      attachedPolicies: ["DenyLeaveOrg", "FullAWSAccess"],
      organizationalUnits: { dev: { id: "ou-r00t-57a90005", attachedPolicies: ["FullAWSAccess"] }, prod: { id: "ou-r00t-70d10004", attachedPolicies: ["FullAWSAccess"] } },
    });
    expect(Object.keys(inv.accounts)).toHaveLength(32);
    expect(inv.accounts["app-prod-3"]).toEqual({ id: "444444444403", ou: "workloads/prod", email: "app-prod-3@acme.example", tags: { environment: "prod" } });
    expect(inv.accounts["legacy-prod"].status).toBe("SUSPENDED");
    expect(inv.accounts["sandbox-old"].status).toBe("PENDING_CLOSURE");
    expect(inv.accounts["sandbox-team"].status).toBeUndefined();
    expect(text).toMatch(/id: "111111111111"/);
  });

  it("pull again keeps the user's comments, renamed keys and order, and changes nothing else", async () => {
    const before = readFileSync(inventoryPath(), "utf8");
    const edited = before.replace("  acme-management:\n", "  # the payer account\n  mgmt:\n").replace("managementAccount: acme-management", "managementAccount: mgmt");
    writeFileSync(inventoryPath(), edited);
    const r = await run(["inventory", "pull"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("is up to date");
    expect(readFileSync(inventoryPath(), "utf8")).toBe(edited);
  });

  it("check exits 0 without drift, then 1 naming a new account, a moved one and a retagged one", async () => {
    expect((await run(["inventory", "check"])).code).toBe(0);
    const org = aws.state.organization;
    const fullAccess = org.policies.get("p-FullAWSAccess")!;
    org.accounts.set("555555555599", {
      id: "555555555599",
      name: "App Dev New",
      email: "new@acme.example",
      parentId: "ou-r00t-57a90005",
      state: "ACTIVE",
      tags: { environment: "dev" },
    });
    fullAccess.targets.add("555555555599");
    const moved = org.accounts.get("555555555512")!;
    moved.parentId = "ou-r00t-5a4d0006";
    org.accounts.get("333333333301")!.tags = { team: "network" };
    const r = await run(["inventory", "check"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("New accounts (1):\n  app-dev-new (555555555599) in workloads/dev, ACTIVE");
    expect(r.stdout).toContain("Moved accounts (1):\n  app-dev-12 (555555555512): workloads/dev -> sandbox");
    expect(r.stdout).toContain("Retagged accounts (1):\n  network (333333333301): team=platform -> team=network");
    // Restore AWS: the rest of the suite adopts the organization as seeded.
    org.accounts.delete("555555555599");
    fullAccess.targets.delete("555555555599");
    moved.parentId = "ou-r00t-57a90005";
    org.accounts.get("333333333301")!.tags = { team: "platform" };
    expect((await run(["inventory", "check"])).code).toBe(0);
  });
});

describe("keyless import", () => {
  let adopted: any;
  let imports: { kind: string; key: string; policy?: string; id: string }[];
  let stdout: string;
  beforeAll(async () => {
    const r = await run(["import", "--account", "shared-services"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    stdout = r.stdout;
    adopted = parse(readFileSync(join(cwd, "environments", "adopted.yaml"), "utf8"));
    imports = JSON.parse(readFileSync(join(cwd, "environments", "imports", "adopted.json"), "utf8")).imports;
  });

  it("reproduces every permission set setting and policy", () => {
    expect(adopted.identityCenter.permissionSets.Developer).toEqual({
      description: "Build and run workloads",
      sessionDuration: "PT4H",
      relayState: "https://console.aws.amazon.com/ec2/home",
      tags: { "cost-center": "42", team: "app" },
      managedPolicies: ["PowerUserAccess", "job-function/ViewOnlyAccess"],
      customerManagedPolicies: [{ name: "developer-self-service", path: "/acme/" }],
      inlinePolicy: { Version: "2012-10-17", Statement: [{ Sid: "NoOrg", Effect: "Deny", Action: "organizations:*", Resource: "*" }] },
      permissionsBoundary: { customerManagedPolicy: { name: "developer-boundary", path: "/acme/" } },
    });
  });

  it("groups assignments the way a person would: the organization, whole OUs, then single accounts", () => {
    expect(adopted.identityCenter.assignments).toEqual([
      { groups: ["Auditors"], permissionSets: ["ReadOnlyAccess"], targets: { organizationalUnits: ["security"] } },
      { groups: ["Developers"], permissionSets: ["Developer"], targets: { organizationalUnits: ["workloads/dev"], accounts: ["app-prod-1"] } },
      { groups: ["Platform"], permissionSets: ["AdministratorAccess"], targets: { organization: true, includeManagementAccount: true } },
      { users: ["alice"], permissionSets: ["ReadOnlyAccess"], targets: { accounts: ["audit"] } },
    ]);
    expect(adopted.identityCenter.groups).toEqual({ Auditors: { source: "external" }, Developers: { source: "external" }, Platform: { source: "external" } });
  });

  it("adopts customer-managed SCPs with their targets, leaving FullAWSAccess to AWS", () => {
    expect(adopted.aws).toEqual({ region: "eu-west-1", keylessTags: false });
    expect(adopted.guardrails.policies).toEqual({
      DenyLeaveOrg: {
        description: "Accounts cannot leave the organization",
        document: { Version: "2012-10-17", Statement: [{ Sid: "DenyLeave", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] },
        targets: { organizationalUnits: ["workloads"] },
      },
      DenyOtherRegions: {
        description: "",
        document: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              NotAction: ["iam:*", "sts:*", "organizations:*"],
              Resource: "*",
              Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } },
            },
          ],
        },
        targets: { root: true, accounts: ["app-dev-1"] },
      },
    });
    expect(imports.filter((i) => i.key.startsWith("policy_"))).toEqual([
      { kind: "policyAttachment", key: "policy_DenyLeaveOrg", policy: "ou:workloads", id: "ou-r00t-90a40003:p-denyleave01" },
      { kind: "policyAttachment", key: "policy_DenyOtherRegions", policy: "account:app-dev-1", id: "555555555501:p-regions0002" },
      { kind: "policyAttachment", key: "policy_DenyOtherRegions", policy: "root", id: "r-r00t:p-regions0002" },
      { kind: "serviceControlPolicy", key: "policy_DenyLeaveOrg", id: "p-denyleave01" },
      { kind: "serviceControlPolicy", key: "policy_DenyOtherRegions", id: "p-regions0002" },
    ]);
  });

  it("adopts the GitHub OIDC provider as existing and the roles it can write exactly, with their policies", () => {
    expect(adopted.githubOidc).toEqual({
      providers: { "shared-services": { existing: true } },
      roles: {
        "app-deploy": {
          account: "shared-services",
          path: "/ci/",
          description: "Deploys acme/app",
          repository: "acme/app",
          subjects: [{ environment: "production" }, { branch: "main" }],
          managedPolicies: ["ReadOnlyAccess"],
          customerManagedPolicies: ["arn:aws:iam::333333333302:policy/ci/app-deploy"],
          inlinePolicies: { Artifacts: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::acme-artifacts/*" }] } },
          maxSessionDuration: 7200,
          tags: { team: "app" },
        },
      },
    });
    expect(imports.filter((i) => i.key === "app-deploy")).toEqual([
      { kind: "githubRole", key: "app-deploy", id: "app-deploy" },
      { kind: "githubRoleInlinePolicy", key: "app-deploy", policy: "Artifacts", id: "app-deploy:Artifacts" },
      {
        kind: "githubRolePolicyAttachment",
        key: "app-deploy",
        policy: "arn:aws:iam::333333333302:policy/ci/app-deploy",
        id: "app-deploy/arn:aws:iam::333333333302:policy/ci/app-deploy",
      },
      { kind: "githubRolePolicyAttachment", key: "app-deploy", policy: "arn:aws:iam::aws:policy/ReadOnlyAccess", id: "app-deploy/arn:aws:iam::aws:policy/ReadOnlyAccess" },
    ]);
  });

  it("lists what it does not manage instead of dropping it", () => {
    expect(stdout).toContain(
      [
        "Not managed by keyless (2):",
        "  assignment of group Auditors to ReadOnlyAccess in legacy-prod: the account is SUSPENDED, and keyless grants access in active accounts only",
        "  role anything-goes in shared-services: its trust policy is not one keyless can write exactly (one repository, exact branch, tag, environment or pull_request subjects)",
      ].join("\n"),
    );
  });

  it("says which adopted documents the first apply rewrites in keyless's form (list order, the trust statement's Sid)", () => {
    expect(stdout).toContain(
      "Rewritten by the first apply, in keyless's form (the plan shows them as changes; same meaning) (2):\n  SCP DenyOtherRegions: content\n  role app-deploy: trust policy",
    );
  });

  it("writes import ids as the provider documents them", () => {
    const inst = "arn:aws:sso:::instance/ssoins-72230000abcd1234";
    const dev = "arn:aws:sso:::permissionSet/ssoins-72230000abcd1234/ps-dev00003";
    expect(imports.filter((i) => i.key === "Developer")).toEqual([
      { kind: "customerManagedPolicyAttachment", key: "Developer", policy: "/acme/developer-self-service", id: `developer-self-service,/acme/,${dev},${inst}` },
      { kind: "inlinePolicy", key: "Developer", id: `${dev},${inst}` },
      { kind: "managedPolicyAttachment", key: "Developer", policy: "arn:aws:iam::aws:policy/PowerUserAccess", id: `arn:aws:iam::aws:policy/PowerUserAccess,${dev},${inst}` },
      {
        kind: "managedPolicyAttachment",
        key: "Developer",
        policy: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
        id: `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess,${dev},${inst}`,
      },
      { kind: "permissionSet", key: "Developer", id: `${dev},${inst}` },
      { kind: "permissionsBoundary", key: "Developer", id: `${dev},${inst}` },
    ]);
    expect(imports.find((i) => i.key === "user:alice/ReadOnlyAccess/audit")).toEqual({
      kind: "assignment",
      key: "user:alice/ReadOnlyAccess/audit",
      id: `u-alice,USER,222222222202,AWS_ACCOUNT,arn:aws:sso:::permissionSet/ssoins-72230000abcd1234/ps-ro000002,${inst}`,
    });
    expect(imports.filter((i) => i.kind === "assignment")).toHaveLength(seed.assignments.length - 1);
  });

  it("synthesizes import blocks that each point at a resource the stack declares, one per existing object", async () => {
    const r = await run(["synth", "--out", "cdktf.out"]);
    expect(r.stderr).not.toMatch(/ error KL/);
    expect(r.code).toBe(0);
    const tf = JSON.parse(readFileSync(join(cwd, "cdktf.out", "stacks", "adopted", "cdk.tf.json"), "utf8"));
    const blocks: { to: string; id: string }[] = tf.import;
    expect(blocks).toHaveLength(imports.length);
    // Every import targets a declared resource and, for for_each resources, one of its keys.
    const keysOf = (type: string, name: string): string[] | undefined => {
      const forEach = tf.resource[type]?.[name]?.for_each;
      if (forEach === undefined) return undefined;
      if (typeof forEach === "string") {
        const local = /^\$\{local\.([\w-]+)\}$/.exec(forEach);
        if (local) return Object.keys(tf.locals[local[1]]);
        const set = /^\$\{toset\((.*)\)\}$/s.exec(forEach);
        return set ? JSON.parse(set[1]) : undefined;
      }
      return Array.isArray(forEach) ? forEach : Object.keys(forEach);
    };
    let assignments = 0;
    for (const b of blocks) {
      const m = /^(aws_[a-z_]+)\.([A-Za-z0-9_-]+)(?:\["(.*)"\])?$/.exec(b.to)!;
      expect([b.to, tf.resource[m[1]]?.[m[2]] !== undefined]).toEqual([b.to, true]);
      if (m[3] !== undefined) expect([b.to, keysOf(m[1], m[2])]).toEqual([b.to, expect.arrayContaining([JSON.parse(`"${m[3]}"`)])]);
      if (m[1] === "aws_ssoadmin_account_assignment") assignments++;
    }
    const declared = Object.keys(tf.resource.aws_ssoadmin_account_assignment).reduce((n, name) => n + keysOf("aws_ssoadmin_account_assignment", name)!.length, 0);
    expect([assignments, declared]).toEqual([imports.filter((i) => i.kind === "assignment").length, imports.filter((i) => i.kind === "assignment").length]);
  });

  it("finds name collisions with existing definitions before any apply, and writes nothing", async () => {
    const other = join(cwd, "environments", "team.yaml");
    writeFileSync(
      other,
      "organization: ./shared/organization.yaml\naws: { region: eu-west-1 }\nidentityCenter:\n  permissionSets:\n    Admin: { name: AdministratorAccess, managedPolicies: [AdministratorAccess] }\n",
    );
    const before = readFileSync(join(cwd, "environments", "adopted.yaml"), "utf8");
    try {
      const r = await run(["import"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'environments/team.yaml: identityCenter.permissionSets.Admin: permission set "AdministratorAccess" already exists in AWS (arn:aws:sso:::permissionSet/ssoins-72230000abcd1234/ps-admin0001)',
      );
      expect(readFileSync(join(cwd, "environments", "adopted.yaml"), "utf8")).toBe(before);
    } finally {
      rmSync(other);
    }
  });
});

describe("the read-only IAM actions", () => {
  it("each command calls only the actions the README lists for it", async () => {
    aws.reset();
    await run(["inventory", "check"]);
    expect(actionsCalled().filter((a) => !(READ_ONLY_ACTIONS.inventory as readonly string[]).includes(a))).toEqual([]);
    expect((await run(["import", "--account", "shared-services"])).code).toBe(0);
    expect(actionsCalled().filter((a) => !(READ_ONLY_ACTIONS.import as readonly string[]).includes(a))).toEqual([]);
    await run(["audit", "--date", "2026-12-01"]);
    const audit = actionsCalled();
    expect(audit.filter((a) => !(READ_ONLY_ACTIONS.audit as readonly string[]).includes(a))).toEqual([]);
    expect(audit).toEqual(expect.arrayContaining(["sts:AssumeRole", "iam:GetCredentialReport", "iam:GetAccessKeyLastUsed"]));
  });

  it("the example organization's KeylessReadOnly permission set grants exactly them", () => {
    const plan = compile({ dir: join(__dirname, "..", "environments"), cwd: join(__dirname, ".."), evaluationDate: "2026-12-01" }).plan!;
    const ps = plan.workspaces.flatMap((w) => w.identityCenter.permissionSets).find((p) => p.name === "KeylessReadOnly")!;
    const statements = JSON.parse(ps.inlinePolicy!).Statement as { Action: string | string[]; Resource: string }[];
    const granted = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
    expect(granted).toEqual(allReadOnlyActions());
    expect(ps.managedPolicyArns).toEqual([]);
    expect(statements.find((s) => s.Action === "sts:AssumeRole")!.Resource).toBe("arn:aws:iam::*:role/keyless-audit-read");
  });
});

describe("keyless audit", () => {
  let report: any;
  beforeAll(async () => {
    const r = await run(["audit", "--date", "2026-12-01", "--format", "json", "--output", "audit.json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("10 long-lived credential(s) remain");
    report = JSON.parse(readFileSync(join(cwd, "audit.json"), "utf8"));
  });

  it("reports exactly the seeded users, keys and root state of the active accounts", () => {
    expect(report.accounts).toHaveLength(30);
    const withUsers = report.accounts.filter((a: any) => a.users.length).map((a: any) => [a.name, a.users.map((u: any) => u.userName)]);
    expect(withUsers).toEqual([
      ["Acme Management", ["alice", "ci-deploy"]],
      ["Audit", ["auditor.jones"]],
      ["Shared Services", ["jenkins"]],
    ]);
    expect(report.totals).toEqual({
      accounts: 30,
      unreadable: 0,
      users: 4,
      passwords: 1,
      activeAccessKeys: 4,
      keysToDeactivateFirst: 3,
      sshKeys: 1,
      signingCertificates: 1,
      serviceCredentials: 1,
      rootPasswords: 1,
      rootAccessKeys: 1,
      rootWithoutMfa: 1,
      longLived: 10,
    });
    const mgmt = report.accounts.find((a: any) => a.id === "111111111111");
    expect(mgmt.root).toMatchObject({ password: true, passwordLastUsed: "2026-10-01", activeAccessKeys: 0, mfa: true });
    const ci = mgmt.users.find((u: any) => u.userName === "ci-deploy");
    expect(ci.accessKeys).toEqual([
      {
        id: "AKIACIDEPLOY00000001",
        status: "Active",
        created: "2021-02-02",
        lastUsed: { date: "2026-06-01", service: "cloudformation", region: "eu-west-1" },
        ageDays: 2128,
        idleDays: 183,
        deactivateFirst: true,
      },
      { id: "AKIACIDEPLOY00000002", status: "Inactive", created: "2020-05-05", ageDays: 2401, deactivateFirst: false },
    ]);
  });

  it("maps IAM users to Identity Center by user name, email tag or IAM group, and says what blocks", () => {
    const users = Object.fromEntries(report.accounts.flatMap((a: any) => a.users).map((u: any) => [u.userName, u]));
    expect(users.alice.replacement).toEqual({ kind: "user", name: "alice", matchedBy: "user name" });
    expect(users["auditor.jones"].replacement).toEqual({ kind: "user", name: "bob", matchedBy: "email" });
    expect(users.jenkins.replacement).toEqual({ kind: "group", name: "Builders", matchedBy: "IAM group name" });
    expect(users["ci-deploy"].replacement).toBeUndefined();
    expect(users["ci-deploy"].blocking).toContain("no Identity Center user or group matches (by user name, email tag or IAM group): create or map one");
    expect(users.alice.blocking).toEqual([
      "1 active access key(s) used in the last 90 days: move the workload to a role first",
      "console password: sign in through Identity Center instead, then delete the login profile",
    ]);
  });

  it("renders HTML in the report's style: self-contained, escaped, same facts", async () => {
    const r = await run(["audit", "--date", "2026-12-01", "--format", "html"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(r.stdout).not.toMatch(/<script|https?:\/\/(?!console)/);
    expect(r.stdout).toContain("<strong>10 long-lived credential(s) remain</strong>");
    expect(r.stdout).toContain(
      '<code>AKIACIDEPLOY00000001</code> Active, 2128 days old, last used 2026-06-01 (183 days ago) cloudformation eu-west-1 <span class="tag">deactivate first</span>',
    );
  });

  it("shows progress against an earlier audit", async () => {
    const users = accountIam(aws.state, "111111111111").users;
    const saved = users.get("ci-deploy")!;
    users.delete("ci-deploy");
    try {
      const r = await run(["audit", "--date", "2026-12-01", "--since", "audit.json"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("## Progress since 2026-12-01");
      expect(r.stdout).toContain("Long-lived credentials: 10 -> 9; IAM users: 4 -> 3; active access keys: 4 -> 3.");
      expect(r.stdout).toContain("Users removed (1): acme-management/ci-deploy".replace("acme-management", "Acme Management"));
      expect(r.stdout).toContain("| alice | yes, last used 2026-11-20 | yes |");
    } finally {
      users.set("ci-deploy", saved);
    }
  });
});
