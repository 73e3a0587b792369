import type { IdentityCenter, PermissionSet, Workspace } from "../../../modules/generated/workspace";
import type { SourceFile } from "../../load/source-file";
import type { Reporter } from "../reporter";

/**
 * Permission-set variants: `permissionSets.<key>.variants.<variantKey>` is one more permission set,
 * a copy of `<key>` (policies, boundary, tags) with the few fields the variant sets. Expanded here,
 * before anything else reads the definition, so the rest of the compiler sees ordinary permission
 * sets, each with its own stable key. The definition itself stays a permission set too: adding
 * variants to an existing one never replaces it.
 */
export function expandPermissionSetVariants(def: Workspace, source: SourceFile, reporter: Reporter): Workspace {
  const sets = def.identityCenter?.permissionSets;
  if (!sets || !Object.values(sets).some((ps) => ps.variants)) return def;
  const out: Record<string, PermissionSet> = {};
  for (const [key, ps] of Object.entries(sets)) {
    const { variants, ...base } = ps;
    out[key] = base;
  }
  for (const [key, ps] of Object.entries(sets)) {
    for (const [variantKey, v] of Object.entries(ps.variants ?? {})) {
      const at = ["identityCenter", "permissionSets", key, "variants", variantKey];
      if (variantKey in out) {
        reporter.error(
          "KL806",
          source,
          at,
          `variant key "${variantKey}" of permission set "${key}" is already the key of ${variantKey in sets ? "a permission set" : "another variant"} in this workspace`,
          `give the variant a key of its own, for example ${key}-${variantKey}`,
        );
        continue;
      }
      const { variants, ...base } = ps;
      out[variantKey] = {
        ...base,
        name: v.name,
        ...(v.description !== undefined ? { description: v.description } : {}),
        ...(v.sessionDuration !== undefined ? { sessionDuration: v.sessionDuration } : {}),
        ...(v.relayState !== undefined ? { relayState: v.relayState } : {}),
        ...(v.tags || base.tags ? { tags: { ...base.tags, ...v.tags } } : {}),
      };
      if (!v.name) delete out[variantKey].name;
    }
  }
  const identityCenter: IdentityCenter = { ...def.identityCenter, permissionSets: out };
  return { ...def, identityCenter };
}
