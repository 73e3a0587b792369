/**
 * The brownfield organization: a hand-made organization as found before keyless, in the shape of the
 * AWS objects it holds. `support/emulator/brownfield-seed.ts` turns it into a seed of the shared AWS
 * emulator.
 */
export interface SeedIamUser {
  userName: string;
  created: string;
  tags?: Record<string, string>;
  groups?: string[];
  password?: { created: string; lastUsed?: string };
  mfa?: string[];
  accessKeys?: { id: string; status: "Active" | "Inactive"; created: string; lastUsed?: { date: string; service: string; region: string } }[];
  sshKeys?: { id: string; status: "Active" | "Inactive" }[];
  signingCertificates?: { id: string; status: "Active" | "Inactive" }[];
  serviceCredentials?: { id: string; service: string; status: "Active" | "Inactive" }[];
}

export interface SeedAccount {
  id: string;
  name: string;
  email: string;
  parentId: string;
  state?: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE";
  /** Legacy field only (no State): how accounts looked before 2026-09. */
  legacyStatus?: string;
  tags?: Record<string, string>;
  policies?: string[];
  iamUsers?: SeedIamUser[];
  root?: { password: boolean; passwordLastUsed?: string; accessKeys: number; mfa: boolean };
  oidcProviders?: { url: string; clientIds: string[] }[];
  roles?: {
    name: string;
    path?: string;
    description?: string;
    trust: string;
    managed?: string[];
    inline?: Record<string, string>;
    boundary?: string;
    maxSessionDuration?: number;
    tags?: Record<string, string>;
  }[];
}

export interface SeedPermissionSet {
  arn: string;
  name: string;
  description?: string;
  sessionDuration?: string;
  relayState?: string;
  tags?: Record<string, string>;
  managed?: string[];
  customer?: { name: string; path: string }[];
  inline?: string;
  boundary?: { managedPolicyArn?: string; customer?: { name: string; path: string } };
}

export interface BrownfieldSeed {
  managementAccountId: string;
  rootId: string;
  rootPolicies: string[];
  ous: { id: string; name: string; parentId: string; policies?: string[] }[];
  accounts: SeedAccount[];
  instanceArn: string;
  identityStoreId: string;
  users: { id: string; userName: string; email?: string }[];
  groups: { id: string; displayName: string }[];
  permissionSets: SeedPermissionSet[];
  assignments: { permissionSetArn: string; accountId: string; principalType: "GROUP" | "USER"; principalId: string }[];
  /** Customer-managed SCPs; targets name them in their `policies`. FullAWSAccess is always there. */
  scps: { id: string; name: string; description: string; content: string }[];
}

const INSTANCE = "arn:aws:sso:::instance/ssoins-72230000abcd1234";
const psArn = (id: string) => `arn:aws:sso:::permissionSet/ssoins-72230000abcd1234/ps-${id}`;
const MANAGED = (n: string) => `arn:aws:iam::aws:policy/${n}`;

/**
 * A hand-made organization as found before keyless: 32 accounts in nested OUs (one suspended, one
 * closing, one still reporting only the legacy Status), the console's predefined permission set names
 * beside a custom one with every setting, assignments to groups and a user, IAM users with keys in
 * three accounts, and root users with and without credentials.
 */
