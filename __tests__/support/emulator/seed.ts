/**
 * Seeds: what already exists in "AWS" before a test's first apply (an existing organization, an
 * Identity Center instance with its sets, groups, users and assignments, per-account IAM, SCPs).
 * Objects are referred to by name; ids are given or derived like the emulator's own.
 */
import { AwsError } from "./errors";
import { accountIam, EmulatorState, emptyState, EPOCH, hex, identityStoreUuid, stableId, Tags } from "./state";

export interface SeedAccount {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** Root, OU id; @default the root */
  readonly parentId?: string;
  readonly state?: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";
  readonly tags?: Tags;
  /** Created through Organizations: has `OrganizationAccountAccessRole` trusting the management account. @default true */
  readonly createdByOrganizations?: boolean;
}
export interface SeedOrganizationalUnit {
  readonly id: string;
  readonly name: string;
  /** @default the root */
  readonly parentId?: string;
}
export interface SeedOrgPolicy {
  readonly id?: string;
  readonly name: string;
  /** @default SERVICE_CONTROL_POLICY */
  readonly type?: string;
  readonly content: string;
  readonly description?: string;
  /** Root, OU or account ids. */
  readonly targets?: readonly string[];
  readonly tags?: Tags;
}
export interface SeedPermissionSet {
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration?: string;
  readonly relayState?: string;
  readonly managedPolicies?: readonly string[];
  readonly customerManagedPolicies?: readonly { name: string; path?: string }[];
  readonly inlinePolicy?: string;
  readonly tags?: Tags;
}
export interface SeedAssignment {
  /** Permission set name. */
  readonly permissionSet: string;
  readonly accountId: string;
  /** Group display name or user name: exactly one. */
  readonly group?: string;
  readonly user?: string;
}
export interface SeedRole {
  readonly name: string;
  readonly path?: string;
  readonly assumeRolePolicy: string;
  readonly inlinePolicies?: Readonly<Record<string, string>>;
  readonly managedPolicies?: readonly string[];
  readonly tags?: Tags;
}
export interface SeedAccountIam {
  readonly roles?: readonly SeedRole[];
  readonly policies?: readonly { name: string; path?: string; document?: string }[];
  readonly oidcProviders?: readonly { url: string; clientIds?: readonly string[]; thumbprints?: readonly string[]; tags?: Tags }[];
}

export interface EmulatorSeed {
  readonly organization?: {
    readonly managementAccountId?: string;
    /** @default "management" */
    readonly managementAccountName?: string;
    readonly rootId?: string;
    readonly organizationalUnits?: readonly SeedOrganizationalUnit[];
    readonly accounts?: readonly SeedAccount[];
    readonly policies?: readonly SeedOrgPolicy[];
  };
  readonly identityCenter?: {
    readonly groups?: readonly { displayName: string; description?: string; externalId?: { issuer: string; id: string } }[];
    readonly users?: readonly { userName: string; displayName?: string; givenName?: string; familyName?: string; email?: string }[];
    readonly memberships?: readonly { group: string; user: string }[];
    readonly permissionSets?: readonly SeedPermissionSet[];
    readonly assignments?: readonly SeedAssignment[];
  };
  /** Per account id. */
  readonly iam?: Readonly<Record<string, SeedAccountIam>>;
}

const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

export function trustAccount(accountId: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "sts:AssumeRole" }] });
}

