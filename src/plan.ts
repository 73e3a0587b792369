/**
 * The AccessPlan: everything a workspace will create or look up, resolved to names, ids and literal
 * policy JSON. Plain readonly data; the emit stage (modules/) turns it into constructs.
 */

export interface AccessPlan {
  readonly partition: string;
  readonly workspaces: readonly WorkspacePlan[];
  /** The organization inventory's accounts, for reports (coverage, OUs); absent in hand-built plans. */
  readonly organization?: OrganizationPlan;
}

export interface OrganizationPlan {
  readonly managementAccount: string;
  /** Every account of the inventory, sorted by name. */
  readonly accounts: readonly (AccountRef & { readonly ou: string; readonly status: string })[];
}

export interface WorkspacePlan {
  /** Workspace name: the file name, the stack id and the state key. */
  readonly name: string;
  /** Definition file, relative to the working directory. */
  readonly file: string;
  readonly description?: string;
  readonly backend: BackendPlan;
  /** The `terraform { required_version, required_providers }` settings. */
  readonly terraform: TerraformSettingsPlan;
  readonly aws: AwsPlan;
  /** Member accounts this workspace manages resources in (each gets an aliased provider), by name. */
  readonly memberAccounts: readonly AccountRef[];
  /**
   * Accounts with no resource of this workspace left whose aliased provider is kept, so that
   * Terraform can destroy what the state still holds there (`aws.retainProviders`, or found in the
   * previous output). `name` is the alias. @default none
   */
  readonly retainedProviders?: readonly AccountRef[];
  /** Terraform `moved` blocks: addresses renamed since the previous output, so nothing is destroyed. @default none */
  readonly moved?: readonly MovedPlan[];
  readonly identityCenter: IdentityCenterPlan;
  readonly guardrails: GuardrailsPlan;
  readonly githubOidc: GithubOidcPlan;
  /** Objects that exist in AWS already and are imported on the first apply; absent: none. */
  readonly imports?: readonly ImportEntry[];
}

export interface MovedPlan {
  /** Terraform addresses (`aws_iam_role.old`), of whole resources. */
  readonly from: string;
  readonly to: string;
}

export interface AccountRef {
  readonly name: string;
  readonly id: string;
}

export interface TerraformSettingsPlan {
  /** Terraform CLI version constraint, for example `>= 1.11`. */
  readonly requiredVersion: string;
  /** The AWS provider's source address (`hashicorp/aws`) and version constraint (`~> 6.25`). */
  readonly awsProvider: { readonly source: string; readonly version: string };
}

export interface AwsPlan {
  readonly region: string;
  readonly partition: string;
  /** Account that runs Identity Center and Organizations calls (the default provider). */
  readonly account: AccountRef;
  /** Role assumed in member accounts. */
  readonly memberAccountRole: string;
  readonly defaultTags: Readonly<Record<string, string>>;
}

export type BackendPlan =
  /** `path` is relative to the folder that holds the output folder (the stack gets `../../../<path>`). */
  | { readonly type: "local"; readonly path: string }
  | {
      readonly type: "s3";
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      readonly useLockfile: boolean;
      readonly encrypt: boolean;
      readonly kmsKeyId?: string;
      readonly roleArn?: string;
    }
  | { readonly type: "cloud"; readonly organization: string; readonly workspace: string; readonly project?: string; readonly hostname: string };

