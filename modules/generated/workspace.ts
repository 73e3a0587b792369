/* eslint-disable */
/**
 * GENERATED from schemas/workspace.schema.json by `npm run gen:types` (json-schema-to-typescript).
 * Do not edit: change the schema and regenerate. A test fails when this file drifts.
 */

export type PolicyPrincipal =
  | "*"
  | {
      AWS?: StringOrList;
      Service?: StringOrList;
      Federated?: StringOrList;
      CanonicalUser?: StringOrList;
    };
export type StringOrList = string | string[];
/**
 * An organizational unit by path from the root, segments joined by '/', for example workloads/prod.
 */
export type OuPath = string;
/**
 * An account's name in the organization inventory, or its 12-digit id.
 */
export type AccountName = string;
/**
 * The SCP's name. Default: keyless-deny-iam-users.
 */
export type ScpName = string;
/**
 * An account's name in the organization inventory, or its 12-digit id.
 */
export type AccountName1 = string;

/**
 * One keyless workspace: one Terraform workspace with its own state. The file name (without extension) is the workspace name.
 */
export interface Workspace {
  $schema?: string;
  description?: string;
  /**
   * Path of the organization inventory, relative to this file. Every workspace names the same one.
   */
  organization: string;
  aws: AwsSettings;
  backend?: Backend;
  terraform?: TerraformSettings;
  identityCenter?: IdentityCenter;
  guardrails?: Guardrails;
  githubOidc?: GithubOidc;
  rules?: RuleSettings;
  /**
   * Findings accepted on purpose, each with its rule, subject and reason.
   */
  acknowledgements?: Acknowledgement[];
}
/**
 * How Terraform reaches AWS for this workspace.
 */
export interface AwsSettings {
  /**
   * The Identity Center home region, for example eu-west-1.
   */
  region: string;
  /**
   * Account (by name) that runs Identity Center and Organizations calls: the management account or a delegated administrator. Default: the management account.
   */
  account?: string;
  /**
   * Role assumed in member accounts to manage GitHub OIDC providers and roles. Default: OrganizationAccountAccessRole.
   */
  memberAccountRole?: string;
  defaultTags?: Tags;
  /**
   * Tag every taggable resource with ManagedBy=keyless and KeylessWorkspace=<workspace>. keyless import writes false, so adopting objects that exist changes nothing in AWS; set it to true (or remove it) in a later, reviewed apply. Default: true.
   */
  keylessTags?: boolean;
  /**
   * GB of memory the runner that plans this workspace has: KL903 warns when the plan's AWS provider processes (one per member account, about 0.49 GB each, plus 0.25 GB for terraform) would need more. Default: 7 (a GitHub-hosted Linux runner of a private repository; public ones have 16).
   */
  planMemoryBudget?: number;
  /**
   * Member accounts (by name) whose aliased provider stays in this workspace's stack although it declares no resource there any more, so that Terraform can destroy what its state still holds (without it: "Provider configuration not present"). keyless keeps such a provider by itself when the previous output shows resources there (KL901); list the account here where that output is not at hand (CI), and remove it once the destroy is applied (KL902).
   */
  retainProviders?: string[];
}
/**
 * Tags added to every taggable resource, beside ManagedBy=keyless.
 */
export interface Tags {
  [k: string]: string;
}
/**
 * Where Terraform keeps this workspace's state: exactly one of local, s3 or cloud. Default: local, terraform.tfstate.d/<workspace>/terraform.tfstate beside the output folder.
 */
export interface Backend {
  local?: LocalBackendSettings;
  s3?: S3BackendSettings;
  cloud?: CloudBackendSettings;
}
export interface LocalBackendSettings {
  /**
   * A path relative to the folder that holds the output folder (normally the repository root), so the state is never inside the folder synth writes. Default: terraform.tfstate.d/<workspace>/terraform.tfstate.
   */
  path?: string;
}
export interface S3BackendSettings {
  bucket: string;
  key: string;
  region: string;
  /**
   * S3-native state locking. Default: true.
   */
  useLockfile?: boolean;
  /**
   * Default: true.
   */
  encrypt?: boolean;
  kmsKeyId?: string;
  /**
   * Role to assume to reach the state bucket.
   */
  roleArn?: string;
}
export interface CloudBackendSettings {
  organization: string;
  /**
   * The HCP Terraform workspace name.
   */
  workspace: string;
  project?: string;
  hostname?: string;
}
/**
 * The `terraform { required_version, required_providers }` block of the generated stacks. Set organization-wide in the organization inventory, per workspace in a workspace file; a workspace's setting wins field by field.
 */