/** The state a seed describes. Throws on a seed that refers to something it does not declare. */
export function seededState(seed: EmulatorSeed = {}): EmulatorState {
  const o = seed.organization ?? {};
  const state = emptyState(o.managementAccountId, o.rootId ?? "o");
  const org = state.organization;
  if (o.rootId) {
    const full = org.policies.get("p-FullAWSAccess")!;
    full.targets = new Set([o.rootId]);
    org.rootId = o.rootId;
  }
  org.accounts.get(org.managementAccountId)!.name = o.managementAccountName ?? "management";
  for (const ou of o.organizationalUnits ?? []) {
    org.organizationalUnits.set(ou.id, { id: ou.id, name: ou.name, parentId: ou.parentId ?? org.rootId, tags: {} });
    org.policies.get("p-FullAWSAccess")!.targets.add(ou.id);
  }
  for (const a of o.accounts ?? []) {
    org.accounts.set(a.id, {
      id: a.id,
      name: a.name,
      email: a.email ?? `aws+${a.id}@example.com`,
      parentId: a.parentId ?? org.rootId,
      state: a.state ?? "ACTIVE",
      tags: { ...(a.tags ?? {}) },
    });
    org.policies.get("p-FullAWSAccess")!.targets.add(a.id);
    if (a.id !== org.managementAccountId && a.createdByOrganizations !== false)
      addRole(state, a.id, {
        name: "OrganizationAccountAccessRole",
        assumeRolePolicy: trustAccount(org.managementAccountId),
        managedPolicies: ["arn:aws:iam::aws:policy/AdministratorAccess"],
      });
  }
  for (const p of o.policies ?? []) {
    const type = p.type ?? "SERVICE_CONTROL_POLICY";
    const id = p.id ?? `p-${stableId(state, "org-policy", `${type}/${p.name}`).slice(0, 8)}`;
    org.enabledPolicyTypes.add(type);
    org.policies.set(id, {
      id,
      name: p.name,
      type,
      content: p.content,
      description: p.description ?? "",
      awsManaged: false,
      tags: { ...(p.tags ?? {}) },
      targets: new Set(p.targets ?? []),
    });
  }

  const ic = seed.identityCenter ?? {};
  const store = state.identityStore;
  const groupId = new Map<string, string>();
  const userId = new Map<string, string>();
  for (const g of ic.groups ?? []) {
    const id = identityStoreUuid(stableId(state, "group", g.displayName));
    groupId.set(g.displayName, id);
    store.groups.set(id, {
      GroupId: id,
      DisplayName: g.displayName,
      Description: g.description,
      ExternalIds: g.externalId ? [{ Issuer: g.externalId.issuer, Id: g.externalId.id }] : undefined,
    });
  }
  for (const u of ic.users ?? []) {
    const id = identityStoreUuid(stableId(state, "user", u.userName));
    userId.set(u.userName, id);
    store.users.set(id, {
      UserId: id,
      UserName: u.userName,
      DisplayName: u.displayName ?? u.userName,
      Name: { GivenName: u.givenName ?? u.userName, FamilyName: u.familyName ?? u.userName },
      Emails: u.email ? [{ Value: u.email, Type: "work", Primary: true }] : undefined,
    });
  }
  const need = (map: Map<string, string>, name: string, kind: string) => {
    const id = map.get(name);
    if (!id) throw new Error(`emulator seed: ${kind} ${name} is not declared in the seed`);
    return id;
  };
  for (const m of ic.memberships ?? []) {
    const g = need(groupId, m.group, "group");
    const u = need(userId, m.user, "user");
    const id = identityStoreUuid(stableId(state, "membership", `${g}/${u}`));
    store.memberships.set(id, { MembershipId: id, GroupId: g, MemberId: { UserId: u } });
  }
  const setArn = new Map<string, string>();
  const instanceId = state.identityCenter.instanceArn.split("/").pop();
  for (const p of ic.permissionSets ?? []) {
    const arn = `arn:aws:sso:::permissionSet/${instanceId}/ps-${stableId(state, "permission-set", p.name).slice(0, 16)}`;
    setArn.set(p.name, arn);
    state.identityCenter.permissionSets.set(arn, {
      arn,
      name: p.name,
      description: p.description,
      sessionDuration: p.sessionDuration ?? "PT1H",
      relayState: p.relayState,
      createdDate: EPOCH,
      tags: { ...(p.tags ?? {}) },
      managedPolicies: (p.managedPolicies ?? []).map((a) => ({ arn: a, name: a.split("/").pop()! })),
      customerManagedPolicies: (p.customerManagedPolicies ?? []).map((c) => ({ name: c.name, path: c.path ?? "/" })),
      inlinePolicy: p.inlinePolicy,
      provisionedAccounts: new Set(),
    });
  }
  for (const a of ic.assignments ?? []) {
    const arn = need(setArn, a.permissionSet, "permission set");
    if (!org.accounts.has(a.accountId)) throw new Error(`emulator seed: account ${a.accountId} is not declared in the seed`);
    const principal = a.group
      ? { principalType: "GROUP" as const, principalId: need(groupId, a.group, "group") }
      : { principalType: "USER" as const, principalId: need(userId, a.user ?? "", "user") };
    state.identityCenter.assignments.push({ permissionSetArn: arn, accountId: a.accountId, ...principal });
    state.identityCenter.permissionSets.get(arn)!.provisionedAccounts.add(a.accountId);
  }

  for (const [accountId, iam] of Object.entries(seed.iam ?? {})) {
    for (const r of iam.roles ?? []) addRole(state, accountId, r);
    const store = accountIam(state, accountId);
    for (const p of iam.policies ?? []) {
      const path = p.path ?? "/";
      const arn = `arn:aws:iam::${accountId}:policy${path}${p.name}`;
      store.policies.set(arn, { arn, name: p.name, path, policyId: `ANPA${hex(arn, 17).toUpperCase()}`, document: p.document ?? ALLOW_ALL, createDate: EPOCH });
    }
    for (const p of iam.oidcProviders ?? []) {
      const url = p.url.replace(/^https:\/\//, "");
      const arn = `arn:aws:iam::${accountId}:oidc-provider/${url}`;
      store.oidcProviders.set(arn, {
        arn,
        url,
        clientIds: [...(p.clientIds ?? ["sts.amazonaws.com"])],
        thumbprints: [...(p.thumbprints ?? [hex(`thumbprint:${url}`, 40)])],
        tags: { ...(p.tags ?? {}) },
        createDate: EPOCH,
      });
    }
  }
  return state;
}

function addRole(state: EmulatorState, accountId: string, r: SeedRole): void {
  const iam = accountIam(state, accountId);
  if (iam.roles.has(r.name)) throw new AwsError("EntityAlreadyExists", `emulator seed: role ${r.name} twice in ${accountId}`);
  const path = r.path ?? "/";
  iam.roles.set(r.name, {
    name: r.name,
    path,
    roleId: `AROA${stableId(state, `role:${accountId}`, r.name).slice(0, 17).toUpperCase()}`,
    arn: `arn:aws:iam::${accountId}:role${path}${r.name}`,
    assumeRolePolicyDocument: r.assumeRolePolicy,
    maxSessionDuration: 3600,
    tags: { ...(r.tags ?? {}) },
    createDate: EPOCH,
    inlinePolicies: new Map(Object.entries(r.inlinePolicies ?? {})),
    attachedPolicies: [...(r.managedPolicies ?? [])],
  });
}
