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
  identityCenter?: IdentityCenter;
  guardrails?: Guardrails;
  githubOidc?: GithubOidc;
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
}
/**
 * Tags added to every taggable resource, beside ManagedBy=keyless.
 */
export interface Tags {
  [k: string]: string;
}
/**
 * Where Terraform keeps this workspace's state: exactly one of local, s3 or cloud. Default: local, terraform.<workspace>.tfstate beside the stack.
 */
export interface Backend {
  local?: LocalBackendSettings;
  s3?: S3BackendSettings;
  cloud?: CloudBackendSettings;
}
export interface LocalBackendSettings {
  /**
   * A relative path. Default: terraform.<workspace>.tfstate.
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
 * IAM Identity Center: permission sets, groups, users, and who gets which permission set in which accounts.
 */
export interface IdentityCenter {
  defaults?: IdentityCenterDefaults;
  /**
   * Permission sets owned by this workspace, by stable key. The key is the Terraform address; the AWS name defaults to it.
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
   * Grants: every listed principal gets every listed permission set in every target account.
   */
  assignments?: Assignment[];
}
export interface IdentityCenterDefaults {
  /**
   * Session duration of permission sets that do not set one. Default: PT1H (AWS's default).
   */
  sessionDuration?: string;
}
export interface PermissionSet {
  /**
   * 1 to 32 characters: letters, digits and + = , . @ _ -
   */
  name?: string;
  description?: string;
  /**
   * An ISO-8601 duration from PT1H to PT12H, for example PT1H, PT4H or PT1H30M.
   */
  sessionDuration?: string;
  /**
   * URL users land on after sign-in.
   */
  relayState?: string;
  tags?: Tags1;
  /**
   * AWS managed policies by name (ReadOnlyAccess, job-function/ViewOnlyAccess) or ARN.
   */
  managedPolicies?: string[];
  inlinePolicy?: PolicyDocument;
}
/**
 * AWS tags: up to 50 keys of at most 128 characters, values of at most 256.
 */
export interface Tags1 {
  [k: string]: string;
}
/**
 * An IAM policy document written as a JSON object. keyless renders it as minified JSON with a stable key order.
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
export interface Group {
  /**
   * external: provisioned by your IdP (SCIM) or AD and looked up by display name. managed: created in the Identity Center directory by this workspace.
   */
  source: "external" | "managed";
  description?: string;
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
   * Users by user name.
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
  tags?: Tags2;
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
 * AWS tags: up to 50 keys of at most 128 characters, values of at most 256.
 */
export interface Tags2 {
  [k: string]: string;
}
/**
 * Service Control Policies owned by this workspace.
 */
export interface Guardrails {
  denyIamUsers?: DenyIamUsersGuardrail;
}
/**
 * The built-in guardrail: denies creating IAM users and long-lived credentials (access keys, console passwords, SSH keys, signing certificates, service-specific credentials). Listing, reading and deleting stay allowed.
 */
export interface DenyIamUsersGuardrail {
  /**
   * The SCP's name. Default: keyless-deny-iam-users.
   */
  policyName?: string;
  targets: AttachmentTargets;
  /**
   * Break-glass IAM roles, by name, exempt in every account.
   */
  exemptRoles?: string[];
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
 * GitHub Actions OIDC: identity providers and the IAM roles workflows assume.
 */
export interface GithubOidc {
  /**
   * GitHub OIDC providers this workspace creates, by account name. Roles in other workspaces use them by account.
   */
  providers?: {
    [k: string]: GithubOidcProvider;
  };
  /**
   * IAM roles assumable from GitHub Actions, by stable key. The role name defaults to the key.
   */
  roles?: {
    [k: string]: GithubOidcRole;
  };
}
export interface GithubOidcProvider {
  tags?: Tags1;
}
export interface GithubOidcRole {
  /**
   * 1 to 64 characters: letters, digits and + = , . @ _ -
   */
  name?: string;
  description?: string;
  account: AccountName1;
  /**
   * OWNER/REPO, exactly; no wildcards.
   */
  repository: string;
  /**
   * @minItems 1
   */
  subjects: GithubSubject[];
  /**
   * AWS managed policies by name or ARN.
   */
  managedPolicies?: string[];
  /**
   * Inline policies by name.
   */
  inlinePolicies?: {
    [k: string]: PolicyDocument;
  };
  /**
   * Seconds, 3600 to 43200. Default: 3600.
   */
  maxSessionDuration?: number;
  tags?: Tags1;
}
/**
 * One kind of workflow run that may assume the role: exactly one of branch or environment.
 */
export interface GithubSubject {
  /**
   * Runs on this branch (a job without an environment).
   */
  branch?: string;
  /**
   * Jobs that name this GitHub environment.
   */
  environment?: string;
}
