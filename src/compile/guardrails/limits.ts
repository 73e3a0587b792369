/**
 * Service Control Policy quotas (AWS-FACTS.md; AWS Organizations User Guide, "Quotas and service
 * limits": https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
 * Neither can be raised.
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

/** A description within AWS's limit: cut at the limit with an ellipsis when longer. */
export function fitDescription(text: string): string {
  return text.length <= SCP_LIMITS.descriptionChars ? text : text.slice(0, SCP_LIMITS.descriptionChars - 1) + "…";
}
