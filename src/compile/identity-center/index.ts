import { cmp } from "../../diagnostics/diagnostic";
import { AccessControlAttributePlan, BackendPlan, IdentityCenterPlan, PermissionSetPlan } from "../../plan";
import { WorkspaceContext } from "../context";
import { compileAssignments } from "./assignments";
import { DEFAULT_SESSION } from "../../aws-limits";
import { checkSession, compilePermissionSet } from "./permission-sets";
import { Principals } from "./principals";

export { checkGroupKinds, collectIdentityCenter } from "./collect";
export { IDENTITY_CENTER_LIMITS } from "../../aws-limits";

/** Phase 2: the workspace's Identity Center plan; `backendOf` gives another workspace's backend. */
export function compileIdentityCenter(ctx: WorkspaceContext, backendOf: (workspace: string) => BackendPlan): IdentityCenterPlan {
  const ic = ctx.def.identityCenter ?? {};
  const base = ["identityCenter"];
  const defaultSession = ic.defaults?.sessionDuration ?? DEFAULT_SESSION;
  if (ic.defaults?.sessionDuration) checkSession(ctx, ic.defaults.sessionDuration, [...base, "defaults", "sessionDuration"]);

  const permissionSets: PermissionSetPlan[] = Object.keys(ic.permissionSets ?? {})
    .sort(cmp)
    .map((key) => compilePermissionSet(ctx, key, ic.permissionSets![key], defaultSession, [...base, "permissionSets", key]));

  const principals = new Principals(ctx);
  const { assignments, permissionSetLookups } = compileAssignments(ctx, principals);
  const lookups = principals.lookups();

  const abac = ic.accessControlAttributes;
  const accessControlAttributes: AccessControlAttributePlan[] | undefined = abac
    ? Object.keys(abac)
        .sort(cmp)
        .map((key) => ({ key, sources: [...abac[key]] }))
    : undefined;

  const owners = [...new Set([...permissionSetLookups.values()].map((l) => l.workspace))].sort(cmp);
  return {
    permissionSets,
    permissionSetLookups: [...permissionSetLookups.entries()].sort(([a], [b]) => cmp(a, b)).map(([key, ref]) => ({ key, ...ref })),
    permissionSetOwners: owners.map((workspace) => ({ workspace, backend: backendOf(workspace) })),
    managedGroups: principals.managedGroups,
    groupLookups: lookups.groups,
    pinnedGroups: lookups.pinnedGroups,
    managedUsers: principals.managedUsers,
    userLookups: lookups.users,
    pinnedUsers: lookups.pinnedUsers,
    groupMemberships: principals.groupMemberships,
    ...(accessControlAttributes ? { accessControlAttributes } : {}),
    assignments,
  };
}
