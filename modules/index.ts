/**
 * keyless as a library: the typed CDKTF modules, and the compiler that turns definitions into the
 * plans they consume.
 */
export { EnvironmentStack, type EnvironmentStackProps } from "./environment-stack";
export { synthesize, type SynthOptions } from "./synth";
export { PermissionSet, type PermissionSetProps } from "./identity-center/permission-set";
export { AccountAssignments, type AccountAssignmentsProps, type AccountAssignmentEntry } from "./identity-center/account-assignments";
export { IdentityStoreGroups, type IdentityStoreGroupsProps } from "./identity-center/identity-store-groups";
export { IdentityCenterInstance } from "./identity-center/identity-center-instance";
export { IdentityStoreUsers, type IdentityStoreUsersProps, type ManagedUser } from "./identity-center/identity-store-users";
export { GroupMemberships, type GroupMembershipsProps, type GroupMembershipEntry } from "./identity-center/group-memberships";
export { AccessControlAttributes, type AccessControlAttributesProps } from "./identity-center/access-control-attributes";
export { permissionSetReplacements, type PreviousStacks } from "../src/identity-center/replacements";
export { ServiceControlPolicy, type ServiceControlPolicyProps } from "./scp/service-control-policy";
export { denyIamUsersPolicy, LONG_LIVED_CREDENTIAL_ACTIONS, CREDENTIAL_STATUS_ACTIONS, type DenyIamUsersOptions } from "../src/policy/deny-iam-users";
export { scpProblems, SCP_ELEMENTS } from "../src/policy/scp-rules";
export { SCP_LIMITS } from "../src/aws-limits";
export { GithubOidcProvider, type GithubOidcProviderProps } from "./github-oidc/github-oidc-provider";
export { GithubOidcRole, type GithubOidcRoleProps } from "./github-oidc/github-oidc-role";
export { workflowUsage, type WorkflowUsage } from "../src/report/workflow-usage";
export { compile, compileDefinitions, type CompileResult } from "../src/compile/compile";
export { loadDefinitions } from "../src/load/load";
export { formatDiagnostics, type Diagnostic } from "../src/diagnostics/diagnostic";
export { RULES, RULE_IDS, ruleInfo, type RuleId } from "../src/rules/registry";
export type * from "../src/plan";
export type { Workspace } from "./generated/workspace";
export type { Organization } from "./generated/organization";
