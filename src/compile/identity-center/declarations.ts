import { Registry, Declaration, OwnerMap } from "../declarations";

/**
 * Identity Center objects beyond the shared Registry (declarations and their owners, src/compile/declarations.ts;
 * not the rule registry): users and the instance's ABAC attributes.
 */
export interface IdentityCenterRegistry {
  /** Users created by one workspace. */
  readonly managedUsers: OwnerMap<Declaration>;
  /** External users: declared by any number of workspaces, looked up by each. */
  readonly externalUsers: Map<string, Declaration[]>;
  /** The instance's access-control attributes have one owner. */
  readonly accessControlAttributes: OwnerMap<Declaration>;
}

const byRegistry = new WeakMap<Registry, IdentityCenterRegistry>();

/** The Identity Center registry of a compile run (one per shared Registry). */
export function identityCenterRegistry(registry: Registry): IdentityCenterRegistry {
  let r = byRegistry.get(registry);
  if (!r) {
    r = {
      managedUsers: new OwnerMap<Declaration>("managed user"),
      externalUsers: new Map(),
      accessControlAttributes: new OwnerMap<Declaration>("set of instance access-control attributes"),
    };
    byRegistry.set(registry, r);
  }
  return r;
}
