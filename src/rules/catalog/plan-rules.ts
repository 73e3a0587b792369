import { ruleMaker, type RuleInfo } from "../rule-info";

const plan = ruleMaker("plan", { acknowledgeable: "acknowledgements" });
const ack = ruleMaker("acknowledgement");

/** KL6xx: rules over the compiled plan (src/rules/checks/), and acknowledgements. */
export const PLAN_RULES = {
  KL601: plan({
    severity: "error",
    summary: "administrator permission set in a production workspace outside the named admin groups",
    explanation:
      "An administrator permission set controls the account, IAM included. keyless decides semantically (the policy model): AdministratorAccess, or policies that together allow a privileged action on any resource (iam:*, IAMFullAccess, a NotAction Allow, * under a condition that always holds, NotResource, iam:PassRole or iam:CreateRole with a service that runs code). In a production workspace (rules.production: true, or a workspace named prod* that does not say production: false) it may only be assigned to the groups listed in rules.adminGroups, so who can administer production is a short, reviewed list. One finding per grant.",
    fix: "Assign a narrower permission set, or add the group to rules.adminGroups of the workspace; acknowledge a deliberate exception with its reason.",
  }),
  KL602: plan({
    severity: "warning",
    summary: "administrator permission set with a session longer than one hour",
    explanation:
      "Identity Center sessions last up to 12 hours and cannot be revoked early except by removing the assignment; an administrator session that outlives the task keeps full control of the account in a browser or a copied credential. AWS's default is PT1H.",
    fix: "Set sessionDuration: PT1H on the administrator permission set.",
  }),
  KL603: plan({
    severity: "warning",
    summary: "permission set declared but never assigned",
    explanation:
      "No assignment in any workspace grants the permission set, so it only adds a resource to review and may be a leftover or a typo in an assignment. Expired grants do not count as assignments.",
    fix: "Assign it, or delete it.",
  }),
  KL604: plan({
    severity: "warning",
    summary: "group declared but never assigned",
    explanation:
      "No assignment in any workspace grants the group a permission set: an external group is looked up for nothing, a managed group is created empty of access. Often a leftover or a misspelt name in an assignment.",
    fix: "Assign it, or delete it.",
  }),
  KL605: plan({
    severity: "warning",
    summary: "inline policy allows every action",
    explanation:
      "An inline Allow of * (or *:*), or a NotAction Allow, grants every action of every service, including IAM and Organizations, on the resources named; with Resource * it is administrator access written by hand and escapes reviews that look for AdministratorAccess. On GitHub Actions roles the same input is KL510, acknowledged with allow.administratorAccess.",
    fix: "List the actions needed, or use an AWS managed policy whose scope is documented.",
  }),
  KL606: plan({
    severity: "warning",
    summary: "customer-managed policy not declared present in a target account",
    explanation:
      "A permission set attaches customer-managed policies and boundaries by name and path, and AWS requires them to exist, with that name and path, in every account the permission set is assigned to; otherwise the assignment fails at apply. Once the inventory has customerManagedPolicies, keyless checks every reference (permission sets and GitHub Actions roles) against the accounts listed there.",
    fix: "Create the policy in the accounts named and add them to customerManagedPolicies in the inventory, or stop assigning the permission set there.",
  }),
  KL690: ack({
    severity: "warning",
    summary: "acknowledgement that matches no finding",
    explanation:
      "An acknowledgement whose rule and subject match no finding in its workspace file is stale (the finding was fixed or the subject renamed) and would silently cover a future finding.",
    fix: "Remove it, or copy the subject exactly as keyless prints it.",
  }),
  KL691: ack({
    severity: "error",
    summary: "acknowledgement without a real reason",
    explanation:
      "An acknowledgement is a decision reviewers must be able to check; a reason of fewer than ten characters or a few words, or a placeholder (todo, n/a, fix later, temporary), explains nothing.",
    fix: "Write a sentence saying why the finding is acceptable, for example who decided and until when.",
  }),
  KL692: ack({
    severity: "error",
    summary: "acknowledgement of a rule that cannot be acknowledged",
    explanation:
      "Schema, reference and hard-limit errors describe definitions AWS would reject or that cannot mean what they say; they must be fixed. GitHub trust rules are acknowledged on the role with allow.<kind>.",
    fix: "Fix the finding instead; for GitHub trust rules use allow.<kind> on the role.",
  }),
  KL699: plan({
    severity: "error",
    acknowledgeable: false,
    summary: "a rule failed",
    explanation:
      "A rule threw an exception while checking the plan. keyless reports it as a finding instead of crashing or silently skipping the rule, so the run fails and nothing unchecked is written.",
    fix: "Report the message to the keyless maintainers; the other findings are still valid.",
  }),
} as const satisfies Record<string, RuleInfo>;
