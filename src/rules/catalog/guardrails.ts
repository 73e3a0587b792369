import type { RuleInfo } from "../rule-info";

const scp = (severity: "error" | "warning", acknowledgeable: false | "acknowledgements", summary: string, explanation: string, fix: string): RuleInfo => ({ severity, category: "guardrails", summary, explanation, fix, acknowledgeable });

/** KL4xx: Service Control Policies. */
export const GUARDRAIL_RULES = {
  KL401: scp("error", false, "SCP too large", "An SCP holds at most 5,120 characters, whitespace included, as sent; keyless sends minified JSON and counts that. The limit cannot be raised.", "Split the policy, shorten it with action wildcards, or merge fewer guardrails."),
  KL402: scp("error", false, "too many SCPs attached to one target", "A root, OU or account takes at most 5 SCPs, FullAWSAccess included, and the limit cannot be raised. keyless counts every workspace's attachments plus what the inventory lists as attached already.", "Merge deny-only guardrails with the same targets (guardrails.merge: true), attach some to a parent OU or the root, or detach policies the inventory lists."),
  KL403: scp("warning", "acknowledgements", "SCP targets the management account", "SCPs never apply to the management account, so the attachment protects nothing and gives a false sense of safety.", "Remove the account from the targets and protect the management account by other means."),
  KL404: scp("error", false, "policy element SCPs do not support", "SCPs do not support Principal or NotPrincipal; AWS rejects the policy.", "Remove the element; exempt principals with a Condition on aws:PrincipalArn instead."),
  KL405: scp("error", false, "SCP action is not service:Action", "SCP actions are service:Action, with * and ? wildcards in the action name; anything else is rejected by AWS or matches nothing.", "Write the action as service:Action, for example iam:CreateUser."),
  KL406: scp("warning", false, "guardrails could be merged into fewer SCPs", "Deny-only guardrails with the same targets mean the same as one SCP holding all their statements, and each attachment uses one of the 5 SCPs a target allows.", "Set guardrails.merge: true to emit the merged SCP, or guardrails.merge: false to keep them apart and silence this."),
  KL407: scp("error", false, "SCP statement without Resource", "Every SCP statement needs Resource or NotResource; AWS rejects the policy otherwise.", "Add Resource: \"*\" (or the resources meant)."),
  KL408: scp("warning", "acknowledgements", "Allow statement in an SCP has no effect beside FullAWSAccess", "With the deny-list strategy FullAWSAccess stays attached everywhere, so an Allow statement in another SCP grants nothing; it usually means the author expected it to.", "Remove the Allow statement, or acknowledge it if it documents intent for an allow-list migration."),
  KL409: scp("warning", false, "guardrails cannot be merged as asked", "guardrails.merge: true was set, but these guardrails have Allow statements, statements without a Sid, or would exceed 5,120 characters merged; they stay separate SCPs.", "Keep them apart (remove merge), or make every statement a Deny with its own Sid."),
} as const satisfies Record<string, RuleInfo>;