export interface TerraformSettings {
  /**
   * Terraform CLI versions the stack accepts. Default: >= 1.11 when the S3 backend's useLockfile is on (S3-native locking is generally available from 1.11; older CLIs fail at init), else >= 1.5.
   */
  requiredVersion?: string;
  /**
   * Constraint on hashicorp/aws. Default: ~> 6.25 (6.25 or any later 6.x: the version keyless's typed bindings were generated from). Commit the .terraform.lock.hcl that terraform init writes to fix the exact version.
   */
  awsProviderVersion?: string;
}
/**
 * IAM Identity Center: permission sets, groups, users, access-control attributes, and who gets which permission set in which accounts.
 */
export interface IdentityCenter {
  defaults?: IdentityCenterDefaults;
  /**
   * Permission sets owned by this workspace, by stable key. The key is the Terraform address; the AWS name defaults to it. Rename with name, never by changing the key.
   */
  permissionSets?: {
    [k: string]: PermissionSet;
  };
  /**
   * Groups by display name: external ones (from your IdP through SCIM) are looked up, managed ones are created by this workspace.
   */
  groups?: {
    [k: string]: Group;
  };
  /**
   * Users by user name: external ones (from your IdP through SCIM) are looked up, managed ones are created in the Identity Center directory by this workspace.
   */
  users?: {
    [k: string]: User;
  };
  /**
   * Attributes for attribute-based access control (ABAC), by key: each maps to the identity-source attribute it is read from, for example ${path:enterprise.department}. They are one setting of the whole Identity Center instance, so only one workspace may declare them.
   */
  accessControlAttributes?: {
    /**
     * Identity-source attribute paths, for example ${path:enterprise.department} or ${path:name.familyName}.
     *
     * @minItems 1
     */
    [k: string]: string[];
  };
  /**
   * Grants: every listed principal gets every listed permission set in every target account.
   */
  assignments?: Assignment[];
}
/**
 * Workspace-wide defaults and thresholds.
 */
export interface IdentityCenterDefaults {
  /**
   * Session duration of permission sets that do not set one. Default: PT1H (AWS's default).
   */
  sessionDuration?: string;
  /**
   * Warn when this workspace has more account assignments than this: a first apply creates about one per second (the provider waits about 10 s for each, and Identity Center allows about 10 in flight), so 1,800 take half of a one-hour chained role session. Default: 1800.
   */
  assignmentWarningThreshold?: number;
}
export interface PermissionSet {
  /**
   * 1 to 32 characters: letters, digits and + = , . @ _ -
   */
  name?: string;
  /**
   * Shown to users in the access portal. 1 to 700 characters.
   */
  description?: string;
  /**
   * How long a console or CLI session lasts, PT1H to PT12H. Default: identityCenter.defaults.sessionDuration, else PT1H.
   */
  sessionDuration?: string;
  /**
   * URL users land on after sign-in (1 to 240 characters). Default: the console home.
   */
  relayState?: string;
  tags?: Tags1;
  /**
   * AWS managed policies by name (ReadOnlyAccess, job-function/ViewOnlyAccess) or ARN. Names become ARNs in the inventory's partition.
   */
  managedPolicies?: string[];
  /**
   * Customer-managed policies by name and path; they count toward the same 20 (10 without a quota increase) as managedPolicies.
   */
  customerManagedPolicies?: CustomerManagedPolicyReference[];
  inlinePolicy?: PolicyDocument;
  permissionsBoundary?: PermissionsBoundary;
  /**
   * More permission sets from this one definition, by their own stable key (the Terraform address; the AWS name defaults to it): same policies and boundary, with the session length, name, description, relay state or extra tags changed. For example prod and dev session lengths without copying the policies. The definition itself stays a permission set too.
   */
  variants?: {
    [k: string]: PermissionSetVariant;
  };
}
/**
 * Tags of the permission set, beside the workspace's default tags.
 */
export interface Tags1 {
  [k: string]: string;
}
/**
 * A customer-managed IAM policy by name and path. It must already exist, with this name and path, in every account the permission set is assigned to.
 */
export interface CustomerManagedPolicyReference {
  /**
   * The policy name, without its path.
   */
  name: string;
  /**
   * IAM path: / or /segments/ (starts and ends with /). Default: /.
   */
  path?: string;
}
/**
 * One inline policy, written as a JSON object; rendered minified, at most 10,240 characters.
 */
