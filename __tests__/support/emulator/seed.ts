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
  /** Described with the legacy `Status` only, no `State`. */
  readonly legacyStatusOnly?: boolean;
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
  /** @default derived from the name */
  readonly arn?: string;
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
  readonly description?: string;
  /** @default 3600 */
  readonly maxSessionDuration?: number;
  /** Policy ARN. */
  readonly permissionsBoundary?: string;
}
/** An IAM user with long-lived credentials. Dates: `YYYY-MM-DD` or ISO 8601; @default 2026-01-01. */
export interface SeedIamUser {
  readonly userName: string;
  readonly path?: string;
  readonly created?: string;
  readonly tags?: Tags;
  readonly groups?: readonly string[];
  readonly password?: { readonly created?: string; readonly lastUsed?: string };
  /** MFA device serial numbers. */
  readonly mfa?: readonly string[];
  readonly accessKeys?: readonly {
    readonly id: string;
    readonly status?: "Active" | "Inactive";
    readonly created?: string;
    readonly lastUsed?: { readonly date: string; readonly service: string; readonly region: string };
  }[];
  readonly sshKeys?: readonly { readonly id: string; readonly status?: "Active" | "Inactive"; readonly uploaded?: string }[];
  readonly signingCertificates?: readonly { readonly id: string; readonly status?: "Active" | "Inactive"; readonly uploaded?: string }[];
  readonly serviceCredentials?: readonly { readonly id: string; readonly service: string; readonly status?: "Active" | "Inactive"; readonly created?: string }[];
}
export interface SeedAccountIam {
  readonly users?: readonly SeedIamUser[];
  /** The root user's credentials. @default no password, no access keys, MFA on */
  readonly root?: { readonly password: boolean; readonly passwordLastUsed?: string; readonly accessKeys?: number; readonly mfa: boolean; readonly signingCertificates?: number };
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
    /** @default derived */
    readonly instanceArn?: string;
    /** @default derived */
    readonly identityStoreId?: string;
    readonly groups?: readonly { id?: string; displayName: string; description?: string; externalId?: { issuer: string; id: string } }[];
    readonly users?: readonly { id?: string; userName: string; displayName?: string; givenName?: string; familyName?: string; email?: string }[];
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
      ...(a.legacyStatusOnly ? { legacyStatusOnly: true } : {}),
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
  if (ic.instanceArn) state.identityCenter.instanceArn = ic.instanceArn;
  if (ic.identityStoreId) state.identityCenter.identityStoreId = ic.identityStoreId;
  const store = state.identityStore;
  const groupId = new Map<string, string>();
  const userId = new Map<string, string>();
  for (const g of ic.groups ?? []) {
    const id = g.id ?? identityStoreUuid(stableId(state, "group", g.displayName));
    groupId.set(g.displayName, id);
    store.groups.set(id, {
      GroupId: id,
      DisplayName: g.displayName,
      Description: g.description,
      ExternalIds: g.externalId ? [{ Issuer: g.externalId.issuer, Id: g.externalId.id }] : undefined,
    });
  }
  for (const u of ic.users ?? []) {
    const id = u.id ?? identityStoreUuid(stableId(state, "user", u.userName));
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
    const arn = p.arn ?? `arn:aws:sso:::permissionSet/${instanceId}/ps-${stableId(state, "permission-set", p.name).slice(0, 16)}`;
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
    for (const u of iam.users ?? []) addUser(state, accountId, u);
    if (iam.root)
      store.root = {
        password: iam.root.password,
        passwordLastUsed: iam.root.passwordLastUsed ? seconds(iam.root.passwordLastUsed) : undefined,
        accessKeys: iam.root.accessKeys ?? 0,
        mfa: iam.root.mfa,
        signingCertificates: iam.root.signingCertificates ?? 0,
      };
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
    description: r.description,
    maxSessionDuration: r.maxSessionDuration ?? 3600,
    permissionsBoundary: r.permissionsBoundary,
    tags: { ...(r.tags ?? {}) },
    createDate: EPOCH,
    inlinePolicies: new Map(Object.entries(r.inlinePolicies ?? {})),
    attachedPolicies: [...(r.managedPolicies ?? [])],
  });
}

/** A seed date (`YYYY-MM-DD` or ISO 8601) in seconds; absent: the emulator's epoch. */
function seconds(date: string | undefined): number {
  if (date === undefined) return EPOCH;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  if (!Number.isFinite(t)) throw new Error(`emulator seed: ${date} is not a date`);
  return Math.floor(t / 1000);
}

function addUser(state: EmulatorState, accountId: string, u: SeedIamUser): void {
  const iam = accountIam(state, accountId);
  if (iam.users.has(u.userName)) throw new Error(`emulator seed: IAM user ${u.userName} twice in ${accountId}`);
  const path = u.path ?? "/";
  iam.users.set(u.userName, {
    name: u.userName,
    path,
    userId: `AIDA${stableId(state, `user:${accountId}`, u.userName).slice(0, 17).toUpperCase()}`,
    arn: `arn:aws:iam::${accountId}:user${path}${u.userName}`,
    createDate: seconds(u.created),
    tags: { ...(u.tags ?? {}) },
    groups: [...(u.groups ?? [])],
    loginProfile: u.password
      ? { createDate: seconds(u.password.created ?? u.created), passwordLastUsed: u.password.lastUsed ? seconds(u.password.lastUsed) : undefined }
      : undefined,
    mfaDevices: (u.mfa ?? []).map((serialNumber) => ({ serialNumber, enableDate: seconds(u.created) })),
    accessKeys: (u.accessKeys ?? []).map((k) => ({
      id: k.id,
      status: k.status ?? "Active",
      createDate: seconds(k.created ?? u.created),
      lastUsed: k.lastUsed ? { date: seconds(k.lastUsed.date), service: k.lastUsed.service, region: k.lastUsed.region } : undefined,
    })),
    sshPublicKeys: (u.sshKeys ?? []).map((k) => ({ id: k.id, status: k.status ?? "Active", uploadDate: seconds(k.uploaded ?? u.created) })),
    signingCertificates: (u.signingCertificates ?? []).map((c) => ({ id: c.id, status: c.status ?? "Active", uploadDate: seconds(c.uploaded ?? u.created) })),
    serviceSpecificCredentials: (u.serviceCredentials ?? []).map((c) => ({
      id: c.id,
      serviceName: c.service,
      status: c.status ?? "Active",
      createDate: seconds(c.created ?? u.created),
    })),
  });
}
