import { cmp } from "../diagnostics/diagnostic";
import type { AccessPlan, WorkspacePlan } from "../plan";

/**
 * Workspaces in the order to apply them: a workspace that looks up what another one owns (a
 * permission set, a managed group or user, a GitHub OIDC provider) comes after its owner. Ties by
 * name. A reference cycle (which the one-owner rule makes unlikely) is broken by name order.
 */
export function applyOrder(plan: AccessPlan): string[] {
  const owner = new Map<string, string>();
  for (const ws of plan.workspaces) {
    for (const ps of ws.identityCenter.permissionSets) owner.set(`ps:${ps.key}`, ws.name);
    for (const g of ws.identityCenter.managedGroups) owner.set(`group:${g.name}`, ws.name);
    for (const u of ws.identityCenter.managedUsers ?? []) owner.set(`user:${u.userName}`, ws.name);
    for (const p of ws.githubOidc.providers) owner.set(`provider:${p.account.name}`, ws.name);
  }
  const uses = (ws: WorkspacePlan): string[] => [
    ...ws.identityCenter.permissionSetLookups.map((l) => `ps:${l.key}`),
    ...ws.identityCenter.groupLookups.map((g) => `group:${g}`),
    ...(ws.identityCenter.userLookups ?? []).map((u) => `user:${u}`),
    ...ws.githubOidc.roles.map((r) => `provider:${r.account.name}`),
  ];
  const deps = new Map(
    plan.workspaces.map((ws) => [
      ws.name,
      new Set(
        uses(ws)
          .map((k) => owner.get(k))
          .filter((o): o is string => !!o && o !== ws.name),
      ),
    ]),
  );
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const d = Math.max(-1, ...[...(deps.get(name) ?? [])].map(depthOf)) + 1;
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  return plan.workspaces.map((w) => w.name).sort((a, b) => depthOf(a) - depthOf(b) || cmp(a, b));
}