export function brownfieldSeed(): BrownfieldSeed {
  const ous = [
    { id: "ou-r00t-5ec00001", name: "Security", parentId: "r-r00t", policies: ["FullAWSAccess"] },
    { id: "ou-r00t-1f7a0002", name: "Infrastructure", parentId: "r-r00t", policies: ["FullAWSAccess"] },
    { id: "ou-r00t-90a40003", name: "Workloads", parentId: "r-r00t", policies: ["FullAWSAccess", "DenyLeaveOrg"] },
    { id: "ou-r00t-70d10004", name: "Prod", parentId: "ou-r00t-90a40003", policies: ["FullAWSAccess"] },
    { id: "ou-r00t-57a90005", name: "Dev", parentId: "ou-r00t-90a40003", policies: ["FullAWSAccess"] },
    { id: "ou-r00t-5a4d0006", name: "Sandbox", parentId: "r-r00t", policies: ["FullAWSAccess"] },
  ];
  const accounts: SeedAccount[] = [
    {
      id: "111111111111",
      name: "Acme Management",
      email: "aws-management@acme.example",
      parentId: "r-r00t",
      tags: { team: "platform" },
      policies: [],
      root: { password: true, passwordLastUsed: "2026-10-01", accessKeys: 0, mfa: true },
      iamUsers: [
        {
          userName: "alice",
          created: "2019-03-01",
          groups: ["Admins"],
          password: { created: "2019-03-01", lastUsed: "2026-11-20" },
          mfa: ["arn:aws:iam::111111111111:mfa/alice"],
          accessKeys: [{ id: "AKIAALICE00000000001", status: "Active", created: "2024-01-10", lastUsed: { date: "2026-11-30", service: "s3", region: "eu-west-1" } }],
        },
        {
          userName: "ci-deploy",
          created: "2020-05-05",
          accessKeys: [
            { id: "AKIACIDEPLOY00000001", status: "Active", created: "2021-02-02", lastUsed: { date: "2026-06-01", service: "cloudformation", region: "eu-west-1" } },
            { id: "AKIACIDEPLOY00000002", status: "Inactive", created: "2020-05-05" },
          ],
        },
      ],
    },
    { id: "222222222201", name: "Log Archive", email: "log-archive@acme.example", parentId: "ou-r00t-5ec00001", tags: { team: "security" } },
    {
      id: "222222222202",
      name: "Audit",
      email: "audit@acme.example",
      parentId: "ou-r00t-5ec00001",
      tags: { team: "security" },
      root: { password: false, accessKeys: 1, mfa: false },
      iamUsers: [
        {
          userName: "auditor.jones",
          created: "2022-01-01",
          tags: { email: "bob@acme.example" },
          sshKeys: [{ id: "APKASSH0001", status: "Active" }],
          accessKeys: [{ id: "AKIAJONES00000000001", status: "Active", created: "2022-01-01" }],
        },
      ],
    },
    { id: "333333333301", name: "Network", email: "network@acme.example", parentId: "ou-r00t-1f7a0002", tags: { team: "platform" } },
    {
      id: "333333333302",
      name: "Shared Services",
      email: "shared@acme.example",
      parentId: "ou-r00t-1f7a0002",
      tags: { team: "platform" },
      iamUsers: [
        {
          userName: "jenkins",
          created: "2018-07-07",
          groups: ["Builders"],
          signingCertificates: [{ id: "CERT0001", status: "Active" }],
          serviceCredentials: [{ id: "ACCA0001", service: "codecommit.amazonaws.com", status: "Active" }],
          accessKeys: [{ id: "AKIAJENKINS000000001", status: "Active", created: "2018-07-07", lastUsed: { date: "2025-01-15", service: "ec2", region: "us-east-1" } }],
        },
      ],
    },
  ];
  for (let i = 1; i <= 12; i++)
    accounts.push({
      id: `4444444444${String(i).padStart(2, "0")}`,
      name: `App Prod ${i}`,
      email: `app-prod-${i}@acme.example`,
      parentId: "ou-r00t-70d10004",
      tags: { environment: "prod" },
    });
  for (let i = 1; i <= 12; i++)
    accounts.push({
      id: `5555555555${String(i).padStart(2, "0")}`,
      name: `App Dev ${i}`,
      email: `app-dev-${i}@acme.example`,
      parentId: "ou-r00t-57a90005",
      tags: { environment: "dev" },
    });
  accounts.push({ id: "444444444499", name: "Legacy Prod", email: "legacy@acme.example", parentId: "ou-r00t-70d10004", state: "SUSPENDED" });
  accounts.push({ id: "666666666601", name: "Sandbox Old", email: "sandbox-old@acme.example", parentId: "ou-r00t-5a4d0006", state: "PENDING_CLOSURE" });
  accounts.push({ id: "666666666602", name: "Sandbox Team", email: "sandbox@acme.example", parentId: "ou-r00t-5a4d0006", legacyStatus: "ACTIVE" });

  const users = [
    { id: "u-alice", userName: "alice", email: "alice@acme.example" },
    { id: "u-bob", userName: "bob", email: "bob@acme.example" },
  ];
  const groups = [
    { id: "g-platform", displayName: "Platform" },
    { id: "g-developers", displayName: "Developers" },
    { id: "g-auditors", displayName: "Auditors" },
    { id: "g-builders", displayName: "Builders" },
  ];
  const permissionSets = [
    {
      arn: psArn("admin0001"),
      name: "AdministratorAccess",
      description: "Provides full access to AWS services and resources",
      sessionDuration: "PT1H",
      managed: [MANAGED("AdministratorAccess")],
    },
    { arn: psArn("ro000002"), name: "ReadOnlyAccess", sessionDuration: "PT8H", managed: [MANAGED("ReadOnlyAccess")] },
    {
      arn: psArn("dev00003"),
      name: "Developer",
      description: "Build and run workloads",
      sessionDuration: "PT4H",
      relayState: "https://console.aws.amazon.com/ec2/home",
      tags: { team: "app", "cost-center": "42" },
      managed: [MANAGED("PowerUserAccess"), MANAGED("job-function/ViewOnlyAccess")],
      customer: [{ name: "developer-self-service", path: "/acme/" }],
      inline: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "NoOrg", Effect: "Deny", Action: "organizations:*", Resource: "*" }] }),
      boundary: { customer: { name: "developer-boundary", path: "/acme/" } },
    },
  ];
  const assignments: BrownfieldSeed["assignments"] = [];
  const active = accounts.filter((a) => (a.state ?? a.legacyStatus ?? "ACTIVE") === "ACTIVE");
  for (const a of active) assignments.push({ permissionSetArn: psArn("admin0001"), accountId: a.id, principalType: "GROUP", principalId: "g-platform" });
  for (const a of active.filter((x) => x.parentId === "ou-r00t-57a90005"))
    assignments.push({ permissionSetArn: psArn("dev00003"), accountId: a.id, principalType: "GROUP", principalId: "g-developers" });
  assignments.push({ permissionSetArn: psArn("dev00003"), accountId: "444444444401", principalType: "GROUP", principalId: "g-developers" });
  for (const a of active.filter((x) => x.parentId === "ou-r00t-5ec00001"))
    assignments.push({ permissionSetArn: psArn("ro000002"), accountId: a.id, principalType: "GROUP", principalId: "g-auditors" });
  assignments.push({ permissionSetArn: psArn("ro000002"), accountId: "222222222202", principalType: "USER", principalId: "u-alice" });
  assignments.push({ permissionSetArn: psArn("ro000002"), accountId: "444444444499", principalType: "GROUP", principalId: "g-auditors" });

  const scps = [
    {
      id: "p-denyleave01",
      name: "DenyLeaveOrg",
      description: "Accounts cannot leave the organization",
      content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyLeave", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] }),
    },
    {
      id: "p-regions0002",
      name: "DenyOtherRegions",
      description: "",
      content: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            NotAction: ["iam:*", "sts:*", "organizations:*"],
            Resource: "*",
            Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } },
          },
        ],
      }),
    },
  ];
  const shared = accounts.find((a) => a.id === "333333333302")!;
  const provider = "arn:aws:iam::333333333302:oidc-provider/token.actions.githubusercontent.com";
  const trust = (conditions: Record<string, unknown>) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: provider }, Action: "sts:AssumeRoleWithWebIdentity", Condition: conditions }] });
  shared.oidcProviders = [{ url: "token.actions.githubusercontent.com", clientIds: ["sts.amazonaws.com"] }];
  shared.roles = [
    {
      name: "app-deploy",
      path: "/ci/",
      description: "Deploys acme/app",
      trust: trust({
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": ["repo:acme/app:environment:production", "repo:acme/app:ref:refs/heads/main"],
        },
      }),
      managed: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::333333333302:policy/ci/app-deploy"],
      inline: { Artifacts: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::acme-artifacts/*" }] }) },
      maxSessionDuration: 7200,
      tags: { team: "app" },
    },
    { name: "anything-goes", trust: trust({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } }), managed: ["arn:aws:iam::aws:policy/AdministratorAccess"] },
    {
      name: "ec2-instance",
      trust: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    },
  ];
  const dev1 = accounts.find((a) => a.id === "555555555501")!;
  dev1.policies = ["DenyOtherRegions"];
  return {
    managementAccountId: "111111111111",
    rootId: "r-r00t",
    rootPolicies: ["FullAWSAccess", "DenyOtherRegions"],
    ous,
    accounts,
    instanceArn: INSTANCE,
    identityStoreId: "d-1234567890",
    users,
    groups,
    permissionSets,
    assignments,
    scps,
  };
}