export interface IdentityCenterPlan {
  /** Permission sets this workspace owns, by key. */
  readonly permissionSets: readonly PermissionSetPlan[];
  /** Permission sets owned by other workspaces that grants in force assign, by key. */
  readonly permissionSetLookups: readonly PermissionSetLookup[];
  /**
   * The workspaces owning those permission sets, with their backends: their ARNs are read from the
   * owners' state (output `permission_set_arns_by_name`), sorted by workspace.
   */
  readonly permissionSetOwners: readonly { readonly workspace: string; readonly backend: BackendPlan }[];
  /** Groups this workspace creates in the identity store. */
  readonly managedGroups: readonly ManagedGroupPlan[];
  /** Groups (external, or managed by another workspace) looked up by display name. */
  readonly groupLookups: readonly string[];
  /** External groups pinned by identity store id in this workspace: used as given, never looked up. */
  readonly pinnedGroups: readonly { readonly name: string; readonly id: string }[];
  /** Users this workspace creates in the identity store. */
  readonly managedUsers: readonly ManagedUserPlan[];
  /** Users (external, or managed by another workspace) looked up by user name. */
  readonly userLookups: readonly string[];
  /** External users pinned by identity store id in this workspace: used as given, never looked up. */
  readonly pinnedUsers: readonly { readonly name: string; readonly id: string }[];
  /** Memberships of groups this workspace manages, sorted by key. */
  readonly groupMemberships: readonly GroupMembershipPlan[];
  /** Instance ABAC attributes, by key; present only in the one workspace that declares them. */
  readonly accessControlAttributes?: readonly AccessControlAttributePlan[];
  /** One per principal x permission set x account, sorted by key. Expired grants are left out. */
  readonly assignments: readonly AssignmentPlan[];
}

export interface PermissionSetLookup {
  readonly key: string;
  /** AWS name. */
  readonly name: string;
  /** The workspace that owns (creates) it and publishes its ARN. */
  readonly workspace: string;
}

export interface CustomerManagedPolicyRef {
  readonly name: string;
  /** `/` or `/segments/`. */
  readonly path: string;
}

export type PermissionsBoundaryPlan =
  | { readonly managedPolicyArn: string; readonly customerManagedPolicy?: undefined }
  | { readonly customerManagedPolicy: CustomerManagedPolicyRef; readonly managedPolicyArn?: undefined };

export interface PermissionSetPlan {
  /** Stable key: the Terraform address. */
  readonly key: string;
  /** AWS name. */
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration: string;
  readonly relayState?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly managedPolicyArns: readonly string[];
  /** Sorted by path, then name. */
  readonly customerManagedPolicies: readonly CustomerManagedPolicyRef[];
  /** Minified JSON. */
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: PermissionsBoundaryPlan;
}

export interface ManagedGroupPlan {
  readonly name: string;
  readonly description?: string;
}

export interface ManagedUserPlan {
  readonly userName: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email?: string;
}

export interface GroupMembershipPlan {
  /** `<group>/<user>`: the for_each key. */
  readonly key: string;
  readonly group: string;
  readonly user: string;
}

export interface AccessControlAttributePlan {
  readonly key: string;
  readonly sources: readonly string[];
}

export type PrincipalType = "GROUP" | "USER";

export interface AssignmentPlan {
  /** `group:<name>/<permission set key>/<account name>`: the for_each key. */
  readonly key: string;
  readonly principalType: PrincipalType;
  readonly principalName: string;
  readonly permissionSet: string;
  readonly account: AccountRef;
  /** YYYY-MM-DD after which the grant is no longer emitted; absent when any rule grants it without expiry. */
  readonly expires?: string;
  /** Where the first rule granting it names the principal (a JSON path in the workspace file), for findings. */
  readonly declaredAt?: readonly (string | number)[];
}

export interface GuardrailsPlan {
  readonly policies: readonly ScpPlan[];
  /** Centralized root access management (`aws_iam_organizations_features`), when this workspace owns it. */
  readonly rootAccessManagement?: RootAccessManagementPlan;
}

/** The IAM organization features that centralize member accounts' root access. */
export interface RootAccessManagementPlan {
  /** Sorted: `RootCredentialsManagement`, `RootSessions`. */
  readonly features: readonly string[];
  /** Whether the workspace's deny-IAM-users guardrail denies member root users (DenyMemberRootUser). */
  readonly rootUserDenied: boolean;
  readonly declaredAt: readonly (string | number)[];
}

export interface ScpPlan {
  /** Terraform-safe key. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** Minified JSON, exactly as sent to AWS. */
  readonly content: string;
  readonly targets: readonly ScpTargetPlan[];
  /** Who is exempt, in words (for the report); empty when nobody is. */
  readonly exemptions: readonly string[];
  /** Names of the guardrails merged into this SCP (`guardrails.merge: true`); absent when not merged. */
  readonly mergedFrom?: readonly string[];
  /** Where the guardrail is declared in the workspace file (a JSON path), for findings. */
  readonly declaredAt: readonly (string | number)[];
}