export interface PolicyDocument {
  /**
   * Always 2012-10-17; keyless adds it when missing.
   */
  Version?: "2012-10-17";
  Id?: string;
  /**
   * @minItems 1
   */
  Statement: PolicyStatement[];
}
export interface PolicyStatement {
  /**
   * Letters and digits only.
   */
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: StringOrList;
  NotAction?: StringOrList;
  Resource?: StringOrList;
  NotResource?: StringOrList;
  /**
   * Condition operators, each mapping condition keys to a value or a list of values.
   */
  Condition?: {
    [k: string]: {
      [k: string]: string | boolean | number | (string | boolean | number)[];
    };
  };
}
/**
 * The most the permission set's roles can ever do: exactly one of managedPolicy or customerManagedPolicy.
 */
export interface PermissionsBoundary {
  /**
   * An AWS managed policy by name (PowerUserAccess) or ARN.
   */
  managedPolicy?: string;
  customerManagedPolicy?: CustomerManagedPolicyReference;
}
/**
 * What a variant changes; everything else comes from the permission set it belongs to.
 */
export interface PermissionSetVariant {
  /**
   * 1 to 32 characters: letters, digits and + = , . @ _ -
   */
  name?: string;
  /**
   * Default: the permission set's.
   */
  description?: string;
  /**
   * Default: the permission set's.
   */
  sessionDuration?: string;
  /**
   * Default: the permission set's.
   */
  relayState?: string;
  tags?: Tags2;
}
/**
 * Added to (and overriding) the permission set's tags.
 */
export interface Tags2 {
  [k: string]: string;
}
export interface Group {
  /**
   * external: provisioned by your IdP (SCIM) or AD and looked up by display name. managed: created in the Identity Center directory by this workspace.
   */
  source: "external" | "managed";
  /**
   * External groups only: the identity store GroupId. keyless then uses it instead of looking the group up by display name, so the IdP renaming the group breaks no plan (and the workspace makes no lookup call for it).
   */
  id?: string;
  /**
   * Description of a managed group.
   */
  description?: string;
  /**
   * Managed groups only: members by user name (managed or external users, declared under identityCenter.users).
   */
  members?: string[];
}
/**
 * A user. External users need only source; managed users need displayName, givenName and familyName.
 */
export interface User {
  /**
   * external: provisioned by your IdP and looked up by user name. managed: created in the Identity Center directory by this workspace.
   */
  source: "external" | "managed";
  /**
   * External users only: the identity store UserId. keyless then uses it instead of looking the user up by user name, so a rename in the IdP breaks no plan.
   */
  id?: string;
  /**
   * Managed users: the name shown in the portal.
   */
  displayName?: string;
  /**
   * Managed users: first name.
   */
  givenName?: string;
  /**
   * Managed users: last name.
   */
  familyName?: string;
  /**
   * Managed users: primary work email.
   */
  email?: string;
}
/**
 * Give at least one of groups or users.
 */
export interface Assignment {
  /**
   * Groups by display name.
   *
   * @minItems 1
   */
  groups?: string[];
  /**
   * Users by user name (declared under identityCenter.users). Works, but groups are the practice: keyless warns.
   *
   * @minItems 1
   */
  users?: string[];
  /**
   * Permission sets by key, declared in this workspace or in another one.
   *
   * @minItems 1
   *
   * Items: 1 to 32 characters: letters, digits and + = , . @ _ -
   */
  permissionSets: string[];
  targets: AccountTargets;
  /**
   * YYYY-MM-DD (UTC): from this day on the grant is no longer emitted, so the next apply removes it. Grants expiring within 14 days are reported.
   */
  expires?: string;
  /**
   * Why this grant exists; shown in the report.
   */
  description?: string;
}
/**
 * Which accounts an assignment reaches. Everything is expanded to accounts at synth time from the organization inventory. The management account is left out unless includeManagementAccount is true; suspended and closed accounts are always left out.
 */
export interface AccountTargets {
  /**
   * Every account in the organization.
   */
  organization?: boolean;
  /**
   * Accounts in these OUs (and in their child OUs unless recursive is false).
   */
  organizationalUnits?: OuPath[];
  /**
   * Whether organizationalUnits include accounts of nested OUs. Default: true.
   */
  recursive?: boolean;
  accounts?: AccountName[];
  tags?: Tags3;
  exclude?: {
    accounts?: AccountName[];
    /**
     * Excluded with their nested OUs.
     */
    organizationalUnits?: OuPath[];
  };
  /**
   * Include the management account when a target reaches it. Default: false.
   */
  includeManagementAccount?: boolean;
}
/**
 * Accounts whose inventory tags include every one of these key/value pairs.
 */
