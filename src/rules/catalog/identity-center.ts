import { ruleMaker, type RuleInfo } from "../rule-info";

const ic = ruleMaker("identity-center");

/** KL3xx: IAM Identity Center permission sets, principals and assignments. */
export const IDENTITY_CENTER_RULES = {
  KL301: ic({
    severity: "error",
    summary: "session duration out of range",
    explanation: "Identity Center accepts session durations from PT1H to PT12H (ISO-8601); anything else fails at apply.",
    fix: "Use a duration between PT1H and PT12H, for example PT4H.",
  }),
  KL302: ic({
    severity: "error",
    summary: "inline policy too large",
    explanation:
      "A permission set has one inline policy of at most 10,240 characters, and an IAM role's inline policy has the same limit, counted on the minified JSON keyless sends.",
    fix: "Split the policy into customer-managed policies, or shorten it with action wildcards.",
  }),
  KL303: ic({
    severity: "error",
    summary: "too many managed policies on a permission set",
    explanation: "A permission set takes at most 20 AWS managed plus customer-managed policies together; this is a hard limit.",
    fix: "Merge policies, move statements into the inline policy, or split the permission set.",
  }),
  KL304: ic({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "permission set needs an IAM quota increase in target accounts",
    explanation:
      "A permission set becomes an IAM role in every target account, and a role takes 10 managed policies by default. Past 10, the apply fails in every account whose 'managed policies per role' quota has not been raised.",
    fix: "Request the quota increase in every target account (then acknowledge this finding), or use fewer policies.",
  }),
  KL305: ic({
    severity: "error",
    summary: "managed user lacks a name the directory requires",
    explanation: "The Identity Center identity store requires a display name, a given name and a family name for every user it creates.",
    fix: "Add displayName, givenName and familyName.",
  }),
  KL306: ic({
    severity: "warning",
    summary: "external principal carries attributes only managed ones use",
    explanation: "Your IdP owns the attributes of external users; keyless only looks them up by user name, so the attributes written here are ignored and mislead readers.",
    fix: "Remove them, or make the user source: managed.",
  }),
  KL307: ic({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "permission set assigned to individual users",
    explanation:
      "Access granted person by person is hard to review and to revoke: when someone changes team, group membership in the IdP changes, but direct assignments stay. One finding per grant, so a new account reached later is a new finding.",
    fix: "Put the users in a group (managed, with members) and assign the group; acknowledge a deliberate exception (a break-glass user) with its reason.",
  }),
  KL308: ic({
    severity: "warning",
    summary: "grant expired and is not emitted",
    explanation:
      "A grant past its expires date is left out of the plan, so the next apply removes the account assignments. The definition still says otherwise, which confuses readers.",
    fix: "Delete the assignment, or move expires to a later date to extend it.",
  }),
  KL309: ic({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "grant expires soon",
    explanation: "A grant expiring within 14 days will disappear at the first synth and apply after that date; people relying on it lose access.",
    fix: "Extend expires if the access is still needed, or let it lapse.",
  }),
  KL310: ic({
    severity: "error",
    summary: "expiry is not a calendar date",
    explanation: "expires is the first day (UTC) the grant no longer exists, written YYYY-MM-DD; an impossible date (2026-02-30) cannot be evaluated.",
    fix: "Write a real date as YYYY-MM-DD.",
  }),
  KL311: ic({
    severity: "error",
    summary: "evaluation date is not a calendar date",
    explanation: "Grants are evaluated at --date (default today, UTC); a malformed date would make every expiry meaningless.",
    fix: "Pass --date as YYYY-MM-DD or leave it out.",
  }),
  KL312: ic({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "workspace has more account assignments than a first apply creates in half an hour",
    explanation:
      "A first apply creates about one account assignment per second: the provider waits about 10 s for each, and Identity Center runs about 10 at a time. Every later plan refreshes each assignment with its own call (about 20 requests per second before throttling). The default threshold, 1,800, takes half of a one-hour chained role session (the shipped apply workflow's), leaving the rest for the refresh and throttling retries; past it, an apply can outlive its credentials and stop part-way.",
    fix: "Split the workspace (one per OU or team), or raise identityCenter.defaults.assignmentWarningThreshold if your apply's credentials last longer.",
  }),
  KL313: ic({
    severity: "warning",
    summary: "permission set will be replaced",
    explanation:
      "Renaming a permission set replaces it: AWS deletes and recreates its AWSReservedSSO_<name>_<suffix> role in every assigned account with a new suffix, signing users out and breaking anything that trusts the old role ARN (EKS access entries, resource policies). Reported by synth against the previous cdktf.out/.",
    fix: "Keep the old name if anything trusts the role ARN; otherwise plan the rename and update those trusts.",
  }),
  KL314: ic({
    severity: "error",
    summary: "policy ARN is not an IAM policy in the organization's partition",
    explanation: "managedPolicies holds AWS managed policies; an ARN of another partition or of your own account would fail the attachment.",
    fix: "Give the AWS managed policy by name, or move your own policy to customerManagedPolicies with its name and path.",
  }),
  KL315: ic({
    severity: "error",
    summary: "customer-managed policy listed twice",
    explanation: "Each customer-managed policy is attached once per permission set; a duplicate would be two Terraform resources for one attachment.",
    fix: "List each policy once.",
  }),
  KL316: ic({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "more permission sets than an instance allows by default",
    explanation: "An Identity Center instance holds 3,500 permission sets by default (adjustable); past it, creating more fails until the quota is raised.",
    fix: "Request the quota increase (then acknowledge this finding), or merge permission sets.",
  }),
  KL317: ic({
    severity: "error",
    summary: "identity store id pinned on a managed principal",
    explanation:
      "A managed group or user is created by keyless, so AWS chooses its id; an id given in the definitions would be ignored or point elsewhere. Only external principals (from your IdP) can be pinned by id.",
    fix: "Remove id, or make the principal source: external.",
  }),
} as const satisfies Record<string, RuleInfo>;