export interface ScpTargetPlan {
  /** `root`, `ou:<path>` or `account:<name>`: the for_each key. */
  readonly key: string;
  readonly kind: "root" | "ou" | "account";
  readonly name: string;
  readonly id: string;
  /** Where this target is named in the workspace file (a JSON path), for findings. */
  readonly declaredAt: readonly (string | number)[];
}

export interface GithubOidcPlan {
  readonly providers: readonly GithubProviderPlan[];
  readonly roles: readonly GithubRolePlan[];
}

export interface GithubProviderPlan {
  readonly account: AccountRef;
  /** Issuer URL: https://token.actions.githubusercontent.com[/<enterprise slug>]. */
  readonly url: string;
  readonly arn: string;
  readonly clientIds: readonly string[];
  /** Empty unless given: IAM trusts GitHub's certificate authority. */
  readonly thumbprints: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

/** One typed subject of a role, with the `sub` claims it admits (two while migrating to immutable ids). */
export interface GithubSubjectPlan {
  readonly kind: "branch" | "tag" | "environment" | "pullRequest" | "custom";
  /** Branch, tag or environment name (or pattern), or the raw claim; absent for pullRequest. */
  readonly value?: string;
  readonly claims: readonly string[];
}

/** A risky trust or permission the definition explicitly allowed, with its reason. */
export interface GithubOptInPlan {
  /** The `allow` key: wildcardSubjects, anyRef, wildcardRepository, organizationWide, pullRequestWithWrite, administratorAccess, customSubject, managementAccount. */
  readonly kind: string;
  readonly reason: string;
  /** What needed it. */
  readonly detail: string;
}

export interface GithubRolePlan {
  readonly key: string;
  readonly name: string;
  /** IAM path, `/` by default. */
  readonly path: string;
  /** The role ARN, known at synth time. */
  readonly arn: string;
  readonly account: AccountRef;
  readonly description?: string;
  readonly providerArn: string;
  /** Token issuer without scheme; the condition keys are `<issuer>:sub` and `<issuer>:aud`. */
  readonly issuer: string;
  readonly repository: string;
  readonly githubSubjects: readonly GithubSubjectPlan[];
  /** The exact `sub` values admitted (StringEquals). */
  readonly subjects: readonly string[];
  /** Wildcard `sub` patterns admitted (StringLike, own statement); explicitly allowed. */
  readonly subjectPatterns: readonly string[];
  /** Minified JSON. */
  readonly assumeRolePolicy: string;
  /** AWS managed and customer managed policy ARNs, sorted. */
  readonly managedPolicyArns: readonly string[];
  readonly permissionsBoundaryArn?: string;
  readonly inlinePolicies: readonly { readonly name: string; readonly document: string }[];
  readonly maxSessionDuration: number;
  /** True when every policy is on keyless's read-only allowlist (conservative). */
  readonly readOnly: boolean;
  readonly optIns: readonly GithubOptInPlan[];
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * An object that already exists in AWS and that this workspace adopts: synth emits a Terraform
 * `import` block for it, so the first plan imports instead of creating (written by `keyless import`).
 */
export interface ImportEntry {
  readonly kind:
    | "permissionSet"
    | "managedPolicyAttachment"
    | "customerManagedPolicyAttachment"
    | "inlinePolicy"
    | "permissionsBoundary"
    | "assignment"
    | "serviceControlPolicy"
    | "policyAttachment"
    | "githubRole"
    | "githubRolePolicyAttachment"
    | "githubRoleInlinePolicy";
  /** Permission set key, the assignment's key (`group:<name>/<permission set>/<account>`), or the SCP's key. */
  readonly key: string;
  /** Policy attachments: the managed policy ARN, `/path/name` of the customer-managed policy, the SCP target's key (`root`, `ou:<path>`, `account:<name>`), or the role's policy ARN or inline policy name. */
  readonly policy?: string;
  /** The import id, as the provider documents it. */
  readonly id: string;
}
