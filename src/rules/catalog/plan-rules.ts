import type { RuleInfo } from "../rule-info";

const plan = (severity: "error" | "warning", summary: string, explanation: string, fix: string): RuleInfo => ({ severity, category: "plan", summary, explanation, fix, acknowledgeable: "acknowledgements" });
const ack = (severity: "error" | "warning", summary: string, explanation: string, fix: string): RuleInfo => ({ severity, category: "acknowledgement", summary, explanation, fix, acknowledgeable: false });

/** KL6xx: rules over the compiled plan (src/rules/checks/), and acknowledgements. */
export const PLAN_RULES = {
  KL601: plan(
    "error",
    "administrator permission set in a production workspace outside the named admin groups",
    "An administrator permission set controls the account, IAM included. keyless decides semantically (the policy model): AdministratorAccess, or policies that together allow a privileged action on any resource (iam:*, IAMFullAccess, a NotAction Allow, * under a condition that always holds, NotResource, iam:PassRole or iam:CreateRole with a service that runs code). In a production workspace (rules.production: true, or a workspace named prod* that does not say production: false) it may only be assigned to the groups listed in rules.adminGroups, so who can administer production is a short, reviewed list. One finding per grant.",
    "Assign a narrower permission set, or add the group to rules.adminGroups of the workspace; acknowledge a deliberate exception with its reason.",
  ),
  KL602: plan(
    "warning",
    "administrator permission set with a session longer than one hour",
    "Identity Center sessions last up to 12 hours and cannot be revoked early except by removing the assignment; an administrator session that outlives the task keeps full control of the account in a browser or a copied credential. AWS's default is PT1H.",
    "Set sessionDuration: PT1H on the administrator permission set.",
  ),
  KL603: plan(
    "warning",
    "permission set declared but never assigned",
    "No assignment in any workspace grants the permission set, so it only adds a resource to review and may be a leftover or a typo in an assignment. Expired grants do not count as assignments.",
    "Assign it, or delete it.",
  ),
  KL604: plan(
    "warning",
    "group declared but never assigned",
    "No assignment in any workspace grants the group a permission set: an external group is looked up for nothing, a managed group is created empty of access. Often a leftover or a misspelt name in an assignment.",
    "Assign it, or delete it.",
  ),
  KL605: plan(
    "warning",
    "inline policy allows every action",
    "An inline Allow of * (or *:*), or a NotAction Allow, grants every action of every service, including IAM and Organizations, on the resources named; with Resource * it is administrator access written by hand and escapes reviews that look for AdministratorAccess. On GitHub Actions roles the same input is KL510, acknowledged with allow.administratorAccess.",
    "List the actions needed, or use an AWS managed policy whose scope is documented.",
  ),
  KL606: plan(
    "warning",
    "customer-managed policy not declared present in a target account",
    "A permission set attaches customer-managed policies and boundaries by name and path, and AWS requires them to exist, with that name and path, in every account the permission set is assigned to; otherwise the assignment fails at apply. Once the inventory has customerManagedPolicies, keyless checks every reference (permission sets and GitHub Actions roles) against the accounts listed there.",
    "Create the policy in the accounts named and add them to customerManagedPolicies in the inventory, or stop assigning the permission set there.",
  ),
  KL690: ack(
    "warning",
    "acknowledgement that matches no finding",
    "An acknowledgement whose rule and subject match no finding in its workspace file is stale (the finding was fixed or the subject renamed) and would silently cover a future finding.",
    "Remove it, or copy the subject exactly as keyless prints it.",
  ),
  KL691: ack(
    "error",
    "acknowledgement without a real reason",
    "An acknowledgement is a decision reviewers must be able to check; a reason of fewer than ten characters or a few words, or a placeholder (todo, n/a, fix later, temporary), explains nothing.",
    "Write a sentence saying why the finding is acceptable, for example who decided and until when.",
  ),
  KL692: ack(
    "error",
    "acknowledgement of a rule that cannot be acknowledged",
    "Schema, reference and hard-limit errors describe definitions AWS would reject or that cannot mean what they say; they must be fixed. GitHub trust rules are acknowledged on the role with allow.<kind>.",
    "Fix the finding instead; for GitHub trust rules use allow.<kind> on the role.",
  ),
  KL699: {
    ...ack(
      "error",
      "a rule failed",
      "A rule threw an exception while checking the plan. keyless reports it as a finding instead of crashing or silently skipping the rule, so the run fails and nothing unchecked is written.",
      "Report the message to the keyless maintainers; the other findings are still valid.",
    ),
    category: "plan",
  },
} as const satisfies Record<string, RuleInfo>;