export interface Tags3 {
  [k: string]: string;
}
/**
 * Service Control Policies owned by this workspace. keyless only adds deny policies beside FullAWSAccess and never detaches FullAWSAccess or any policy it does not own.
 */
export interface Guardrails {
  denyIamUsers?: DenyIamUsersGuardrail;
  /**
   * Custom SCPs by their AWS name. Each is validated as an SCP and rendered as minified JSON.
   */
  policies?: {
    [k: string]: CustomScp;
  };
  /**
   * true: merge this workspace's guardrails that have only Deny statements and the same targets into one SCP each, to save the five-per-target quota. false: keep them apart and do not suggest merging. Unset: keep them apart and suggest merging (warning KL406) when it is possible.
   */
  merge?: boolean;
  /**
   * Centralized root access management for member accounts (IAM's aws_iam_organizations_features, created in the management account): RootCredentialsManagement lets the management account delete and audit member root credentials and blocks their recovery; RootSessions lets it run privileged root tasks with sts:AssumeRoot instead of signing in as root. Needs trusted access for IAM (iam.amazonaws.com) enabled in AWS Organizations first. One workspace owns it. Existing member root passwords and keys are not deleted by Terraform: do that once with sts:AssumeRoot and AWS's task policies.
   */
  rootAccessManagement?: {
    /**
     * Features to enable. Default: both.
     *
     * @minItems 1
     */
    features?: ("RootCredentialsManagement" | "RootSessions")[];
  };
}
/**
 * The built-in guardrail: denies creating IAM users and long-lived credentials (users, access keys, console passwords, SSH public keys, signing certificates, service-specific credentials), giving existing users more power, password-policy changes, the other standing-access paths (identity providers, IAM Roles Anywhere, IoT credentials, SSM hybrid activations, Cognito identity pools, long-term Bedrock API keys) unless allow.<kind> opts out, and the member accounts' root users; and protects the exempt roles so nobody else can create, rewrite, pass or assume them. Listing, reading and deleting stay allowed so teams can migrate off IAM users.
 */
export interface DenyIamUsersGuardrail {
  policyName?: ScpName;
  targets: AttachmentTargets;
  /**
   * Break-glass IAM roles exempt in every account, by name (optionally with their path, for example ops/BreakGlass). Matched with ArnNotLike on aws:PrincipalArn against arn:<partition>:iam::*:role/<name>. keyless also denies everyone else creating, changing, tagging, deleting, passing or assuming roles of these names.
   */
  exemptRoles?: string[];
  /**
   * Identity Center permission sets, by key (declared in any workspace), whose roles are exempt in every account: exactly arn:<partition>:iam::*:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<name>_<16 characters> (exempting Admin does not exempt Admin_ReadOnly).
   */
  exemptPermissionSets?: string[];
  /**
   * Not honoured: an error (KL410). Session tags from callers outside the organization, identity-provider attributes and Identity Center ABAC attributes can all set aws:PrincipalTag where no SCP looks, so a tag cannot exempt anyone safely. Exempt roles by name instead.
   */
  exemptPrincipalTags?: {
    [k: string]: string;
  };
  /**
   * Allow iam:UpdateAccessKey, iam:UpdateSSHPublicKey, iam:UpdateSigningCertificate and iam:UpdateServiceSpecificCredential. They both deactivate and re-activate a credential and AWS offers no condition key to tell the two apart, so allowing them lets teams deactivate keys during a migration but also lets anyone re-activate an old key. Default: false (denied; delete keys instead, or use an exempt role to deactivate them).
   */
  allowKeyStatusChanges?: boolean;
  /**
   * Opt-outs: each standing-access path the guardrail denies by default can be left open with a reason (at least ten characters, a real sentence); each one in use is reported (KL411).
   */
  allow?: {
    /**
     * Leave creating and changing OIDC and SAML identity providers allowed (iam:CreateOpenIDConnectProvider, iam:CreateSAMLProvider, ...), for example for EKS IRSA. keyless's member-account role may always create them. The value is the reason, reported as KL411.
     */
    identityProviders?: string;
    /**
     * Leave IAM Roles Anywhere trust anchors and profiles allowed. The value is the reason, reported as KL411.
     */
    rolesAnywhere?: string;
    /**
     * Leave IoT role aliases and device certificates allowed (iot:CreateRoleAlias, iot:CreateKeysAndCertificate, ...). The value is the reason, reported as KL411.
     */
    iotCredentials?: string;
    /**
     * Leave SSM hybrid activations (ssm:CreateActivation) allowed. The value is the reason, reported as KL411.
     */
    ssmHybridActivations?: string;
    /**
     * Leave creating and changing Cognito identity pools allowed. The value is the reason, reported as KL411.
     */
    cognitoIdentityPools?: string;
    /**
     * Leave using existing long-term Bedrock API keys allowed (bedrock:CallWithBearerToken with bedrock:BearerTokenType LONG_TERM). The value is the reason, reported as KL411.
     */
    bedrockLongTermKeys?: string;
    /**
     * Do not deny the member accounts' root users (sessions opened with sts:AssumeRoot are never denied). The value is the reason, reported as KL411.
     */
    rootUser?: string;
  };
}
/**
 * Where a Service Control Policy is attached: the organization root, OUs by path, accounts by name. An SCP attached to an OU applies to everything below it.
 */
