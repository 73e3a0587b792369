import { FULL_AWS_ACCESS, SCP_LIMITS } from "../../aws-limits";
import type { ScpTargetPlan, WorkspacePlan } from "../../plan";
import type { Finding, InventoryView, PlanRule } from "../plan-rule";
import { subject } from "../subjects";

interface Attachment {
  readonly policy: string;
  readonly workspace: WorkspacePlan;
  readonly target: ScpTargetPlan;
}

/** The SCPs the inventory says are attached to a target outside keyless. */
function inventoryAttached(inventory: InventoryView, target: ScpTargetPlan): readonly string[] {
  if (target.kind === "root") return inventory.rootAttachedPolicies;
  if (target.kind === "ou") return inventory.ous.get(target.name)?.attachedPolicies ?? [];
  return inventory.accounts.get(target.name)?.attachedPolicies ?? [];
}

/**
 * KL402, across every workspace: on each root, OU and account, the SCPs keyless attaches (from all
 * workspaces), plus FullAWSAccess (counted once, listed or not), plus whatever the inventory says is
 * attached already (Control Tower, hand-made), must stay within five. One error per target, at the
 * first place that attaches a keyless SCP to it, naming every policy counted.
 */
export const scpAttachmentsPerTarget: PlanRule = {
  name: "scp-attachments-per-target",
  codes: ["KL402"],
  alsoOnErrors: true,
  check(ctx) {
    const byTarget = new Map<string, Attachment[]>();
    for (const workspace of ctx.plan.workspaces)
      for (const p of workspace.guardrails.policies)
        for (const target of p.targets) byTarget.set(target.id, [...(byTarget.get(target.id) ?? []), { policy: p.name, workspace, target }]);
    const out: Finding[] = [];
    for (const attachments of byTarget.values()) {
      const first = attachments[0];
      const counted = new Map<string, string>([[FULL_AWS_ACCESS, "never detached by keyless"]]);
      for (const name of inventoryAttached(ctx.inventory, first.target)) if (!counted.has(name)) counted.set(name, "attached already, per the inventory");
      for (const a of attachments) counted.set(a.policy, `keyless, ${a.workspace.file}`);
      const over = counted.size - SCP_LIMITS.policiesPerTarget;
      if (over <= 0) continue;
      const { kind, name } = first.target;
      const what = kind === "root" ? "the organization root" : kind === "ou" ? `OU "${name}"` : `account "${name}"`;
      const list = [...counted].map(([policy, why]) => `${policy} (${why})`).join(", ");
      out.push({
        code: "KL402",
        subject: subject.scpTarget(first.target.key),
        file: first.workspace.file,
        path: first.target.declaredAt,
        message: `${what} would have ${counted.size} SCPs attached, ${over} over the limit of ${SCP_LIMITS.policiesPerTarget}: ${list}`,
        fix: `attach ${over} fewer here: merge deny-only guardrails with the same targets (guardrails.merge: true), attach some to a parent OU or the root instead, or detach policies the inventory lists`,
      });
    }
    return out;
  },
};
