import type { RuleInfo } from "../rule-info";

const gh = (severity: "error" | "warning", acknowledgeable: false | "acknowledgements", summary: string, explanation: string, fix: string): RuleInfo => ({ severity, category: "github-oidc", summary, explanation, fix, acknowledgeable });

/** An error that `allow.<kind>: "<reason>"` on the role turns into a reported opt-in (KL512). */
const allowed = (kinds: string[], summary: string, explanation: string, fix: string): RuleInfo => ({
  severity: "error",
  category: "github-oidc",
  summary,
  explanation,
  fix: `${fix} If it is intended, set ${kinds.map((k) => `allow.${k}`).join(" or ")}: "<reason>" on the role (reported as KL512).`,
  acknowledgeable: "role-allow",
  allowKinds: kinds,
});

/** KL5xx: GitHub Actions OIDC providers and roles. */
export const GITHUB_OIDC_RULES = {
  KL501: gh("error", false, "GitHub OIDC role in an account without a provider", "A role's trust policy names the account's OIDC provider (one per issuer URL per account); without one declared (created or existing: true) the role could never be assumed.", "Add githubOidc.providers.<account> to the workspace that owns it (existing: true if it was created outside keyless)."),
  KL502: { ...gh("error", false, "GitHub OIDC role name too long or session out of range", "IAM role names are at most 64 characters and sessions 3,600 to 43,200 seconds.", "Shorten the name or adjust maxSessionDuration."), reserved: "the schema checks these limits (KL105, KL106)" },
  KL503: gh("error", false, "trust policy too large", "A role's trust policy holds 2,048 characters by default (adjustable in each account); keyless counts the minified JSON, or the quota given in githubOidc.quotas.trustPolicySize.", "Use fewer subjects (a pattern, with allow.wildcardSubjects), split the role, or raise the quota and set githubOidc.quotas.trustPolicySize."),
  KL504: gh("error", false, "GitHub subject admits every repository on GitHub", "A sub of *, repo:* or an owner of only wildcards matches tokens of any repository on GitHub: any stranger's workflow could assume the role. Never acknowledgeable.", "Name the owner and repository exactly, for example acme/app."),
  KL505: allowed(["wildcardRepository"], "wildcard in a GitHub owner or repository", "A wildcard in the owner or repository part also matches look-alike names that anyone can register (acme-* matches acme-evil).", "Name the owner and repository exactly."),
  KL506: allowed(["organizationWide"], "GitHub subject admits every repository of an owner", "repo:OWNER/* admits every repository of the owner, including forks of public ones and repositories created later by anyone with create rights.", "Name the repository, or declare one role per repository."),
  KL507: allowed(["anyRef"], "GitHub subject admits any branch, tag or environment", "branch: \"*\" (or tag, environment, or a custom repo:OWNER/REPO:*) lets anyone who can push a branch assume the role, bypassing branch protection and environment approvals.", "Name the branch, tag or environment exactly."),
  KL508: allowed(["wildcardSubjects"], "wildcard in a GitHub branch, tag or environment", "A pattern (release/*, v*) admits every matching ref, including ones anyone with push access can create unless repository rulesets protect them.", "Name the ref exactly, or protect the matching refs with rulesets."),
  KL509: allowed(["pullRequestWithWrite"], "pull_request subject on a role that can write", "Pull request runs execute code nobody has reviewed yet; a role they can assume must not be able to change anything. A role is read-only only with ReadOnlyAccess, job-function/ViewOnlyAccess or SecurityAudit and inline Get/List/Describe/BatchGet statements.", "Use a separate read-only role for pull requests."),
  KL510: allowed(["administratorAccess"], "administrator access on a GitHub Actions role", "AdministratorAccess, or an inline Allow of every action, gives every workflow run the role admits full control of the account, including IAM.", "Grant only what the workflow deploys (for example PowerUserAccess plus a scoped inline policy)."),
  KL511: allowed(["customSubject"], "custom GitHub subject", "A custom sub claim is not built from typed subjects, so keyless cannot check what it admits; it is meant for organizations that customised the claim template.", "Use typed subjects (branch, tag, environment, pullRequest)."),
  KL512: gh("warning", false, "explicitly allowed GitHub trust or permission", "Reports each allow.<kind> in use with its reason, so reviewers see every exception in the pull request and the report lists it. It is the acknowledgement itself.", "Review the exception; remove it when it is no longer needed."),
  KL513: gh("warning", false, "acknowledgement that nothing needs", "An allow.<kind> on a role that nothing on the role needs: stale exceptions hide the next real one.", "Remove the allow entry."),
  KL514: gh("error", false, "too many managed policies on a role", "An IAM role takes 10 managed policies by default (up to 20 with a quota increase); githubOidc.quotas.managedPoliciesPerRole says what the accounts allow.", "Merge policies into a customer managed policy, or raise the quota and set githubOidc.quotas.managedPoliciesPerRole."),
  KL515: gh("warning", "acknowledgements", "role needs an IAM quota increase", "The role uses more managed policies or a longer trust policy than AWS's defaults, as githubOidc.quotas allows; the apply fails in an account whose quota was not raised.", "Make sure the account's quota is raised, then acknowledge this finding."),
  KL516: gh("error", false, "policy ARN in the wrong list or account", "A role can only use customer managed policies of its own account; AWS managed policies go under managedPolicies and customer managed ones under customerManagedPolicies.", "Move the policy to the right list, or refer to it by name in the role's account."),
  KL517: allowed(["managementAccount"], "GitHub Actions role in the management account", "SCPs never apply to the management account, and it controls the whole organization: a compromised workflow there reaches everything.", "Put CI roles in a member account."),
  KL518: gh("error", false, "GitHub repository ids incomplete or on a wildcard repository", "The immutable sub form repo:OWNER@OWNER_ID/REPO@REPO_ID needs both ids, and ids identify one repository, so they cannot go with a wildcard repository.", "Give both ownerId and repositoryId (GET /repos/OWNER/REPO), or neither."),
  KL519: gh("error", false, "GitHub OIDC provider settings conflict", "A provider declared existing: true is not created by keyless, so thumbprints and tags would have no effect.", "Remove them, or remove existing: true to let keyless create the provider."),
} as const satisfies Record<string, RuleInfo>;
