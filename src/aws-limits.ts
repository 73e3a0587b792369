/**
 * AWS limits and facts keyless enforces, in one table: change a limit here and every check, message
 * and report follows. Mirrors ../shared/AWS-FACTS.md; each group names the AWS page it comes from.
 * Limits AWS lets you raise are marked "adjustable": keyless takes the raised value from the
 * definitions (githubOidc.quotas, identityCenter.defaults) and warns past the default.
 *
 * Formats and lengths that the JSON Schemas check (permission set name 1-32 characters, description
 * 1-700, relay state 1-240) live in schemas/, the source of truth for definitions; a test checks
 * that the schemas and this table agree.
 *
 * Plain data, no imports: the bottom layer (see ARCHITECTURE.md).
 */

/**
 * IAM Identity Center (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html) and the
 * IAM role a permission set becomes (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
export const IDENTITY_CENTER_LIMITS = {
  /** Permission set name length (schema: identity-center.schema.json). */
  permissionSetNameChars: 32,
  /** Permission set description length (schema). */
  descriptionChars: 700,
  /** Relay state length (schema). */
  relayStateChars: 240,
  /** Session duration bounds (ISO-8601 PT1H..PT12H), in minutes. */
  sessionMinMinutes: 60,
  sessionMaxMinutes: 12 * 60,
  /** Inline policy, minified. */
  inlinePolicyChars: 10_240,
  /** AWS managed + customer-managed policies per permission set (hard limit). */
  managedPoliciesPerPermissionSet: 20,
  /** Managed policies per IAM role without a quota increase: past this, every target account needs one. */
  managedPoliciesPerRoleDefault: 10,
  /** Permission sets per instance (adjustable): a warning past it. */
  permissionSetsPerInstance: 3_500,
  /**
   * How a first apply creates account assignments: the provider (hashicorp/aws, ssoadmin waiter: 5 s
   * delay, then polls at least 3 s apart) waits about 10 s for each, and Identity Center runs about
   * 10 account-assignment operations in flight, Terraform's default -parallelism: about one per second.
   */
  assignmentSecondsEach: 10,
  assignmentsInFlight: 10,
  /** A chained role session (the shipped apply workflow's) lasts at most one hour. */
  chainedSessionMinutes: 60,
  /**
   * Default per-workspace assignment count past which KL312 warns: what a first apply creates in half
   * a chained session (10 in flight x 1,800 s / 10 s), leaving the other half for the refresh of every
   * existing assignment and for throttling retries. keyless's own threshold, not an AWS quota.
   */
  assignmentWarningThreshold: 1_800,
  /** Grants expiring within this many days are reported (KL309, the report's "expiring soon"). keyless's own window. */
  expiryWarningDays: 14,
} as const;

/** AWS's own default session duration for a permission set. */
export const DEFAULT_SESSION = "PT1H";

/**
 * Service Control Policies (AWS Organizations, "Quotas and service limits":
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html). None can be raised.
 */
export const SCP_LIMITS = {
  /** Characters of the policy as sent (keyless sends it minified). */
  contentChars: 5_120,
  /** SCPs attached to one root, OU or account, FullAWSAccess included. */
  policiesPerTarget: 5,
  /** Characters of a policy's description. */
  descriptionChars: 512,
} as const;

/** The AWS managed SCP that the deny-list strategy keeps attached everywhere. */
export const FULL_AWS_ACCESS = "FullAWSAccess";

/**
 * IAM role limits, for GitHub Actions roles (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 * Adjustable ones can be raised per workspace with githubOidc.quotas; keyless warns past the default.
 */
export const IAM_ROLE_LIMITS = {
  nameChars: 64,
  pathChars: 512,
  minSessionSeconds: 3_600,
  maxSessionSeconds: 43_200,
  /** Adjustable. */
  trustPolicyCharsDefault: 2_048,
  inlinePolicyChars: 10_240,
  /** Adjustable, up to 20. */
  managedPoliciesDefault: 10,
} as const;

/** GitHub Actions OIDC: the token issuer (without scheme) and the audience IAM expects. */
export const GITHUB_OIDC = {
  host: "token.actions.githubusercontent.com",
  audience: "sts.amazonaws.com",
} as const;

/** The role Organizations creates in accounts it creates (not in invited ones), trusting the management account. */
export const ORGANIZATION_ACCOUNT_ACCESS_ROLE = "OrganizationAccountAccessRole";