export interface AttachmentTargets {
  /**
   * Attach to the organization root.
   */
  root?: boolean;
  organizationalUnits?: OuPath[];
  accounts?: AccountName[];
}
/**
 * A Service Control Policy written as an IAM policy document, attached to the targets named.
 */
export interface CustomScp {
  /**
   * The SCP's description in AWS Organizations (at most 512 characters).
   */
  description?: string;
  document: PolicyDocument1;
  targets: AttachmentTargets;
}
/**
 * The policy. SCPs take no Principal or NotPrincipal; every statement needs Resource or NotResource; actions are service:Action with * and ? wildcards.
 */
export interface PolicyDocument1 {
  /**
   * Always 2012-10-17; keyless adds it when missing.
   */
  Version?: "2012-10-17";
  Id?: string;
  /**
   * @minItems 1
   */
  Statement: PolicyStatement[];
}
/**
 * GitHub Actions OIDC: identity providers and the IAM roles workflows assume, with trust policies that admit exactly the repositories, branches, tags and environments named.
 */
export interface GithubOidc {
  /**
   * GitHub OIDC providers by account name (one owner per account across all workspaces). Roles in any workspace use the provider of their account.
   */
  providers?: {
    [k: string]: GithubOidcProvider;
  };
  /**
   * IAM roles assumable from GitHub Actions, by stable key (the Terraform address). The role name defaults to the key.
   */
  roles?: {
    [k: string]: GithubOidcRole;
  };
  quotas?: GithubOidcQuotas;
}
export interface GithubOidcProvider {
  /**
   * The provider already exists in the account, created outside keyless: keyless creates nothing, and roles use it by ARN. Default: false (keyless creates it).
   */
  existing?: boolean;
  /**
   * GitHub Enterprise Cloud with a unique issuer URL: the issuer becomes https://token.actions.githubusercontent.com/<slug>, and so do the condition keys of every role using it.
   */
  enterpriseSlug?: string;
  /**
   * Server certificate thumbprints (40 hex digits). Default: none; IAM trusts GitHub's certificate authority.
   *
   * @maxItems 5
   */
  thumbprints?: string[];
  tags?: Tags4;
}
/**
 * AWS tags: up to 50 keys of at most 128 characters, values of at most 256.
 */
export interface Tags4 {
  [k: string]: string;
}
export interface GithubOidcRole {
  /**
   * An IAM role name: 1 to 64 characters, letters, digits and + = , . @ _ -
   */
  name?: string;
  /**
   * The IAM path, starting and ending with '/'. Default: /.
   */
  path?: string;
  /**
   * The IAM role description.
   */
  description?: string;
  account: AccountName1;
  /**
   * OWNER/REPO, exactly. Wildcards need allow.wildcardRepository; OWNER/* needs allow.organizationWide.
   */
  repository: string;
  /**
   * The owner's numeric GitHub id. With repositoryId, subjects are also emitted in the immutable form repo:OWNER@ID/REPO@ID:...
   */
  ownerId?: number;
  /**
   * The repository's numeric GitHub id (see ownerId).
   */
  repositoryId?: number;
  /**
   * The workflow runs that may assume the role.
   *
   * @minItems 1
   */
  subjects: GithubSubject[];
  allow?: GithubRoleAllow;
  /**
   * AWS managed policies by name (ReadOnlyAccess, job-function/ViewOnlyAccess) or ARN.
   */
  managedPolicies?: string[];
  /**
   * Customer managed policies in the role's account: by ARN, by name, or by /path/name.
   */
  customerManagedPolicies?: string[];
  /**
   * The permissions boundary: a policy ARN, or a customer managed policy name or /path/name in the role's account.
   */
  permissionsBoundary?: string;
  /**
   * Inline policies by name, written as JSON objects.
   */
  inlinePolicies?: {
    [k: string]: PolicyDocument2;
  };
  /**
   * Maximum session in seconds, 3600 to 43200. Default: 3600.
   */
  maxSessionDuration?: number;
  tags?: Tags4;
}
/**
 * One kind of workflow run that may assume the role: exactly one of branch, tag, environment, pullRequest or custom.
 */
