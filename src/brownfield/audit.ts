/**
 * The IAM credential audit: what long-lived credentials remain in each account, and the migration plan
 * that retires them (the Identity Center user or group that replaces each IAM user, the keys safe to
 * deactivate first, what still blocks). Pure: `src/aws/` reads the snapshot, this turns it into a report.
 */

export interface AccessKeySnapshot {
  readonly id: string;
  readonly status: "Active" | "Inactive" | string;
  /** YYYY-MM-DD. */
  readonly created: string;
  readonly lastUsed?: { readonly date?: string; readonly service?: string; readonly region?: string };
}

export interface CredentialSnapshot {
  readonly id: string;
  readonly status: string;
  readonly created?: string;
  /** Service-specific credentials only: the service they are for. */
  readonly service?: string;
}

export interface IamUserSnapshot {
  readonly userName: string;
  readonly arn: string;
  readonly created: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly groups: readonly string[];
  /** Console password (login profile); absent when the user has none. */
  readonly password?: { readonly created?: string; readonly lastUsed?: string };
  readonly mfaDevices: readonly string[];
  readonly accessKeys: readonly AccessKeySnapshot[];
  readonly sshKeys: readonly CredentialSnapshot[];
  readonly signingCertificates: readonly CredentialSnapshot[];
  readonly serviceCredentials: readonly CredentialSnapshot[];
}

export interface RootSnapshot {
  readonly password: boolean;
  readonly passwordLastUsed?: string;
  readonly activeAccessKeys: number;
  readonly mfa: boolean;
  readonly signingCertificates: number;
}

export interface AccountAuditSnapshot {
  readonly id: string;
  readonly name: string;
  /** Why the account could not be read (role missing, access denied); then nothing else is known. */
  readonly error?: string;
  readonly users: readonly IamUserSnapshot[];
  readonly root?: RootSnapshot;
}

export interface DirectorySnapshot {
  readonly users: readonly { readonly userName: string; readonly emails: readonly string[] }[];
  readonly groups: readonly string[];
}

export const UNUSED_DAYS = 90;

export interface AuditedKey extends AccessKeySnapshot {
  readonly ageDays: number;
  /** Days since last use; absent when never used. */
  readonly idleDays?: number;
  /** Active and unused for 90 days or more: safe to deactivate first. */
  readonly deactivateFirst: boolean;
}

export interface AuditedUser extends Omit<IamUserSnapshot, "accessKeys"> {
  readonly accessKeys: readonly AuditedKey[];
  /** The Identity Center user (by user name or email) or group (by IAM group name) that replaces it. */
  readonly replacement?: { readonly kind: "user" | "group"; readonly name: string; readonly matchedBy: string };
  /** What still stands between this user and deletion. */
  readonly blocking: readonly string[];
  /** Long-lived credentials this user still holds (active keys, password, SSH keys, certificates, service credentials). */
  readonly longLived: number;
}

export interface AuditedAccount {
  readonly id: string;
  readonly name: string;
  readonly error?: string;
  readonly users: readonly AuditedUser[];
  readonly root?: RootSnapshot & { readonly blocking: readonly string[] };
}

export interface AuditTotals {
  readonly accounts: number;
  readonly unreadable: number;
  readonly users: number;
  readonly passwords: number;
  readonly activeAccessKeys: number;
  readonly keysToDeactivateFirst: number;
  readonly sshKeys: number;
  readonly signingCertificates: number;
  readonly serviceCredentials: number;
  readonly rootPasswords: number;
  readonly rootAccessKeys: number;
  readonly rootWithoutMfa: number;
  /** Every long-lived credential left: the command exits non-zero while this is not 0. */
  readonly longLived: number;
}

export interface AuditReport {
  readonly kind: "keyless-audit";
  readonly version: 1;
  readonly date: string;
  readonly accounts: readonly AuditedAccount[];
  readonly totals: AuditTotals;
}

export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to.slice(0, 10) + "T00:00:00Z") - Date.parse(from.slice(0, 10) + "T00:00:00Z")) / 86_400_000);
}

const active = (c: { status: string }) => c.status === "Active";

export function buildAudit(accounts: readonly AccountAuditSnapshot[], directory: DirectorySnapshot, date: string): AuditReport {
  const byName = new Map(directory.users.map((u) => [u.userName.toLowerCase(), u.userName]));
  const byEmail = new Map<string, string>();
  for (const u of directory.users) for (const e of u.emails) byEmail.set(e.toLowerCase(), u.userName);
  const groups = new Map(directory.groups.map((g) => [g.toLowerCase(), g]));

  const out: AuditedAccount[] = [...accounts]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((a) => {
      const users = [...a.users].sort((x, y) => (x.userName < y.userName ? -1 : 1)).map((u) => auditUser(u, date, byName, byEmail, groups));
      const root = a.root && { ...a.root, blocking: rootBlocking(a.root) };
      return { id: a.id, name: a.name, ...(a.error ? { error: a.error } : {}), users, ...(root ? { root } : {}) };
    });
  return { kind: "keyless-audit", version: 1, date, accounts: out, totals: totals(out) };
}

