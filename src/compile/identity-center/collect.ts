import { WorkspaceContext } from "../context";
import { Declaration } from "../declarations";
import { identityCenterRegistry } from "./declarations";

/** Phase 1: record what this workspace owns, so references from every workspace can be checked. */
export function collectIdentityCenter(ctx: WorkspaceContext): void {
  const ic = ctx.def.identityCenter;
  if (!ic) return;
  const icr = identityCenterRegistry(ctx.registry);
  const decl = (...path: string[]): Declaration => ({ workspace: ctx.name, source: ctx.source, path: ["identityCenter", ...path] });
  for (const [key, ps] of Object.entries(ic.permissionSets ?? {})) {
    const d = { ...decl("permissionSets", key), name: ps.name ?? key };
    // The AWS name must be unique too, but a key clash already says so.
    if (ctx.registry.permissionSets.claim(key, d, ctx.reporter)) {
      ctx.registry.permissionSetNames.claim(d.name, ps.name ? { ...d, path: [...d.path, "name"] } : d, ctx.reporter);
    }
  }
  for (const [name, g] of Object.entries(ic.groups ?? {})) {
    const d = decl("groups", name);
    if (g.source === "managed") ctx.registry.managedGroups.claim(name, d, ctx.reporter);
    else ctx.registry.externalGroups.set(name, [...(ctx.registry.externalGroups.get(name) ?? []), d]);
  }
  for (const [name, u] of Object.entries(ic.users ?? {})) {
    const d = decl("users", name);
    if (u.source === "managed") icr.managedUsers.claim(name, d, ctx.reporter);
    else icr.externalUsers.set(name, [...(icr.externalUsers.get(name) ?? []), d]);
  }
  if (ic.accessControlAttributes) icr.accessControlAttributes.claim("instance", decl("accessControlAttributes"), ctx.reporter);
}

/**
 * Organization-wide check, run once after phase 1: no group or user is both external and managed.
 * (The instance's permission set quota is a plan rule: src/rules/checks/permission-sets-per-instance.ts.)
 */
export function checkGroupKinds(ctxs: readonly WorkspaceContext[]): void {
  if (ctxs.length === 0) return;
  const { registry, reporter } = ctxs[0];
  const icr = identityCenterRegistry(registry);
  const both = (what: string, external: Map<string, Declaration[]>, managedOf: (name: string) => Declaration | undefined) => {
    for (const [name, decls] of external) {
      const managed = managedOf(name);
      if (!managed) continue;
      for (const d of decls) {
        reporter.error(
          "KL205",
          d.source,
          [...d.path, "source"],
          `${what} "${name}" is external here but managed (created) by ${managed.source.file}; a ${what} comes from your IdP or from keyless, not both`,
          `declare "${name}" with one source everywhere`,
        );
      }
    }
  };
  both("group", registry.externalGroups, (n) => registry.managedGroups.get(n));
  both("user", icr.externalUsers, (n) => icr.managedUsers.get(n));
}
