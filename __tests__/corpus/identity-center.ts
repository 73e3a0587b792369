import { base, managedPolicies, ORG, org } from "./base";
import { CorpusCase } from "./case";

const PS = "identityCenter.permissionSets";
const A0 = "identityCenter.assignments.0";
const USERS = "identityCenter.users";

/** A statement of `n` distinct actions, to grow a policy past a size limit. */
const bigStatement = (n: number) => ({ Effect: "Deny", Action: Array.from({ length: n }, (_, i) => `ec2:DeleteVpcEndpointServiceConfigurations${i}`), Resource: "*" });

/** KL3xx: Identity Center limits, users, expiry and replacements. */
export const identityCenterCases: CorpusCase[] = [
  // KL301: session duration out of range
  {
    name: "session duration PT12H30M",
    files: { [ORG]: org([`${PS}.ReadOnly.sessionDuration`, "PT12H30M"]) },
    code: "KL301",
    path: "$.identityCenter.permissionSets.ReadOnly.sessionDuration",
  },
  {
    name: "session duration of 30 minutes",
    files: { [ORG]: org([`${PS}.ReadOnly.sessionDuration`, "PT30M"]) },
    code: "KL301",
    path: "$.identityCenter.permissionSets.ReadOnly.sessionDuration",
  },
  {
    name: "default session duration of a day",
    files: { [ORG]: org(["identityCenter.defaults.sessionDuration", "PT24H"]) },
    code: "KL301",
    path: "$.identityCenter.defaults.sessionDuration",
  },
  {
    name: "session duration PT0H",
    files: { [ORG]: org([`${PS}.Developer.sessionDuration`, "PT0H"]) },
    code: "KL301",
    path: "$.identityCenter.permissionSets.Developer.sessionDuration",
  },
  {
    name: "session duration 721 minutes",
    files: { [ORG]: org([`${PS}.Developer.sessionDuration`, "PT721M"]) },
    code: "KL301",
  },

  // KL302: inline policy too large
  {
    name: "permission set inline policy over 10,240 characters",
    files: { [ORG]: org([`${PS}.Developer.inlinePolicy.Statement`, [bigStatement(250)]]) },
    code: "KL302",
    path: "$.identityCenter.permissionSets.Developer.inlinePolicy",
  },
  {
    name: "GitHub role inline policy over 10,240 characters",
    files: { [ORG]: org(["githubOidc.roles.app-deploy.inlinePolicies.deny-all-deletes", { Statement: [bigStatement(250)] }]) },
    code: "KL302",
    path: "$.githubOidc.roles.app-deploy.inlinePolicies.deny-all-deletes",
  },

  // KL303: more than 20 policies
  {
    name: "permission set with 25 managed policies",
    files: { [ORG]: org([`${PS}.Developer.managedPolicies`, managedPolicies(25)]) },
    code: "KL303",
    path: "$.identityCenter.permissionSets.Developer.managedPolicies",
  },
  {
    name: "permission set with 15 AWS and 6 customer-managed policies",
    files: {
      [ORG]: org(
        [`${PS}.Developer.managedPolicies`, managedPolicies(15)],
        [`${PS}.Developer.customerManagedPolicies`, Array.from({ length: 6 }, (_, i) => ({ name: `team-policy-${i}` }))],
      ),
    },
    code: "KL303",
  },
  {
    name: "permission set with 21 customer-managed policies",
    files: {
      [ORG]: org(
        [`${PS}.Developer.managedPolicies`, undefined],
        [`${PS}.Developer.customerManagedPolicies`, Array.from({ length: 21 }, (_, i) => ({ name: `team-policy-${i}`, path: "/acme/" }))],
      ),
    },
    code: "KL303",
    path: "$.identityCenter.permissionSets.Developer.customerManagedPolicies",
  },

  // KL304 (warning): past the role's default of 10
  {
    name: "permission set with 12 managed policies",
    files: { [ORG]: org([`${PS}.Developer.managedPolicies`, managedPolicies(12)]) },
    code: "KL304",
    path: "$.identityCenter.permissionSets.Developer.managedPolicies",
  },

  // KL305: managed user without names
  {
    name: "managed user without givenName and familyName",
    files: { [ORG]: org([`${USERS}.breakglass-1`, { source: "managed", displayName: "Break Glass" }]) },
    code: "KL305",
    path: "$.identityCenter.users.breakglass-1",
  },
  {
    name: "managed user with only an email",
    files: { [ORG]: org([`${USERS}.breakglass-1`, { source: "managed", email: "breakglass@acme.example" }]) },
    code: "KL305",
  },

  // KL306 (warning): attributes on an external user
  {
    name: "external user with a display name",
    files: { [ORG]: org([["identityCenter", "users", "jane.doe@acme.example"], { source: "external", displayName: "Jane Doe" }]) },
    code: "KL306",
    path: '$.identityCenter.users["jane.doe@acme.example"].displayName',
  },

  // KL307 (warning): assigned to users
  {
    name: "permission set assigned to an individual user",
    files: { [ORG]: org([`${A0}.users`, ["breakglass-1"]]) },
    code: "KL307",
  },

  // KL308 (warning): expired
  {
    name: "contractor grant that expired last month",
    files: { [ORG]: org([`${A0}.expires`, "2025-12-31"]) },
    code: "KL308",
    path: "$.identityCenter.assignments[0].expires",
  },
  {
    name: "grant that expires on the evaluation date",
    files: { [ORG]: org([`${A0}.expires`, "2026-01-15"]) },
    code: "KL308",
  },

  // KL309 (warning): expires soon
  {
    name: "grant that expires in five days",
    files: { [ORG]: org([`${A0}.expires`, "2026-01-20"]) },
    code: "KL309",
    path: "$.identityCenter.assignments[0].expires",
  },

  // KL310: expiry not a calendar date
  {
    name: "expiry on 30 February",
    files: { [ORG]: org([`${A0}.expires`, "2026-02-30"]) },
    code: "KL310",
    path: "$.identityCenter.assignments[0].expires",
  },
  {
    name: "expiry with month and day swapped",
    files: { [ORG]: org([`${A0}.expires`, "2026-31-03"]) },
    code: "KL310",
  },

  // KL311: evaluation date not a calendar date
  {
    name: "--date without leading zeros",
    files: { [ORG]: base() },
    evaluationDate: "2026-1-5",
    code: "KL311",
    file: "--date",
  },
  {
    name: "--date day-first",
    files: { [ORG]: base() },
    evaluationDate: "15/01/2026",
    code: "KL311",
  },

  // KL312 (warning): more assignments than the threshold
  {
    name: "workspace over its assignment warning threshold",
    files: { [ORG]: org(["identityCenter.defaults.assignmentWarningThreshold", 2]) },
    code: "KL312",
    path: "$.identityCenter.assignments",
  },

  // KL313 (warning): replacement, against the previous synthesis
  {
    name: "permission set renamed in place",
    files: { [ORG]: org([`${PS}.ReadOnly.name`, "ReadOnlyAccess"]) },
    previous: { org: { resource: { aws_ssoadmin_permission_set: { ReadOnly: { name: "ReadOnly" }, Developer: { name: "Developer" } } } } },
    code: "KL313",
    path: "$.identityCenter.permissionSets.ReadOnly.name",
  },
  {
    // A key rename alone replaces nothing (addresses are AWS names); a move between workspaces does.
    name: "permission set moved here from another workspace",
    files: { [ORG]: org() },
    previous: {
      org: { resource: { aws_ssoadmin_permission_set: { Developer: { name: "Developer" } } } },
      dev: { resource: { aws_ssoadmin_permission_set: { ReadOnly: { name: "ReadOnly" } } } },
    },
    code: "KL313",
    path: "$.identityCenter.permissionSets.ReadOnly",
  },

  // KL317: identity store id on a managed principal
  {
    name: "managed group pinned to an identity store id",
    files: { [ORG]: org(["identityCenter.groups.BreakGlass.id", "a1b2c3d4e5-11111111-2222-3333-4444-555555555555"]) },
    code: "KL317",
    path: "$.identityCenter.groups.BreakGlass.id",
  },
  {
    name: "managed user pinned to an identity store id",
    files: { [ORG]: org([`${USERS}.breakglass-1.id`, "11111111-2222-3333-4444-555555555555"]) },
    code: "KL317",
    path: "$.identityCenter.users.breakglass-1.id",
  },

  // KL314: policy ARN not an AWS managed policy in the partition
  {
    name: "customer-managed policy ARN among managed policies",
    files: { [ORG]: org([`${PS}.Developer.managedPolicies`, ["PowerUserAccess", "arn:aws:iam::100000000005:policy/acme/dev-extra"]]) },
    code: "KL314",
    path: "$.identityCenter.permissionSets.Developer.managedPolicies[1]",
  },
  {
    name: "managed policy ARN of the GovCloud partition",
    files: { [ORG]: org([`${PS}.ReadOnly.managedPolicies`, ["arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess"]]) },
    code: "KL314",
    path: "$.identityCenter.permissionSets.ReadOnly.managedPolicies[0]",
  },
  {
    name: "permissions boundary ARN of a customer-managed policy",
    files: { [ORG]: org([`${PS}.Developer.permissionsBoundary`, { managedPolicy: "arn:aws:iam::100000000005:policy/dev-boundary" }]) },
    code: "KL314",
    path: "$.identityCenter.permissionSets.Developer.permissionsBoundary.managedPolicy",
  },
  {
    name: "managed policy ARN with a typo in the service",
    files: { [ORG]: org([`${PS}.ReadOnly.managedPolicies`, ["arn:aws:iam:aws:policy/ReadOnlyAccess"]]) },
    code: "KL314",
  },

  // KL315: customer-managed policy twice
  {
    name: "customer-managed policy listed twice",
    files: { [ORG]: org([`${PS}.Developer.customerManagedPolicies`, [{ name: "dev-extra" }, { name: "dev-extra" }]]) },
    code: "KL315",
    path: "$.identityCenter.permissionSets.Developer.customerManagedPolicies[1]",
  },
  {
    name: "customer-managed policy twice, once with the default path spelled out",
    files: { [ORG]: org([`${PS}.Developer.customerManagedPolicies`, [{ name: "dev-extra" }, { name: "dev-extra", path: "/" }]]) },
    code: "KL315",
  },

  // KL316 (warning): past the instance's default of 3,500 permission sets
  {
    name: "3,501 permission sets across the organization",
    files: { [ORG]: org([PS, Object.fromEntries([...Object.entries(base().identityCenter.permissionSets), ...Array.from({ length: 3499 }, (_, i) => [`Team${i}`, {}])])]) },
    code: "KL316",
  },
];
