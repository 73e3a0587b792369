import { cmp } from "../../diagnostics/diagnostic";
import { suggestion } from "../../diagnostics/suggest";
import { AssignmentPlan, IdentityCenterPlan, ManagedGroupPlan, PermissionSetPlan, PrincipalType } from "../../plan";
import { managedPolicyArn, sortedTags, WorkspaceContext } from "../context";
import { renderChecked } from "../render-policy";

/** AWS limits for permission sets (AWS-FACTS.md, IAM Identity Center). */
export const IDENTITY_CENTER_LIMITS = {
  sessionMinMinutes: 60,
  sessionMaxMinutes: 12 * 60,
  inlinePolicyChars: 10_240,
  managedPoliciesPerPermissionSet: 20,
  managedPoliciesPerRoleDefault: 10,
} as const;

const DEFAULT_SESSION = "PT1H";

/** Phase 1: record what this workspace owns, so references from every workspace can be checked. */
export function collectIdentityCenter(ctx: WorkspaceContext): void {
  const ic = ctx.def.identityCenter;
  if (!ic) return;
  for (const [key, ps] of Object.entries(ic.permissionSets ?? {})) {
    const decl = { workspace: ctx.name, source: ctx.source, path: ["identityCenter", "permissionSets", key], name: ps.name ?? key };
    // The AWS name must be unique too, but a key clash already says so.
    if (ctx.registry.permissionSets.claim(key, decl, ctx.reporter)) {
      ctx.registry.permissionSetNames.claim(decl.name, ps.name ? { ...decl, path: [...decl.path, "name"] } : decl, ctx.reporter);
    }
  }
  for (const [name, g] of Object.entries(ic.groups ?? {})) {
    const decl = { workspace: ctx.name, source: ctx.source, path: ["identityCenter", "groups", name] };
    if (g.source === "managed") ctx.registry.managedGroups.claim(name, decl, ctx.reporter);
    else ctx.registry.externalGroups.set(name, [...(ctx.registry.externalGroups.get(name) ?? []), decl]);
  }
}

/** Checks that no group is declared both external and managed; run once, after phase 1. */
export function checkGroupKinds(ctxs: readonly WorkspaceContext[]): void {
  if (ctxs.length === 0) return;
  const { registry, reporter } = ctxs[0];
  for (const [name, decls] of registry.externalGroups) {
    const managed = registry.managedGroups.get(name);
    if (!managed) continue;
    for (const d of decls) {
      reporter.error(
        "KL205",
        d.source,
        [...d.path, "source"],
        `group "${name}" is external here but managed (created) by ${managed.source.file}; a group comes from your IdP or from keyless, not both`,
        `declare "${name}" with one source everywhere`,
      );
    }
  }
}

