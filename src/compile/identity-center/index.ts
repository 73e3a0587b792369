import { cmp } from "../../diagnostics/diagnostic";
import { AccessControlAttributePlan, IdentityCenterPlan, PermissionSetPlan } from "../../plan";
import { WorkspaceContext } from "../context";
import { compileAssignments } from "./assignments";
import { DEFAULT_SESSION } from "./limits";
import { checkSession, compilePermissionSet } from "./permission-sets";
import { Principals } from "./principals";

export { checkGroupKinds, collectIdentityCenter } from "./collect";
export { IDENTITY_CENTER_LIMITS } from "./limits";

/** Phase 2: the workspace's Identity Center plan. */
export function compileIdentityCenter(ctx: WorkspaceContext): IdentityCenterPlan {
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

  return {
    permissionSets,
    permissionSetLookups: [...permissionSetLookups.entries()].sort(([a], [b]) => cmp(a, b)).map(([key, ref]) => ({ key, ...ref })),
    managedGroups: principals.managedGroups,
    groupLookups: lookups.groups,
    managedUsers: principals.managedUsers,
    userLookups: lookups.users,
    groupMemberships: principals.groupMemberships,
    ...(accessControlAttributes ? { accessControlAttributes } : {}),
    assignments,
  };
}
