/**
 * The brownfield organization (support/brownfield-seed.ts) as a seed of the shared AWS emulator, plus
 * what its seed format does not take (permission set boundaries), applied to the state after start.
 */
import type { BrownfieldSeed } from "../brownfield-seed";
import { Emulator, startEmulator } from "./index";
import { EmulatorSeed, trustAccount } from "./seed";
import type { EmulatorState } from "./state";

export interface BrownfieldSeedOptions {
  /**
   * Keep the seed's own ids (Identity Center instance, identity store, users, groups, permission set
   * ARNs), which tests assert on; otherwise the emulator derives ids in the shapes the Terraform
   * provider validates.
   */
  readonly exactIds?: boolean;
  /** More roles in every member account, trusting the management account (as `--member-role`). */
  readonly memberRoles?: readonly string[];
}

export function emulatorSeedOf(b: BrownfieldSeed, opts: BrownfieldSeedOptions = {}): EmulatorSeed {
  const exact = opts.exactIds === true;
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
    const memberRoles = a.id === b.managementAccountId ? [] : (opts.memberRoles ?? []);
    if (!a.oidcProviders?.length && !a.roles?.length && !a.iamUsers?.length && !a.root && !memberRoles.length) continue;
    iam[a.id] = {
      users: (a.iamUsers ?? []).map((u) => ({
        userName: u.userName,
        created: u.created,
        tags: u.tags,
        groups: u.groups,
        password: u.password,
        mfa: u.mfa,
        accessKeys: u.accessKeys,
        sshKeys: u.sshKeys,
        signingCertificates: u.signingCertificates,
        serviceCredentials: u.serviceCredentials,
      })),
      root: a.root,
      oidcProviders: (a.oidcProviders ?? []).map((p) => ({ url: `https://${p.url}`, clientIds: p.clientIds })),
      roles: [
        ...memberRoles.map((name) => ({ name, assumeRolePolicy: trustAccount(b.managementAccountId), managedPolicies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] })),
        ...(a.roles ?? []).map((r) => ({
          name: r.name,
          path: r.path,
          description: r.description,
          maxSessionDuration: r.maxSessionDuration,
          permissionsBoundary: r.boundary,
          assumeRolePolicy: r.trust,
          managedPolicies: r.managed,
          inlinePolicies: r.inline,
          tags: r.tags,
        })),
      ],
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
      accounts: b.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        email: a.email,
        parentId: a.parentId,
        state: a.state ?? ((a.legacyStatus ?? "ACTIVE") as "ACTIVE"),
        tags: a.tags,
        ...(a.legacyStatus ? { legacyStatusOnly: true } : {}),
      })),
      policies: b.scps.map((p) => ({ id: p.id, name: p.name, description: p.description, content: p.content, targets: targets(p.name) })),
    },
    identityCenter: {
      ...(exact ? { instanceArn: b.instanceArn, identityStoreId: b.identityStoreId } : {}),
      groups: b.groups.map((g) => ({ ...(exact ? { id: g.id } : {}), displayName: g.displayName })),
      users: b.users.map((u) => ({ ...(exact ? { id: u.id } : {}), userName: u.userName, email: u.email })),
      permissionSets: b.permissionSets.map((p) => ({
        ...(exact ? { arn: p.arn } : {}),
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

/**
 * The shared emulator holding the brownfield organization exactly as seeded: its own ids, its
 * boundaries, and FullAWSAccess attached where the seed attaches it only (the emulator's seed attaches
 * it to every account, as AWS does on creation).
 */
export async function startBrownfieldEmulator(b: BrownfieldSeed, opts: BrownfieldSeedOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator({ seed: emulatorSeedOf(b, { exactIds: true, ...opts }) });
  addBoundaries(emulator.state, b);
  const fullAccess = emulator.state.organization.policies.get("p-FullAWSAccess")!;
  fullAccess.targets = new Set([
    ...(b.rootPolicies.includes("FullAWSAccess") ? [b.rootId] : []),
    ...b.ous.filter((o) => (o.policies ?? []).includes("FullAWSAccess")).map((o) => o.id),
    ...b.accounts.filter((a) => (a.policies ?? []).includes("FullAWSAccess")).map((a) => a.id),
  ]);
  return emulator;
}
