/**
 * The brownfield organization (support/brownfield-seed.ts) as a seed of the shared AWS emulator, plus
 * what its seed format does not take (permission set boundaries), applied to the state after start.
 */
import type { BrownfieldSeed } from "../brownfield-aws";
import type { EmulatorSeed } from "./seed";
import type { EmulatorState } from "./state";

export function emulatorSeedOf(b: BrownfieldSeed): EmulatorSeed {
  const groupName = new Map(b.groups.map((g) => [g.id, g.displayName]));
  const userName = new Map(b.users.map((u) => [u.id, u.userName]));
  const psName = new Map(b.permissionSets.map((p) => [p.arn, p.name]));
  const targets = (name: string) => [
    ...(b.rootPolicies.includes(name) ? [b.rootId] : []),
    ...b.ous.filter((o) => (o.policies ?? []).includes(name)).map((o) => o.id),
    ...b.accounts.filter((a) => (a.policies ?? []).includes(name)).map((a) => a.id),
  ];
  const iam: Record<string, NonNullable<EmulatorSeed["iam"]>[string]> = {};
  for (const a of b.accounts) {
    if (!a.oidcProviders?.length && !a.roles?.length) continue;
    iam[a.id] = {
      oidcProviders: (a.oidcProviders ?? []).map((p) => ({ url: `https://${p.url}`, clientIds: p.clientIds })),
      roles: (a.roles ?? []).map((r) => ({ name: r.name, path: r.path, assumeRolePolicy: r.trust, managedPolicies: r.managed, inlinePolicies: r.inline, tags: r.tags })),
      policies: (a.roles ?? [])
        .flatMap((r) => (r.managed ?? []).filter((m) => !m.includes(":aws:policy/")))
        .map((arn) => {
          const m = /:policy(\/.*\/|\/)([^/]+)$/.exec(arn)!;
          return { name: m[2], path: m[1] };
        }),
    };
  }
  return {
    organization: {
      managementAccountId: b.managementAccountId,
      managementAccountName: b.accounts.find((a) => a.id === b.managementAccountId)!.name,
      rootId: b.rootId,
      organizationalUnits: b.ous.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId })),
      // The management account too: its parent must be the seed's root (r-…), not the emulator's default one.
      accounts: b.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, parentId: a.parentId, state: (a.state ?? a.legacyStatus ?? "ACTIVE") as "ACTIVE", tags: a.tags })),
      policies: b.scps.map((p) => ({ id: p.id, name: p.name, description: p.description, content: p.content, targets: targets(p.name) })),
    },
    identityCenter: {
      groups: b.groups.map((g) => ({ displayName: g.displayName })),
      users: b.users.map((u) => ({ userName: u.userName, email: u.email })),
      permissionSets: b.permissionSets.map((p) => ({
        name: p.name,
        description: p.description,
        sessionDuration: p.sessionDuration,
        relayState: p.relayState,
        managedPolicies: p.managed,
        customerManagedPolicies: p.customer,
        inlinePolicy: p.inline,
        tags: p.tags,
      })),
      assignments: b.assignments.map((a) => ({
        permissionSet: psName.get(a.permissionSetArn)!,
        accountId: a.accountId,
        ...(a.principalType === "GROUP" ? { group: groupName.get(a.principalId)! } : { user: userName.get(a.principalId)! }),
      })),
    },
    iam,
  };
}

/** Boundaries, which the seed format has no field for. */
export function addBoundaries(state: EmulatorState, b: BrownfieldSeed): void {
  for (const p of b.permissionSets) {
    if (!p.boundary) continue;
    const set = [...state.identityCenter.permissionSets.values()].find((x) => x.name === p.name)!;
    set.permissionsBoundary = p.boundary.managedPolicyArn ? { managedPolicyArn: p.boundary.managedPolicyArn } : { customerManagedPolicyReference: { ...p.boundary.customer! } };
  }
}
