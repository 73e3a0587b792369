import { ruleMaker, type RuleInfo } from "../rule-info";

const scp = ruleMaker("guardrails");

/** KL4xx: Service Control Policies. */
export const GUARDRAIL_RULES = {
  KL401: scp({
    severity: "error",
    summary: "SCP too large",
    explanation: "An SCP holds at most 5,120 characters, whitespace included, as sent; keyless sends minified JSON and counts that. The limit cannot be raised.",
    fix: "Split the policy, shorten it with action wildcards, or merge fewer guardrails.",
  }),
  KL402: scp({
    severity: "error",
    summary: "too many SCPs attached to one target",
    explanation:
      "A root, OU or account takes at most 5 SCPs, FullAWSAccess included, and the limit cannot be raised. keyless counts every workspace's attachments plus what the inventory lists as attached already.",
    fix: "Merge deny-only guardrails with the same targets (guardrails.merge: true), attach some to a parent OU or the root, or detach policies the inventory lists.",
  }),
  KL403: scp({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "SCP targets the management account",
    explanation: "SCPs never apply to the management account, so the attachment protects nothing and gives a false sense of safety.",
    fix: "Remove the account from the targets and protect the management account by other means.",
  }),
  KL404: scp({
    severity: "error",
    summary: "policy element SCPs do not support",
    explanation: "SCPs do not support Principal or NotPrincipal; AWS rejects the policy.",
    fix: "Remove the element; exempt principals with a Condition on aws:PrincipalArn instead.",
  }),
  KL405: scp({
    severity: "error",
    summary: "SCP action is not service:Action",
    explanation: "SCP actions are service:Action, with * and ? wildcards in the action name; anything else is rejected by AWS or matches nothing.",
    fix: "Write the action as service:Action, for example iam:CreateUser.",
  }),
  KL406: scp({
    severity: "warning",
    summary: "guardrails could be merged into fewer SCPs",
    explanation: "Deny-only guardrails with the same targets mean the same as one SCP holding all their statements, and each attachment uses one of the 5 SCPs a target allows.",
    fix: "Set guardrails.merge: true to emit the merged SCP, or guardrails.merge: false to keep them apart and silence this.",
  }),
  KL407: scp({
    severity: "error",
    summary: "SCP statement without Resource",
    explanation: "Every SCP statement needs Resource or NotResource; AWS rejects the policy otherwise.",
    fix: 'Add Resource: "*" (or the resources meant).',
  }),
  KL408: scp({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "Allow statement in an SCP has no effect beside FullAWSAccess",
    explanation:
      "With the deny-list strategy FullAWSAccess stays attached everywhere, so an Allow statement in another SCP grants nothing; it usually means the author expected it to.",
    fix: "Remove the Allow statement, or acknowledge it if it documents intent for an allow-list migration.",
  }),
  KL409: scp({
    severity: "warning",
    summary: "guardrails cannot be merged as asked",
    explanation:
      "guardrails.merge: true was set, but these guardrails have Allow statements, statements without a Sid, or would exceed 5,120 characters merged; they stay separate SCPs.",
    fix: "Keep them apart (remove merge), or make every statement a Deny with its own Sid.",
  }),
  KL410: scp({
    severity: "error",
    summary: "principal tag used as a guardrail exemption",
    explanation:
      "aws:PrincipalTag can be set where no SCP looks: session tags passed by a caller outside the organization when it assumes a role (SCPs do not apply to it), attributes of an identity provider a member-account administrator creates, and Identity Center ABAC attributes with the same key. An exemption by tag can therefore be minted, so keyless does not emit one. Never acknowledgeable.",
    fix: "Exempt break-glass roles by name (exemptRoles; keyless protects those names) or permission sets (exemptPermissionSets).",
  }),
  KL411: scp({
    severity: "warning",
    summary: "guardrail opt-out in use",
    explanation:
      "Reports each denyIamUsers.allow.<kind> with its reason: a standing-access path (identity providers, IAM Roles Anywhere, IoT credentials, SSM hybrid activations, Cognito identity pools, long-term Bedrock API keys) or the member root users that the guardrail leaves open. It is the acknowledgement itself.",
    fix: "Review the opt-out; remove it when it is no longer needed.",
  }),
  KL412: scp({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "active account outside every IAM-user guardrail",
    explanation:
      "An active member account that no denyIamUsers guardrail (in any workspace) reaches, directly or through its OUs or the root: an account directly under the root or in an untargeted OU keeps every way to create IAM users and long-lived credentials.",
    fix: "Target its OU (or the root) with guardrails.denyIamUsers, or acknowledge the account with its reason.",
  }),
  KL413: scp({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "the management account is outside every guardrail",
    explanation:
      "SCPs never apply to the management account: IAM users, access keys and its root user there are not restricted by any guardrail. keyless reports it once, where the IAM-user guardrail is declared.",
    fix: "Keep the management account for Organizations and billing only, with few people, hardware MFA and no IAM users; acknowledge this finding once that is so.",
  }),
  KL414: scp({
    severity: "error",
    acknowledgeable: "acknowledgements",
    summary: "SCP denies every action unconditionally on the root or an OU with active accounts",
    explanation:
      "A Deny of * on * without a condition that can fail stops every principal in the target, the member root users and keyless's own roles included: every active account below it becomes unusable (only the management account is spared).",
    fix: "Add a condition (for example on aws:PrincipalArn) or a narrower action list, or attach it only to a quarantine OU without active accounts; acknowledge it if locking the accounts is intended.",
  }),
} as const satisfies Record<string, RuleInfo>;
