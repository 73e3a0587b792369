/**
 * The emulated world: one organization, its Identity Center instance and identity store, and each
 * account's IAM. Plain data that handlers change and tests inspect (`emulator.state`). Ids and dates
 * are derived from content (names and a per-name generation), never from call order or the clock, so
 * parallel Terraform runs see the same ids on every run.
 */
import { createHash } from "node:crypto";

export type Tags = Record<string, string>;

export interface Account {
  readonly id: string;
  name: string;
  email: string;
  parentId: string;
  state: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";
  tags: Tags;
  /** Answered with the legacy `Status` only, no `State` (accounts as Organizations described them before 2026-09). */
  legacyStatusOnly?: boolean;
}
export interface OrganizationalUnit {
  readonly id: string;
  name: string;
  parentId: string;
  tags: Tags;
}
export interface OrgPolicy {
  readonly id: string;
  name: string;
  description: string;
  type: string;
  content: string;
  awsManaged: boolean;
  tags: Tags;
  /** Target ids (root, OU, account) the policy is attached to. */
  targets: Set<string>;
}
export interface Organization {
  id: string;
  managementAccountId: string;
  rootId: string;
  /** Policy types enabled on the root. */
  enabledPolicyTypes: Set<string>;
  accounts: Map<string, Account>;
  organizationalUnits: Map<string, OrganizationalUnit>;
  policies: Map<string, OrgPolicy>;
}

export interface PermissionSet {
  readonly arn: string;
  name: string;
  description?: string;
  sessionDuration: string;
  relayState?: string;
  createdDate: number;
  tags: Tags;
  managedPolicies: { arn: string; name: string }[];
  customerManagedPolicies: { name: string; path: string }[];
  inlinePolicy?: string;
  permissionsBoundary?: { managedPolicyArn?: string; customerManagedPolicyReference?: { name: string; path: string } };
  /** Accounts the set is provisioned to (it has an assignment there, or was provisioned explicitly). */
  provisionedAccounts: Set<string>;
}
export interface AccountAssignment {
  permissionSetArn: string;
  accountId: string;
  principalType: "GROUP" | "USER";
  principalId: string;
}
export interface AccessControlAttribute {
  Key: string;
  Value: { Source: string[] };
}
export interface IdentityCenter {
  instanceArn: string;
  identityStoreId: string;
  ownerAccountId: string;
  name?: string;
  createdDate: number;
  permissionSets: Map<string, PermissionSet>;
  assignments: AccountAssignment[];
  accessControlAttributes?: AccessControlAttribute[];
  /** Asynchronous requests (assignment creation/deletion, provisioning), all completed at once. */
  requests: Map<string, Record<string, unknown>>;
}

export interface Group {
  GroupId: string;
  DisplayName: string;
  Description?: string;
  ExternalIds?: { Issuer: string; Id: string }[];
}
export interface User {
  UserId: string;
  UserName: string;
  DisplayName?: string;
  Name?: Record<string, string>;
  Emails?: { Value: string; Type?: string; Primary?: boolean }[];
  ExternalIds?: { Issuer: string; Id: string }[];
  [attribute: string]: unknown;
}
export interface Membership {
  MembershipId: string;
  GroupId: string;
  MemberId: { UserId: string };
}
export interface IdentityStore {
  groups: Map<string, Group>;
  users: Map<string, User>;
  memberships: Map<string, Membership>;
}

export interface Role {
  name: string;
  path: string;
  roleId: string;
  arn: string;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Tags;
  createDate: number;
  inlinePolicies: Map<string, string>;
  attachedPolicies: string[];
}
export interface ManagedPolicy {
  arn: string;
  name: string;
  path: string;
  policyId: string;
  document: string;
  createDate: number;
}
export interface OidcProvider {
  arn: string;
  url: string;
  clientIds: string[];
  thumbprints: string[];
  tags: Tags;
  createDate: number;
}
/** An IAM user and its long-lived credentials (dates in seconds since the epoch). */
export interface IamUser {
  name: string;
  path: string;
  userId: string;
  arn: string;
  createDate: number;
  tags: Tags;
  /** IAM group names. */
  groups: string[];
  loginProfile?: { createDate: number; passwordLastUsed?: number };
  mfaDevices: { serialNumber: string; enableDate: number }[];
  accessKeys: { id: string; status: "Active" | "Inactive"; createDate: number; lastUsed?: { date: number; service: string; region: string } }[];
  sshPublicKeys: { id: string; status: "Active" | "Inactive"; uploadDate: number }[];
  signingCertificates: { id: string; status: "Active" | "Inactive"; uploadDate: number }[];
  serviceSpecificCredentials: { id: string; serviceName: string; status: "Active" | "Inactive"; createDate: number }[];
}
/** The account's root user's credentials. */
export interface RootCredentials {
  password: boolean;
  passwordLastUsed?: number;
  accessKeys: number;
  mfa: boolean;
  signingCertificates: number;
}
export interface AccountIam {
  roles: Map<string, Role>;
  policies: Map<string, ManagedPolicy>;
  oidcProviders: Map<string, OidcProvider>;
  /** IAM users by name (services/iam-users.ts). */
  users: Map<string, IamUser>;
  /** @default no password, no access keys, MFA on */
  root?: RootCredentials;
}

