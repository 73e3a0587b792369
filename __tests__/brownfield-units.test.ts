/** The pure parts of brownfield adoption: slugs, YAML editing, drift, OU grouping, audit ages. */
import { adoptIdentityCenter, coverTargets, InventoryData } from "../src/brownfield/adopt";
import { buildAudit, daysBetween } from "../src/brownfield/audit";
import { formatDrift, pullInventory, slug } from "../src/brownfield/inventory-document";
import type { OrgSnapshot } from "../src/brownfield/snapshot";
import { accountState } from "../src/brownfield/snapshot";
import { parseCredentialReport } from "../src/aws/iam-credentials";

describe("slug", () => {
  it.each([
    ["App Prod 3", "app-prod-3"],
    ["  Café Données (EU)  ", "cafe-donnees-eu"],
    ["log_archive.v2", "log_archive.v2"],
    ["---", "account"],
    ["x".repeat(80), "x".repeat(50)],
  ])("%j -> %j", (name, expected) => expect(slug(name)).toBe(expected));
});

describe("accountState", () => {
  it("prefers State, falls back to the legacy Status, and treats unknown values as not active", () => {
    expect([accountState("PENDING_ACTIVATION", "ACTIVE"), accountState(undefined, "SUSPENDED"), accountState(undefined, undefined), accountState("WEIRD", undefined)]).toEqual([
      "PENDING_ACTIVATION",
      "SUSPENDED",
      "ACTIVE",
      "SUSPENDED",
    ]);
  });
});

const org = (over: Partial<OrgSnapshot> = {}): OrgSnapshot => ({
  rootId: "r-ab12",
  rootPolicies: ["FullAWSAccess"],
  managementAccountId: "111111111111",
  ous: [
    { id: "ou-ab12-11111111", name: "Workloads", parentId: "r-ab12", policies: [] },
    { id: "ou-ab12-22222222", name: "Prod", parentId: "ou-ab12-11111111", policies: [] },
  ],
  accounts: [
    { id: "111111111111", name: "Management", state: "ACTIVE", parentId: "r-ab12", tags: {}, policies: [] },
    { id: "222222222222", name: "App Prod", email: "a@x.example", state: "ACTIVE", parentId: "ou-ab12-22222222", tags: { team: "app" }, policies: [] },
  ],
  ...over,
});

describe("pullInventory", () => {
  it("creates a document with a header, quoted ids and the management account", () => {
    const { text } = pullInventory(undefined, org());
    expect(text).toMatchInlineSnapshot(`
"# yaml-language-server: $schema=../../schemas/organization.schema.json
# The organization inventory, pulled from AWS Organizations by \`keyless inventory pull\`.
# Edit names, order and comments freely: the next pull keeps them and updates ids, OUs, state, tags and policies.

$schema: ../../schemas/organization.schema.json
root:
  id: r-ab12
  attachedPolicies: [FullAWSAccess]
organizationalUnits:
  workloads:
    id: ou-ab12-11111111
    organizationalUnits:
      prod:
        id: ou-ab12-22222222
accounts:
  app-prod:
    id: "222222222222"
    ou: workloads/prod
    email: a@x.example
    tags: {team: app}
  management:
    id: "111111111111"
managementAccount: management
"
`);
  });

  it("removes an OU AWS no longer has, keeps a vanished account as CLOSED, and reports both", () => {
    const first = pullInventory(undefined, org()).text;
    const { text, drift } = pullInventory(first, org({ ous: [org().ous[0]], accounts: [org().accounts[0]] }));
    expect(text).not.toMatch(/^ +prod:/m);
    expect(text).toContain('  app-prod:\n    id: "222222222222"\n    email: a@x.example\n    tags: {team: app}\n    status: CLOSED');
    expect(formatDrift(drift)).toBe(
      "Moved accounts (1):\n  app-prod (222222222222): workloads/prod -> the root\nClosed, suspended or reopened accounts (1):\n  app-prod (222222222222): ACTIVE -> CLOSED\nOUs removed (1):\n  workloads/prod (ou-ab12-22222222)",
    );
  });

  it("gives two accounts with the same name distinct keys", () => {
    const twins = org({ accounts: [...org().accounts, { id: "333333333333", name: "App Prod", state: "ACTIVE", parentId: "r-ab12", tags: {}, policies: [] }] });
    expect(pullInventory(undefined, twins).text).toMatch(/app-prod:\n {4}id: "222222222222"[\s\S]*app-prod-2:\n {4}id: "333333333333"/);
  });
});

