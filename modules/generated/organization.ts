/* eslint-disable */
/**
 * GENERATED from schemas/organization.schema.json by `npm run gen:types` (json-schema-to-typescript).
 * Do not edit: change the schema and regenerate. A test fails when this file drifts.
 */

/**
 * SCPs attached to this target outside keyless (FullAWSAccess, Control Tower guardrails). They count against the five-per-target quota.
 */
export type AttachedPolicies = string[];
/**
 * Path of the account's OU. Omit for an account directly under the root.
 */
export type OuPath = string;
/**
 * An organizational unit by path from the root, segments joined by '/', for example workloads/prod.
 */
export type OuPath1 = string;

/**
 * The organization inventory: the root, organizational units and accounts that targets are expanded from. Usually exported from AWS Organizations and kept beside the workspaces.
 */
export interface Organization {
  $schema?: string;
  /**
   * The AWS partition of the organization. Default: aws.
   */
  partition?: "aws" | "aws-us-gov" | "aws-cn";
  terraform?: TerraformSettings;
  root: OrganizationRoot;
  /**
   * Name of the management account (a key of accounts). SCPs never apply to it and assignments leave it out unless asked.
   */
  managementAccount: string;
  /**
   * Top-level OUs by name; nest children under organizationalUnits.
   */
  organizationalUnits?: {
    [k: string]: OrganizationalUnit;
  };
  /**
   * Accounts by name.
   */
  accounts: {
    [k: string]: Account;
  };
  /**
   * Where customer-managed IAM policies exist, by /path/name. When given, keyless checks that every customer-managed policy and boundary a permission set or GitHub Actions role uses exists in each account it reaches (rule KL606).
   */
  customerManagedPolicies?: {
    [k: string]: CustomerManagedPolicyPresence;
  };
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
export interface OrganizationRoot {
  /**
   * The root id, for example r-ab12.
   */
  id: string;
  attachedPolicies?: AttachedPolicies;
}
export interface OrganizationalUnit {
  /**
   * The OU id, for example ou-ab12-34cd56ef.
   */
  id: string;
  attachedPolicies?: AttachedPolicies;
  organizationalUnits?: {
    [k: string]: OrganizationalUnit;
  };
}
export interface Account {
  /**
   * The 12-digit account id, quoted in YAML so leading zeros survive.
   */
  id: string;
  ou?: OuPath;
  /**
   * The account's State in AWS Organizations. Only ACTIVE accounts are targeted. Default: ACTIVE.
   */
  status?: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED" | "PENDING_ACTIVATION";
  email?: string;
  tags?: Tags;
  attachedPolicies?: AttachedPolicies;
}
/**
 * AWS tags: up to 50 keys of at most 128 characters, values of at most 256.
 */
export interface Tags {
  [k: string]: string;
}
/**
 * The accounts a customer-managed policy exists in: the union of the selectors given.
 */
export interface CustomerManagedPolicyPresence {
  /**
   * In every account of the organization.
   */
  organization?: boolean;
  /**
   * In every account of these OUs and the OUs below them.
   */
  organizationalUnits?: OuPath1[];
  /**
   * In these accounts, by name or id.
   */
  accounts?: string[];
}
