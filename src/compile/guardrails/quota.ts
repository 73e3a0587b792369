import { GuardrailsPlan, ScpTargetPlan } from "../../plan";
import { WorkspaceContext } from "../context";
import { FULL_AWS_ACCESS, SCP_LIMITS } from "./limits";
import { inventoryAttached } from "./targets";

interface Attachment {
  readonly policy: string;
  readonly ctx: WorkspaceContext;
  readonly target: ScpTargetPlan;
}

/**
 * The per-target quota, across every workspace: on each root, OU and account, the SCPs that keyless
 * attaches (from all workspaces), plus FullAWSAccess (counted once, listed or not), plus whatever the
 * inventory says is attached already (Control Tower, hand-made), must stay within five. One error per
 * target, at the first place that attaches a keyless SCP to it, naming every policy counted.
 */
export function checkScpQuotas(workspaces: readonly { readonly ctx: WorkspaceContext; readonly plan: GuardrailsPlan }[]): void {
  const byTarget = new Map<string, Attachment[]>();
  for (const { ctx, plan } of workspaces) {
    for (const p of plan.policies) {
      for (const t of p.targets) byTarget.set(t.id, [...(byTarget.get(t.id) ?? []), { policy: p.name, ctx, target: t }]);
    }
  }
  for (const attachments of byTarget.values()) {
    const first = attachments[0];
    const counted = new Map<string, string>([[FULL_AWS_ACCESS, "never detached by keyless"]]);
    for (const name of inventoryAttached(first.ctx, first.target)) if (!counted.has(name)) counted.set(name, "attached already, per the inventory");
    for (const a of attachments) counted.set(a.policy, `keyless, ${a.ctx.source.file}`);
    const over = counted.size - SCP_LIMITS.policiesPerTarget;
    if (over <= 0) continue;
    const { kind, name } = first.target;
    const what = kind === "root" ? "the organization root" : kind === "ou" ? `OU "${name}"` : `account "${name}"`;
    const list = [...counted].map(([policy, why]) => `${policy} (${why})`).join(", ");
    first.ctx.reporter.error(
      "KL402",
      first.ctx.source,
      first.target.declaredAt,
      `${what} would have ${counted.size} SCPs attached, ${over} over the limit of ${SCP_LIMITS.policiesPerTarget}: ${list}`,
      `attach ${over} fewer here: merge deny-only guardrails with the same targets (guardrails.merge: true), attach some to a parent OU or the root instead, or detach policies the inventory lists`,
    );
  }
}
