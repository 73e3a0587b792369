/**
 * The IAM actions each read-only command calls, exactly: the README lists them, the example
 * organization's KeylessReadOnly permission set grants them, and the tests check both against the
 * operations the commands really make.
 */
const ORGANIZATION = [
  "organizations:DescribeOrganization",
  "organizations:ListRoots",
  "organizations:ListOrganizationalUnitsForParent",
  "organizations:ListAccountsForParent",
  "organizations:ListTagsForResource",
  "organizations:ListPoliciesForTarget",
];

export const READ_ONLY_ACTIONS = {
  inventory: ORGANIZATION,
  import: [
    "sso:ListInstances",
    "sso:ListPermissionSets",
    "sso:DescribePermissionSet",
    "sso:ListManagedPoliciesInPermissionSet",
    "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
    "sso:GetInlinePolicyForPermissionSet",
    "sso:GetPermissionsBoundaryForPermissionSet",
    "sso:ListTagsForResource",
    "sso:ListAccountsForProvisionedPermissionSet",
    "sso:ListAccountAssignments",
    "identitystore:ListUsers",
    "identitystore:ListGroups",
    "organizations:ListPolicies",
    "organizations:DescribePolicy",
    "organizations:ListTargetsForPolicy",
    // --account: GitHub OIDC providers and roles, through the member-account role.
    "sts:AssumeRole",
    "iam:ListOpenIDConnectProviders",
    "iam:GetOpenIDConnectProvider",
    "iam:ListRoles",
    "iam:GetRole",
    "iam:ListAttachedRolePolicies",
    "iam:ListRolePolicies",
    "iam:GetRolePolicy",
  ],
  audit: [
    ...ORGANIZATION,
    "sso:ListInstances",
    "identitystore:ListUsers",
    "identitystore:ListGroups",
    "sts:AssumeRole",
    "iam:ListUsers",
    "iam:ListUserTags",
    "iam:ListGroupsForUser",
    "iam:GetLoginProfile",
    "iam:ListMFADevices",
    "iam:ListAccessKeys",
    "iam:GetAccessKeyLastUsed",
    "iam:ListSSHPublicKeys",
    "iam:ListSigningCertificates",
    "iam:ListServiceSpecificCredentials",
    "iam:GenerateCredentialReport",
    "iam:GetCredentialReport",
    "iam:GetAccountSummary",
  ],
} as const;

/** Every action of the three commands, sorted, once. */
export function allReadOnlyActions(): string[] {
  return [...new Set(Object.values(READ_ONLY_ACTIONS).flat())].sort();
}
