/**
 * AWS limits and formats for IAM Identity Center, in one table. Source: ../shared/AWS-FACTS.md, which
 * follows the IAM Identity Center quotas page
 * (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html) and the IAM quotas page
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
export const IDENTITY_CENTER_LIMITS = {
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
  /** Default per-workspace assignment count past which plans and applies get throttled (~10 in flight). */
  assignmentWarningThreshold: 2_000,
  /** Grants expiring within this many days are reported. */
  expiryWarningDays: 14,
} as const;

/** AWS's own default session duration. */
export const DEFAULT_SESSION = "PT1H";
