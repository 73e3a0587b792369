import { base, inv, ORG, org, other, role, scp } from "./base";
import { CorpusCase } from "./case";

const INV = "shared/organization.yaml";
const A0 = "identityCenter.assignments.0";
const DENY = "guardrails.denyIamUsers";
const ROLE = "githubOidc.roles.app-deploy";
const DEV = "prod.yaml";

/** KL2xx: names that refer to nothing, objects with two owners, an inconsistent inventory. */
export const referencesCases: CorpusCase[] = [
  // KL201: unknown account
  {
    name: "target account name with a typo",
    files: { [ORG]: org([`${A0}.targets`, { accounts: ["app-production"] }]) },
    code: "KL201",
    path: "$.identityCenter.assignments[0].targets.accounts[0]",
  },
  {
    name: "target account id not in the inventory",
    files: { [ORG]: org([`${A0}.targets`, { accounts: ["100000000009"] }]) },
    code: "KL201",
    path: "$.identityCenter.assignments[0].targets.accounts[0]",
  },
  {
    name: "target account name in the wrong case",
    files: { [ORG]: org([`${A0}.targets`, { accounts: ["App-Prod"] }]) },
    code: "KL201",
    path: "$.identityCenter.assignments[0].targets.accounts[0]",
  },
  {
    name: "excluded account that does not exist",
    files: { [ORG]: org([`${A0}.targets.exclude`, { accounts: ["legacy-prod"] }]) },
    code: "KL201",
    path: "$.identityCenter.assignments[0].targets.exclude.accounts[0]",
  },
  {
    name: "delegated administrator account not in the inventory",
    files: { [ORG]: org(["aws.account", "security-tooling"]) },
    code: "KL201",
    path: "$.aws.account",
  },
  {
    name: "SCP attached to an unknown account",
    files: { [ORG]: org([`${DENY}.targets`, { accounts: ["sandbox"] }]) },
    code: "KL201",
    path: "$.guardrails.denyIamUsers.targets.accounts[0]",
  },
  {
    name: "GitHub role in an unknown account",
    files: { [ORG]: org([`${ROLE}.account`, "app-production"]) },
    code: "KL201",
    path: "$.githubOidc.roles.app-deploy.account",
  },
  {
    name: "GitHub provider in an unknown account",
    files: { [ORG]: org(["githubOidc.providers.shared-services", {}]) },
    code: "KL201",
    path: "$.githubOidc.providers.shared-services",
  },

  // KL202: unknown organizational unit
  {
    name: "OU path with a typo",
    files: { [ORG]: org([`${A0}.targets`, { organizationalUnits: ["workload/prod"] }]) },
    code: "KL202",
    path: "$.identityCenter.assignments[0].targets.organizationalUnits[0]",
  },
  {
    name: "nested OU named without its parent",
    files: { [ORG]: org([`${A0}.targets`, { organizationalUnits: ["prod"] }]) },
    code: "KL202",
    path: "$.identityCenter.assignments[0].targets.organizationalUnits[0]",
  },
  {
    name: "OU path in the wrong case",
    files: { [ORG]: org([`${A0}.targets`, { organizationalUnits: ["Workloads/Prod"] }]) },
    code: "KL202",
    path: "$.identityCenter.assignments[0].targets.organizationalUnits[0]",
  },
  {
    name: "excluded OU that does not exist",
    files: { [ORG]: org([`${A0}.targets.exclude`, { organizationalUnits: ["workloads/staging"] }]) },
    code: "KL202",
    path: "$.identityCenter.assignments[0].targets.exclude.organizationalUnits[0]",
  },
  {
    name: "SCP attached to an OU with a typo",
    files: { [ORG]: org([`${DENY}.targets`, { organizationalUnits: ["workloads", "securty"] }]) },
    code: "KL202",
    path: "$.guardrails.denyIamUsers.targets.organizationalUnits[1]",
  },
  {
    name: "inventory account in an OU the inventory does not declare",
    files: { [ORG]: base(), [INV]: inv(["accounts", "app-dev", "ou"], "workloads/development") },
    code: "KL202",
    path: "$.accounts.app-dev.ou",
    file: INV,
  },

  // KL203: unknown permission set
  {
    name: "permission set with a typo",
    files: { [ORG]: org([`${A0}.permissionSets`, ["ReadOnyl"]]) },
    code: "KL203",
    path: "$.identityCenter.assignments[0].permissionSets[0]",
  },
  {
    name: "AWS managed policy name used as a permission set",
    files: { [ORG]: org([`${A0}.permissionSets`, ["ReadOnlyAccess"]]) },
    code: "KL203",
    path: "$.identityCenter.assignments[0].permissionSets[0]",
  },
  {
    name: "permission set referred to by its AWS name instead of its key",
    files: { [ORG]: org(["identityCenter.permissionSets.ReadOnly.name", "Auditor"], [`${A0}.permissionSets`, ["Auditor"]]) },
    code: "KL203",
    path: "$.identityCenter.assignments[0].permissionSets[0]",
  },
  {
    name: "permission set of a workspace that was deleted",
    files: {
      [ORG]: base(),
      [DEV]: other({
        identityCenter: {
          groups: { Developers: { source: "external" } },
          assignments: [{ groups: ["Developers"], permissionSets: ["DataScientist"], targets: { accounts: ["app-dev"] } }],
        },
      }),
    },
    code: "KL203",
    path: "$.identityCenter.assignments[0].permissionSets[0]",
    file: DEV,
  },
  {
    name: "exempt permission set that is not declared",
    files: { [ORG]: org([`${DENY}.exemptPermissionSets`, ["BreakGlassAdmin"]]) },
    code: "KL203",
    path: "$.guardrails.denyIamUsers.exemptPermissionSets[0]",
  },

  // KL204: unknown group
  {
    name: "group name singular instead of plural",
    files: { [ORG]: org([`${A0}.groups`, ["Developer"]]) },
    code: "KL204",
    path: "$.identityCenter.assignments[0].groups[0]",
  },
  {
    name: "group name in the wrong case",
    files: { [ORG]: org([`${A0}.groups`, ["developers"]]) },
    code: "KL204",
    path: "$.identityCenter.assignments[0].groups[0]",
  },
  {
    name: "group from the IdP never declared in any workspace",
    files: { [ORG]: org([`${A0}.groups`, ["Developers", "SRE"]]) },
    code: "KL204",
    path: "$.identityCenter.assignments[0].groups[1]",
  },

  // KL205: two owners
  {
    name: "same permission set declared in two workspaces",
    files: { [ORG]: base(), [DEV]: other({ identityCenter: { permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } } } }) },
    code: "KL205",
    path: "$.identityCenter.permissionSets.ReadOnly",
  },
  {
    name: "two permission set keys with the same AWS name",
    files: { [ORG]: org(["identityCenter.permissionSets.Developer.name", "ReadOnly"]) },
    code: "KL205",
    path: "$.identityCenter.permissionSets.Developer.name",
  },
  {
    name: "managed group created by two workspaces",
    files: { [ORG]: base(), [DEV]: other({ identityCenter: { groups: { BreakGlass: { source: "managed" } } } }) },
    code: "KL205",
    file: DEV,
  },
  {
    name: "group external in one workspace and managed in another",
    files: { [ORG]: base(), [DEV]: other({ identityCenter: { groups: { Developers: { source: "managed" } } } }) },
    code: "KL205",
    path: "$.identityCenter.groups.Developers.source",
    file: ORG,
  },
  {
    name: "user external in one workspace and managed in another",
    files: { [ORG]: base(), [DEV]: other({ identityCenter: { users: { "breakglass-1": { source: "external" } } } }) },
    code: "KL205",
    path: "$.identityCenter.users.breakglass-1.source",
    file: DEV,
  },
  {
    name: "managed user created by two workspaces",
    files: {
      [ORG]: base(),
      [DEV]: other({ identityCenter: { users: { "breakglass-1": { source: "managed", displayName: "Break Glass", givenName: "Break", familyName: "Glass" } } } }),
    },
    code: "KL205",
    file: DEV,
  },
  {
    name: "access-control attributes set by two workspaces",
    files: {
      [ORG]: org(["identityCenter.accessControlAttributes", { CostCenter: ["${path:enterprise.costCenter}"] }]),
      [DEV]: other({ identityCenter: { accessControlAttributes: { Team: ["${path:enterprise.department}"] } } }),
    },
    code: "KL205",
    path: "$.identityCenter.accessControlAttributes",
    file: DEV,
  },
  {
    name: "deny-IAM-users guardrail in two workspaces under the default name",
    files: { [ORG]: base(), [DEV]: other({ guardrails: { denyIamUsers: { targets: { organizationalUnits: ["workloads/dev"] } } } }) },
    code: "KL205",
    path: "$.guardrails.denyIamUsers",
    file: DEV,
  },
  {
    name: "custom SCP named like the deny-IAM-users guardrail",
    files: { [ORG]: org(["guardrails.policies.keyless-deny-iam-users", scp()]) },
    code: "KL205",
    path: "$.guardrails.policies.keyless-deny-iam-users",
  },
  {
    name: "custom SCP declared by two workspaces",
    files: { [ORG]: org(["guardrails.policies.deny-leave-org", scp()]), [DEV]: other({ guardrails: { policies: { "deny-leave-org": scp() } } }) },
    code: "KL205",
    file: DEV,
  },
  {
    name: "GitHub provider in one account created by two workspaces",
    files: { [ORG]: base(), [DEV]: other({ githubOidc: { providers: { "app-prod": {} } } }) },
    code: "KL205",
    path: "$.githubOidc.providers.app-prod",
    file: DEV,
  },
  {
    name: "GitHub provider declared by account name in one workspace and by id in another",
    files: { [ORG]: base(), [DEV]: other({ githubOidc: { providers: { "100000000002": { existing: true } } } }) },
    code: "KL205",
    file: DEV,
  },
  {
    name: "same GitHub role name in one account from two workspaces",
    files: { [ORG]: base(), [DEV]: other({ githubOidc: { roles: { "app-deploy": role() } } }) },
    code: "KL205",
    path: "$.githubOidc.roles.app-deploy",
    file: DEV,
  },
  {
    name: "two GitHub role keys whose names differ only in case",
    files: { [ORG]: org(["githubOidc.roles.App-Deploy", role()]) },
    code: "KL205",
  },

  // KL206: inconsistent inventory
  {
    name: "two inventory accounts with one id (copy-paste)",
    files: { [ORG]: base(), [INV]: inv(["accounts", "app-dev", "id"], "100000000002") },
    code: "KL206",
    path: "$.accounts.app-dev.id",
  },
  {
    name: "two OUs with one id",
    files: { [ORG]: base(), [INV]: inv(["organizationalUnits", "security", "id"], "ou-ab12-22222222") },
    code: "KL206",
  },
  {
    name: "management account that is not one of the accounts",
    files: { [ORG]: base(), [INV]: inv(["managementAccount"], "root") },
    code: "KL206",
    path: "$.managementAccount",
    file: INV,
  },

  // KL207: assignment names no principal
  {
    name: "assignment without groups or users",
    files: { [ORG]: org([`${A0}.groups`, undefined]) },
    code: "KL207",
    path: "$.identityCenter.assignments[0]",
  },

  // KL208 (warning): targets reach no account
  {
    name: "assignment to a suspended account only",
    files: { [ORG]: org([`${A0}.targets`, { accounts: ["old-prod"] }]) },
    code: "KL208",
    path: "$.identityCenter.assignments[0].targets",
  },
  {
    name: "assignment to the management account without includeManagementAccount",
    files: { [ORG]: org([`${A0}.targets`, { accounts: ["management"] }]) },
    code: "KL208",
    path: "$.identityCenter.assignments[0].targets",
  },
  {
    name: "assignment by a tag no account carries",
    files: { [ORG]: org([`${A0}.targets`, { tags: { env: "staging" } }]) },
    code: "KL208",
  },
  {
    name: "assignment whose exclusion removes every account",
    files: { [ORG]: org([`${A0}.targets.exclude`, { organizationalUnits: ["workloads"] }]) },
    code: "KL208",
  },

  // KL209: unknown user
  {
    name: "assignment to a user nobody declared",
    files: { [ORG]: org([`${A0}.users`, ["jane.doe@acme.example"]]) },
    code: "KL209",
    path: "$.identityCenter.assignments[0].users[0]",
  },
  {
    name: "managed group member nobody declared",
    files: { [ORG]: org(["identityCenter.groups.BreakGlass.members", ["breakglass-1", "breakglass-2"]]) },
    code: "KL209",
    path: "$.identityCenter.groups.BreakGlass.members[1]",
  },

  // KL210: members on an external group
  {
    name: "members listed on a group that comes from the IdP",
    files: { [ORG]: org(["identityCenter.groups.Developers.members", ["breakglass-1"]]) },
    code: "KL210",
    path: "$.identityCenter.groups.Developers.members",
  },
  // KL211: misspelt AWS managed policy
  {
    name: "permission set with PowerUserAcess",
    files: { [ORG]: org(["identityCenter.permissionSets.Developer.managedPolicies", ["PowerUserAcess"]]) },
    code: "KL211",
    path: "$.identityCenter.permissionSets.Developer.managedPolicies[0]",
    says: 'did you mean "PowerUserAccess"?',
  },
  {
    name: "GitHub role with a misspelt job-function policy",
    files: { [ORG]: org(["githubOidc.roles.app-deploy.managedPolicies", ["job-function/ViewOnlyAcess"]]) },
    code: "KL211",
    path: "$.githubOidc.roles.app-deploy.managedPolicies[0]",
    says: "job-function/ViewOnlyAccess",
  },

  // KL212 (warning): unknown AWS managed policy
  {
    name: "permission set with a managed policy name AWS does not have",
    files: { [ORG]: org(["identityCenter.permissionSets.Developer.managedPolicies", ["AcmeInternalDeployerPolicyV7"]]) },
    code: "KL212",
    path: "$.identityCenter.permissionSets.Developer.managedPolicies[0]",
  },
];