describe("coverTargets", () => {
  const inv: InventoryData = {
    managementAccount: "mgmt",
    ous: ["a", "a/b", "a/c", "d"],
    accounts: {
      mgmt: { id: "1" },
      b1: { id: "2", ou: "a/b" },
      b2: { id: "3", ou: "a/b" },
      c1: { id: "4", ou: "a/c" },
      c2: { id: "5", ou: "a/c", status: "SUSPENDED" },
      a1: { id: "6", ou: "a" },
      d1: { id: "7", ou: "d" },
    },
  };
  const eligible = ["b1", "b2", "c1", "a1", "d1"];
  it.each([
    [["b1", "b2", "c1", "a1", "d1"], { organization: true }],
    [["b1", "b2", "c1", "a1", "d1", "mgmt"], { organization: true, includeManagementAccount: true }],
    [["b1", "b2", "c1", "a1"], { organizationalUnits: ["a"] }],
    [["b1", "b2", "c1"], { organizationalUnits: ["a/b", "a/c"] }],
    [["b1", "c1", "d1"], { organizationalUnits: ["a/c", "d"], accounts: ["b1"] }],
    [["mgmt"], { accounts: ["mgmt"], includeManagementAccount: true }],
  ])("%j -> %j (suspended accounts do not break an OU)", (granted, expected) => expect(coverTargets(new Set(granted), inv, eligible)).toEqual(expected));

  it("reports assignments to unknown accounts and deleted principals as not managed", () => {
    const a = adoptIdentityCenter(
      {
        instanceArn: "arn:aws:sso:::instance/ssoins-1",
        identityStoreId: "d-1",
        permissionSets: [{ arn: "arn:ps", name: "RO", sessionDuration: "PT1H", tags: {}, managedPolicyArns: [], customerManagedPolicies: [] }],
        assignments: [
          { principalType: "GROUP", principalId: "g1", principalName: "Team", permissionSetArn: "arn:ps", accountId: "999999999999" },
          { principalType: "USER", principalId: "u-gone", permissionSetArn: "arn:ps", accountId: "2" },
        ],
      },
      inv,
    );
    expect(a.unmanaged).toEqual([
      "assignment of deleted principal u-gone to RO in b1: remove it in AWS",
      "assignment of group Team to RO in account 999999999999: account not in the inventory",
    ]);
    expect(a.identityCenter.assignments).toBeUndefined();
  });
});

describe("audit", () => {
  it("counts days in UTC calendar days", () => {
    expect([daysBetween("2026-09-02", "2026-12-01"), daysBetween("2026-12-01T23:59:59Z", "2026-12-01")]).toEqual([90, 0]);
  });

  it("deactivate-first is 90 days idle, or 90 days old and never used; inactive keys are not long-lived", () => {
    const r = buildAudit(
      [
        {
          id: "1",
          name: "a",
          users: [
            {
              userName: "u",
              arn: "arn",
              created: "2020-01-01",
              tags: {},
              groups: [],
              mfaDevices: [],
              accessKeys: [
                { id: "K1", status: "Active", created: "2020-01-01", lastUsed: { date: "2026-09-02" } },
                { id: "K2", status: "Active", created: "2020-01-01", lastUsed: { date: "2026-09-03" } },
                { id: "K3", status: "Active", created: "2026-09-01" },
                { id: "K4", status: "Inactive", created: "2020-01-01" },
              ],
              sshKeys: [{ id: "S", status: "Inactive" }],
              signingCertificates: [],
              serviceCredentials: [],
            },
          ],
        },
      ],
      { users: [], groups: [] },
      "2026-12-01",
    );
    expect(r.accounts[0].users[0].accessKeys.map((k) => [k.id, k.deactivateFirst])).toEqual([
      ["K1", true],
      ["K2", false],
      ["K3", true],
      ["K4", false],
    ]);
    expect(r.totals).toMatchObject({ activeAccessKeys: 3, keysToDeactivateFirst: 2, sshKeys: 0, longLived: 3 });
  });

  it("parses the credential report's CSV by user, with the root row", () => {
    const rows = parseCredentialReport("user,arn,password_last_used\n<root_account>,arn:aws:iam::1:root,2026-10-01T00:00:00+00:00\nbob,arn:aws:iam::1:user/bob,N/A\n");
    expect([rows.get("<root_account>")?.password_last_used, rows.get("bob")?.password_last_used, rows.size]).toEqual(["2026-10-01T00:00:00+00:00", "N/A", 2]);
  });
});
