import { ruleMaker, type RuleInfo } from "../rule-info";

const plan = ruleMaker("plan");
const warning = ruleMaker("plan", { acknowledgeable: "acknowledgements" });

/** KL8xx: who runs a workspace (Identity Center delegated administration), break-glass, permission-set variants. */
export const DELEGATION_RULES = {
  KL801: plan({
    severity: "error",
    summary: "assignment into the management account from a delegated administrator",
    explanation:
      "A workspace whose aws.account is not the management account runs Identity Center as its delegated administrator. AWS refuses a delegated administrator account assignments into the management account (CreateAccountAssignment fails with AccessDenied at apply), so the plan would fail half-way.",
    fix: "Make the grant from a workspace run from the management account (aws.account left out), or leave the management account out of the targets.",
  }),
  KL802: plan({
    severity: "error",
    summary: "permission set of a delegated administrator provisioned to the management account",
    explanation:
      "A delegated administrator cannot create, update or delete a permission set that is provisioned to the management account. A permission set owned by a workspace whose aws.account is a delegated administrator and assigned into the management account (by any workspace) cannot be managed by its owner any more.",
    fix: "Own the permission set in a workspace run from the management account, or do not assign it into the management account.",
  }),
  KL803: warning({
    severity: "warning",
    summary: "Service Control Policies managed from a delegated administrator",
    explanation:
      "Only the management account manages Service Control Policies unless the organization delegates policy management to a member account with a resource-based delegation policy (aws_organizations_resource_policy, created from the management account). Without it, CreatePolicy and AttachPolicy fail with AccessDenied at apply.",
    fix: "Delegate policy management to this account first (Organizations resource-based delegation policy), then acknowledge this finding; or move the guardrails to a workspace run from the management account.",
  }),
  KL804: warning({
    severity: "warning",
    summary: "member accounts reached through OrganizationAccountAccessRole from a non-management account",
    explanation:
      "GitHub Actions providers and roles in member accounts are managed by assuming aws.memberAccountRole there, by default OrganizationAccountAccessRole. That role trusts only the management account (and exists only in accounts created through Organizations), so from a delegated administrator's credentials the assume-role fails at plan.",
    fix: "Set aws.memberAccountRole to a role that trusts this workspace's account in every member account it manages, or manage the GitHub Actions roles from a workspace run from the management account.",
  }),
  KL805: warning({
    severity: "warning",
    summary: "Identity Center directory users presented as the fallback for an IdP outage",
    explanation:
      "With an external identity source (SCIM groups and users from Entra ID, Okta, Google) every Identity Center sign-in goes through the IdP, including the sign-in of users created in the Identity Center directory: when the IdP is down they cannot sign in either. Break-glass access that works without the IdP is IAM in the management account (a role or user with hardware MFA, exempt from the guardrails and alarmed on use) or the root user.",
    fix: "Keep break-glass outside Identity Center (see the README's Break-glass section) and remove or rename the managed group or user; acknowledge if it serves another purpose.",
  }),
  KL806: plan({
    severity: "error",
    summary: "permission-set variant key already taken",
    explanation:
      "Each variant of a permission set is a permission set of its own, addressed by its key; a variant key that is also the key of a permission set or of another variant in the same workspace would make two permission sets one.",
    fix: "Give the variant a key of its own, for example <permission set>-<environment>.",
  }),
} as const satisfies Record<string, RuleInfo>;