export interface GithubSubject {
  /**
   * Jobs without an environment running on this branch (push, workflow_dispatch, schedule). Wildcards (* ?) need allow.wildcardSubjects.
   */
  branch?: string;
  /**
   * Jobs without an environment running for this tag. Wildcards (* ?) need allow.wildcardSubjects.
   */
  tag?: string;
  /**
   * Jobs that name this GitHub environment (whatever their branch). Protect the environment with required reviewers or branch rules.
   */
  environment?: string;
  /**
   * Jobs without an environment triggered by pull_request. Only for read-only roles unless allow.pullRequestWithWrite.
   */
  pullRequest?: true;
  /**
   * A raw sub claim, for organizations that customized GitHub's claim template. Needs allow.customSubject.
   */
  custom?: string;
}
/**
 * Explicit acknowledgements of risky trust, each with its reason. Every one used is reported.
 */
export interface GithubRoleAllow {
  /**
   * Branch, tag or environment patterns with * or ?, such as release/*.
   */
  wildcardSubjects?: string;
  /**
   * A subject admitting any branch or any tag (for example branch: '*').
   */
  anyRef?: string;
  /**
   * Wildcards in the owner or repository name (they also match look-alike names).
   */
  wildcardRepository?: string;
  /**
   * Every repository of the owner (repository: OWNER/*).
   */
  organizationWide?: string;
  /**
   * A pullRequest subject on a role whose policies are not read-only.
   */
  pullRequestWithWrite?: string;
  /**
   * AdministratorAccess, or an inline Allow of every action, on a CI role.
   */
  administratorAccess?: string;
  /**
   * custom subjects (raw sub claims).
   */
  customSubject?: string;
  /**
   * A role in the management account, where SCPs do not apply.
   */
  managementAccount?: string;
}
/**
 * An IAM policy document written as a JSON object. keyless renders it as minified JSON with a stable key order.
 */
export interface PolicyDocument2 {
  /**
   * Always 2012-10-17; keyless adds it when missing.
   */
  Version?: "2012-10-17";
  Id?: string;
  /**
   * @minItems 1
   */
  Statement: PolicyStatement[];
}
/**
 * IAM quotas raised in your accounts through Service Quotas. keyless errors past these and warns past AWS's defaults.
 */
export interface GithubOidcQuotas {
  /**
   * Managed policies attachable to one role. AWS default 10, at most 20.
   */
  managedPoliciesPerRole?: number;
  /**
   * Characters of a role trust policy. AWS default 2048, adjustable up to 8192.
   */
  trustPolicySize?: number;
}
/**
 * Settings of the plan rules for this workspace (production, admin groups).
 */
export interface RuleSettings {
  /**
   * Whether this workspace grants production access (rule KL601). Default: true when the workspace name starts with prod, false otherwise.
   */
  production?: boolean;
  /**
   * In a production workspace, the only groups that may be assigned an administrator permission set (AdministratorAccess, or an inline Allow of every action on every resource). Default: none.
   */
  adminGroups?: string[];
}
/**
 * Accepts one finding of a rule, found in this workspace file, for a reason. An acknowledgement that matches nothing, or has no real reason, is itself a finding.
 */
export interface Acknowledgement {
  /**
   * The rule id, for example KL307.
   */
  rule: string;
  /**
   * The finding's subject exactly as keyless prints it, for example assignment:user:alice/ReadOnly/app-dev; * matches any characters.
   */
  subject: string;
  /**
   * Why the finding is acceptable: a real sentence (at least ten characters and three words, no placeholder such as todo or n/a).
   */
  reason: string;
}
