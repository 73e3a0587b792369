/**
 * keyless as a library: the typed CDKTF modules (importing this entry loads the engine) and, re-exported,
 * the compiler that turns definitions into the plans they consume. The compiler alone, without the
 * engine, is `keyless/compiler` (src/compiler.ts); the CLI is `keyless/cli`, reports `keyless/report`.
 */

// A compiled plan to Terraform: one stack per workspace.
export { synthesize, type SynthOptions } from "./synth";
export { EnvironmentStack, type EnvironmentStackProps } from "./environment-stack";

// IAM Identity Center.
export { IdentityCenterInstance } from "./identity-center/identity-center-instance";
export { PermissionSet, type PermissionSetProps } from "./identity-center/permission-set";
export { AccountAssignments, type AccountAssignmentsProps, type AccountAssignmentEntry } from "./identity-center/account-assignments";
export { IdentityStoreGroups, type IdentityStoreGroupsProps } from "./identity-center/identity-store-groups";
export { IdentityStoreUsers, type IdentityStoreUsersProps, type ManagedUser } from "./identity-center/identity-store-users";
export { GroupMemberships, type GroupMembershipsProps, type GroupMembershipEntry } from "./identity-center/group-memberships";
export { AccessControlAttributes, type AccessControlAttributesProps } from "./identity-center/access-control-attributes";

// Service Control Policies and GitHub Actions OIDC.
export { ServiceControlPolicy, type ServiceControlPolicyProps } from "./scp/service-control-policy";
export { GithubOidcProvider, type GithubOidcProviderProps } from "./github-oidc/github-oidc-provider";
export { GithubOidcRole, type GithubOidcRoleProps } from "./github-oidc/github-oidc-role";

// The compiler (engine-free; also `keyless/compiler`).
export * from "../src/compiler";