export interface EmulatorState {
  organization: Organization;
  identityCenter: IdentityCenter;
  identityStore: IdentityStore;
  /** IAM per account id; created on first use. */
  iam: Map<string, AccountIam>;
  /** How many objects of a kind+name were created, so a recreated object gets a new id. */
  generations: Map<string, number>;
  /** Temporary credentials STS issued: access key id -> who they belong to. */
  sessions: Map<string, { accountId: string; arn: string; userId: string }>;
}

/** 2026-01-01T00:00:00Z: every creation date (seconds), so output never depends on the clock. */
export const EPOCH = 1767225600;

export function hex(seed: string, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
  return out.slice(0, length);
}

/** A stable id for the `n`-th object of `kind` named `name`. */
export function stableId(state: EmulatorState, kind: string, name: string): string {
  const key = `${kind}:${name}`;
  const n = (state.generations.get(key) ?? 0) + 1;
  state.generations.set(key, n);
  return hex(`${key}:${n}`, 40);
}

/** Identity store ids: `<10 hex>-<uuid>`, the shape the provider validates. */
export function identityStoreUuid(seed: string): string {
  const h = hex(seed, 42);
  return `${h.slice(0, 10)}-${h.slice(10, 18)}-${h.slice(18, 22)}-${h.slice(22, 26)}-${h.slice(26, 30)}-${h.slice(30, 42)}`;
}

export function accountIam(state: EmulatorState, accountId: string): AccountIam {
  let iam = state.iam.get(accountId);
  if (!iam) {
    iam = { roles: new Map(), policies: new Map(), oidcProviders: new Map(), users: new Map() };
    state.iam.set(accountId, iam);
  }
  return iam;
}

export const DEFAULT_MANAGEMENT_ACCOUNT = "111111111111";

/** An empty organization with only its management account and an enabled Identity Center instance. */
export function emptyState(managementAccountId = DEFAULT_MANAGEMENT_ACCOUNT, orgSeed = "o"): EmulatorState {
  const orgId = `o-${hex(`org:${orgSeed}`, 10)}`;
  const rootId = `r-${hex(`root:${orgSeed}`, 4)}`;
  const instance = `ssoins-${hex(`instance:${orgSeed}`, 16)}`;
  const fullAccess: OrgPolicy = {
    id: "p-FullAWSAccess",
    name: "FullAWSAccess",
    description: "Allows access to every operation",
    type: "SERVICE_CONTROL_POLICY",
    content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    awsManaged: true,
    tags: {},
    targets: new Set([rootId]),
  };
  return {
    organization: {
      id: orgId,
      managementAccountId,
      rootId,
      enabledPolicyTypes: new Set(["SERVICE_CONTROL_POLICY"]),
      accounts: new Map([
        [managementAccountId, { id: managementAccountId, name: "management", email: `aws+${managementAccountId}@example.com`, parentId: rootId, state: "ACTIVE", tags: {} }],
      ]),
      organizationalUnits: new Map(),
      policies: new Map([[fullAccess.id, fullAccess]]),
    },
    identityCenter: {
      instanceArn: `arn:aws:sso:::instance/${instance}`,
      identityStoreId: `d-${hex(`store:${orgSeed}`, 10)}`,
      ownerAccountId: managementAccountId,
      createdDate: EPOCH,
      permissionSets: new Map(),
      assignments: [],
      requests: new Map(),
    },
    identityStore: { groups: new Map(), users: new Map(), memberships: new Map() },
    iam: new Map(),
    generations: new Map(),
    sessions: new Map(),
  };
}
