import type { WorkspacePlan } from "../../plan";
import type { Finding, PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** Whether the workspace runs Identity Center from a delegated administrator, not the management account. */
export const isDelegated = (w: WorkspacePlan, management: string) => w.aws.account.name !== management;

/**
 * KL801: a delegated administrator's workspace assigns into the management account.
 * KL802: a permission set owned by a delegated administrator's workspace is assigned into the
 * management account (by a workspace run from the management account; otherwise KL801 says it).
 */
export const delegatedAssignments: PlanRule = {
  name: "delegated-assignments",
  codes: ["KL801", "KL802"],
  check(ctx) {
    const management = ctx.inventory.managementAccount;
    const findings: Finding[] = [];
    const delegatedOwners = new Map<string, { w: WorkspacePlan; key: string }>();
    for (const w of ctx.plan.workspaces) {
      if (!isDelegated(w, management)) continue;
      for (const ps of w.identityCenter.permissionSets) delegatedOwners.set(ps.name, { w, key: ps.key });
    }
    const reported = new Set<string>();
    for (const w of ctx.plan.workspaces) {
      const names = new Map<string, string>([
        ...w.identityCenter.permissionSets.map((p) => [p.key, p.name] as const),
        ...w.identityCenter.permissionSetLookups.map((p) => [p.key, p.name] as const),
      ]);
      for (const a of w.identityCenter.assignments) {
        if (a.account.name !== management) continue;
        if (isDelegated(w, management)) {
          findings.push({
            code: "KL801",
            subject: subject.assignment(a),
            file: w.file,
            path: a.declaredAt ?? ["identityCenter", "assignments"],
            message: `permission set "${a.permissionSet}" is assigned to ${a.principalType.toLowerCase()} "${a.principalName}" in the management account ${management}, but this workspace runs from ${w.aws.account.name}, a delegated administrator: AWS refuses it assignments into the management account`,
            fix: "grant it from a workspace run from the management account, or leave the management account out of the targets",
          });
          continue;
        }
        const owner = delegatedOwners.get(names.get(a.permissionSet) ?? a.permissionSet);
        if (!owner || reported.has(owner.key)) continue;
        reported.add(owner.key);
        findings.push({
          code: "KL802",
          subject: subject.permissionSet(owner.key),
          file: owner.w.file,
          path: ["identityCenter", "permissionSets", owner.key],
          message: `permission set "${owner.key}" is owned by workspace ${owner.w.name}, run from the delegated administrator ${owner.w.aws.account.name}, but workspace ${w.name} assigns it into the management account ${management}: a delegated administrator cannot manage a permission set provisioned to the management account`,
          fix: "own the permission set in a workspace run from the management account, or do not assign it into the management account",
        });
      }
    }
    return findings;
  },
};