/** Phase 2: the workspace's Identity Center plan. */
export function compileIdentityCenter(ctx: WorkspaceContext): IdentityCenterPlan {
  const ic = ctx.def.identityCenter ?? {};
  const { reporter, source, registry, inventory } = ctx;
  const base = ["identityCenter"];
  const defaultSession = ic.defaults?.sessionDuration ?? DEFAULT_SESSION;
  if (ic.defaults?.sessionDuration) checkSession(ctx, ic.defaults.sessionDuration, [...base, "defaults", "sessionDuration"]);

  const permissionSets: PermissionSetPlan[] = [];
  for (const key of Object.keys(ic.permissionSets ?? {}).sort(cmp)) {
    const ps = ic.permissionSets![key];
    const at = [...base, "permissionSets", key];
    if (ps.sessionDuration) checkSession(ctx, ps.sessionDuration, [...at, "sessionDuration"]);
    const managed = ps.managedPolicies ?? [];
    if (managed.length > IDENTITY_CENTER_LIMITS.managedPoliciesPerPermissionSet) {
      reporter.error("KL303", source, [...at, "managedPolicies"], `${managed.length} managed policies, expected at most ${IDENTITY_CENTER_LIMITS.managedPoliciesPerPermissionSet} per permission set`, "merge policies or split the permission set");
    } else if (managed.length > IDENTITY_CENTER_LIMITS.managedPoliciesPerRoleDefault) {
      reporter.warn("KL304", source, [...at, "managedPolicies"], `${managed.length} managed policies: the role this permission set becomes allows ${IDENTITY_CENTER_LIMITS.managedPoliciesPerRoleDefault} by default`, "request the IAM 'managed policies per role' quota increase in every target account, or use fewer policies");
    }
    const inlinePolicy = ps.inlinePolicy ? renderChecked(ctx, ps.inlinePolicy, [...at, "inlinePolicy"], IDENTITY_CENTER_LIMITS.inlinePolicyChars, "KL302") : undefined;
    permissionSets.push({
      key,
      name: ps.name ?? key,
      description: ps.description,
      sessionDuration: ps.sessionDuration ?? defaultSession,
      relayState: ps.relayState,
      tags: sortedTags(ps.tags),
      managedPolicyArns: managed.map((m) => managedPolicyArn(m, inventory.partition)).sort(cmp),
      inlinePolicy,
    });
  }

  const managedGroups: ManagedGroupPlan[] = Object.entries(ic.groups ?? {})
    .filter(([, g]) => g.source === "managed")
    .map(([name, g]) => ({ name, description: g.description }))
    .sort((a, b) => cmp(a.name, b.name));

  const assignments = new Map<string, AssignmentPlan>();
  const psLookups = new Map<string, string>();
  const groupLookups = new Set<string>();
  const localGroups = new Set(managedGroups.map((g) => g.name));
  (ic.assignments ?? []).forEach((a, i) => {
    const at = [...base, "assignments", i];
    if (!a.groups?.length && !a.users?.length) {
      reporter.error("KL207", source, at, "the assignment names no groups and no users", "add groups: [<display name>] (or users: [<user name>])");
      return;
    }
    const principals: { type: PrincipalType; name: string }[] = [];
    (a.groups ?? []).forEach((g, j) => {
      const known = registry.managedGroups.get(g) ?? registry.externalGroups.get(g);
      if (!known) {
        const all = [...registry.managedGroups.keys(), ...registry.externalGroups.keys()];
        reporter.error("KL204", source, [...at, "groups", j], `group "${g}" is not declared in any workspace`, `${suggestion(g, all, "group")}; declare it under identityCenter.groups with source external (from your IdP) or managed`);
        return;
      }
      if (!localGroups.has(g)) groupLookups.add(g);
      principals.push({ type: "GROUP", name: g });
    });
    // Users are looked up by user name; the identity store keeps them.
    for (const u of a.users ?? []) principals.push({ type: "USER", name: u });

    const sets: string[] = [];
    a.permissionSets.forEach((key, j) => {
      const decl = registry.permissionSets.get(key);
      if (!decl) {
        reporter.error("KL203", source, [...at, "permissionSets", j], `permission set "${key}" is not declared in any workspace`, suggestion(key, registry.permissionSets.keys(), "permission set"));
        return;
      }
      if (decl.workspace !== ctx.name) psLookups.set(key, decl.name);
      sets.push(key);
    });

    const accounts = inventory.expand(a.targets, source, [...at, "targets"], reporter);
    if (accounts.length === 0) {
      reporter.warn("KL208", source, [...at, "targets"], "the targets reach no active account, so this assignment grants nothing", "check the OU paths, tags and exclusions");
    }
    for (const p of principals)
      for (const ps of sets)
        for (const acct of accounts) {
          const key = `${p.type.toLowerCase()}:${p.name}/${ps}/${acct.name}`;
          assignments.set(key, { key, principalType: p.type, principalName: p.name, permissionSet: ps, account: { name: acct.name, id: acct.id } });
        }
  });

  return {
    permissionSets,
    permissionSetLookups: [...psLookups.entries()].sort(([a], [b]) => cmp(a, b)).map(([key, name]) => ({ key, name })),
    managedGroups,
    groupLookups: [...groupLookups].sort(cmp),
    assignments: [...assignments.values()].sort((a, b) => cmp(a.key, b.key)),
  };
}

function checkSession(ctx: WorkspaceContext, duration: string, at: (string | number)[]): void {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  const minutes = m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
  const { sessionMinMinutes: min, sessionMaxMinutes: max } = IDENTITY_CENTER_LIMITS;
  if (!(minutes >= min && minutes <= max)) {
    ctx.reporter.error("KL301", ctx.source, at, `session duration ${duration} is ${minutes} minutes, expected PT1H to PT12H`, "use a duration between PT1H and PT12H, for example PT4H");
  }
}
