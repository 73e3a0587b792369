/**
 * IAM role limits (AWS-FACTS.md, GitHub Actions OIDC; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
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