function auditUser(u: IamUserSnapshot, date: string, byName: Map<string, string>, byEmail: Map<string, string>, groups: Map<string, string>): AuditedUser {
  const keys: AuditedKey[] = [...u.accessKeys]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((k) => {
      const idleDays = k.lastUsed?.date ? daysBetween(k.lastUsed.date, date) : undefined;
      const ageDays = daysBetween(k.created, date);
      return { ...k, ageDays, ...(idleDays !== undefined ? { idleDays } : {}), deactivateFirst: active(k) && (idleDays ?? ageDays) >= UNUSED_DAYS };
    });
  const email = u.tags.email ?? u.tags.Email ?? (u.userName.includes("@") ? u.userName : undefined);
  let replacement: AuditedUser["replacement"];
  const nameMatch = byName.get(u.userName.toLowerCase());
  if (nameMatch) replacement = { kind: "user", name: nameMatch, matchedBy: "user name" };
  else if (email && byEmail.get(email.toLowerCase())) replacement = { kind: "user", name: byEmail.get(email.toLowerCase())!, matchedBy: "email" };
  else {
    const g = u.groups.map((n) => groups.get(n.toLowerCase())).find((x) => x !== undefined);
    if (g) replacement = { kind: "group", name: g, matchedBy: "IAM group name" };
  }
  const blocking: string[] = [];
  const inUse = keys.filter((k) => active(k) && !k.deactivateFirst);
  if (inUse.length) blocking.push(`${inUse.length} active access key(s) used in the last ${UNUSED_DAYS} days: move the workload to a role first`);
  const idle = keys.filter((k) => k.deactivateFirst);
  if (idle.length) blocking.push(`${idle.length} access key(s) unused for ${UNUSED_DAYS}+ days: deactivate them first`);
  if (u.password) blocking.push("console password: sign in through Identity Center instead, then delete the login profile");
  const ssh = u.sshKeys.filter(active).length;
  if (ssh) blocking.push(`${ssh} SSH public key(s) (CodeCommit): use Identity Center credentials with git-remote-codecommit`);
  const certs = u.signingCertificates.filter(active).length;
  if (certs) blocking.push(`${certs} signing certificate(s)`);
  const svc = u.serviceCredentials.filter(active);
  if (svc.length) blocking.push(`${svc.length} service-specific credential(s) (${[...new Set(svc.map((s) => s.service ?? "?"))].sort().join(", ")})`);
  if (!replacement) blocking.push("no Identity Center user or group matches (by user name, email tag or IAM group): create or map one");
  const longLived = keys.filter(active).length + (u.password ? 1 : 0) + ssh + certs + svc.length;
  return { ...u, accessKeys: keys, ...(replacement ? { replacement } : {}), blocking, longLived };
}

function rootBlocking(r: RootSnapshot): string[] {
  const b: string[] = [];
  if (r.activeAccessKeys) b.push(`${r.activeAccessKeys} root access key(s): delete them (sts:AssumeRoot with the IAMDeleteRootUserCredentials task policy)`);
  if (r.password) b.push("root password: delete it and enable centralized root access management (aws_iam_organizations_features)");
  if (r.signingCertificates) b.push(`${r.signingCertificates} root signing certificate(s)`);
  if (!r.mfa && (r.password || r.activeAccessKeys)) b.push("root user has credentials but no MFA");
  return b;
}

function totals(accounts: readonly AuditedAccount[]): AuditTotals {
  const users = accounts.flatMap((a) => a.users);
  const keys = users.flatMap((u) => u.accessKeys);
  const roots = accounts.flatMap((a) => (a.root ? [a.root] : []));
  const t = {
    accounts: accounts.length,
    unreadable: accounts.filter((a) => a.error).length,
    users: users.length,
    passwords: users.filter((u) => u.password).length,
    activeAccessKeys: keys.filter(active).length,
    keysToDeactivateFirst: keys.filter((k) => k.deactivateFirst).length,
    sshKeys: users.reduce((n, u) => n + u.sshKeys.filter(active).length, 0),
    signingCertificates: users.reduce((n, u) => n + u.signingCertificates.filter(active).length, 0),
    serviceCredentials: users.reduce((n, u) => n + u.serviceCredentials.filter(active).length, 0),
    rootPasswords: roots.filter((r) => r.password).length,
    rootAccessKeys: roots.reduce((n, r) => n + r.activeAccessKeys, 0),
    rootWithoutMfa: roots.filter((r) => !r.mfa).length,
  };
  return { ...t, longLived: t.passwords + t.activeAccessKeys + t.sshKeys + t.signingCertificates + t.serviceCredentials + t.rootPasswords + t.rootAccessKeys };
}

/** Progress against an earlier audit (its JSON): what was retired, what is new. */
export interface AuditProgress {
  readonly since: string;
  readonly before: AuditTotals;
  readonly removedUsers: readonly string[];
  readonly newUsers: readonly string[];
  readonly retiredKeys: readonly string[];
  readonly newKeys: readonly string[];
}

export function auditProgress(previous: AuditReport, current: AuditReport): AuditProgress {
  const users = (r: AuditReport) => new Set(r.accounts.flatMap((a) => a.users.map((u) => `${a.name}/${u.userName}`)));
  const keys = (r: AuditReport) => new Set(r.accounts.flatMap((a) => a.users.flatMap((u) => u.accessKeys.filter(active).map((k) => `${a.name}/${u.userName}/${k.id}`))));
  const u0 = users(previous);
  const u1 = users(current);
  const k0 = keys(previous);
  const k1 = keys(current);
  return {
    since: previous.date,
    before: previous.totals,
    removedUsers: [...u0].filter((x) => !u1.has(x)).sort(),
    newUsers: [...u1].filter((x) => !u0.has(x)).sort(),
    retiredKeys: [...k0].filter((x) => !k1.has(x)).sort(),
    newKeys: [...k1].filter((x) => !k0.has(x)).sort(),
  };
}
