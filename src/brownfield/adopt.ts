/**
 * `keyless import`, the pure part: turns what Identity Center holds into a workspace definition a
 * person would write (assignments to whole OUs when every active account of the OU has the grant) and
 * the import list synth turns into Terraform `import` blocks, so the first plan only imports.
 */
import type { ImportEntry } from "../plan";

export interface PermissionSetSnapshot {
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration: string;
  readonly relayState?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly managedPolicyArns: readonly string[];
  readonly customerManagedPolicies: readonly { readonly name: string; readonly path: string }[];
  /** Policy JSON as AWS returns it. */
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: { readonly managedPolicyArn?: string; readonly customerManagedPolicy?: { readonly name: string; readonly path: string } };
}

export interface IdentityCenterSnapshot {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly permissionSets: readonly PermissionSetSnapshot[];
  readonly assignments: readonly {
    readonly principalType: "GROUP" | "USER";
    readonly principalId: string;
    /** Display name (groups) or user name; absent when the principal no longer exists. */
    readonly principalName?: string;
    readonly permissionSetArn: string;
    readonly accountId: string;
  }[];
}

/** The inventory as written in organization.yaml (plain data). */
export interface InventoryData {
  readonly managementAccount: string;
  readonly accounts: Readonly<Record<string, { readonly id: string; readonly ou?: string; readonly status?: string }>>;
  readonly ous: readonly string[];
}

export interface Adoption {
  /** `identityCenter` section of the workspace definition. */
  readonly identityCenter: Record<string, unknown>;
  readonly imports: readonly ImportEntry[];
  /** What exists but this workspace will not manage, with why. */
  readonly unmanaged: readonly string[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function managedName(arn: string): string {
  const m = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(arn);
  return m ? m[1] : arn;
}

export function adoptIdentityCenter(ic: IdentityCenterSnapshot, inv: InventoryData): Adoption {
  const unmanaged: string[] = [];
  const imports: ImportEntry[] = [];
  const inst = ic.instanceArn;
  const permissionSets: Record<string, unknown> = {};
  const psKey = new Map<string, string>();
  for (const ps of [...ic.permissionSets].sort((a, b) => cmp(a.name, b.name))) {
    const key = ps.name;
    psKey.set(ps.arn, key);
    const def: Record<string, unknown> = {};
    if (ps.description) def.description = ps.description;
    def.sessionDuration = ps.sessionDuration;
    if (ps.relayState) def.relayState = ps.relayState;
    if (Object.keys(ps.tags).length)
      def.tags = Object.fromEntries(
        Object.keys(ps.tags)
          .sort()
          .map((k) => [k, ps.tags[k]]),
      );
    if (ps.managedPolicyArns.length) def.managedPolicies = ps.managedPolicyArns.map(managedName);
    if (ps.customerManagedPolicies.length)
      def.customerManagedPolicies = ps.customerManagedPolicies.map((c) => (c.path === "/" ? { name: c.name } : { name: c.name, path: c.path }));
    if (ps.inlinePolicy) def.inlinePolicy = JSON.parse(ps.inlinePolicy);
    const b = ps.permissionsBoundary;
    if (b?.managedPolicyArn) def.permissionsBoundary = { managedPolicy: managedName(b.managedPolicyArn) };
    else if (b?.customerManagedPolicy)
      def.permissionsBoundary = { customerManagedPolicy: b.customerManagedPolicy.path === "/" ? { name: b.customerManagedPolicy.name } : { ...b.customerManagedPolicy } };
    permissionSets[key] = def;

    const psId = `${ps.arn},${inst}`;
    imports.push({ kind: "permissionSet", key, id: psId });
    for (const arn of ps.managedPolicyArns) imports.push({ kind: "managedPolicyAttachment", key, policy: arn, id: `${arn},${psId}` });
    for (const c of ps.customerManagedPolicies) imports.push({ kind: "customerManagedPolicyAttachment", key, policy: `${c.path}${c.name}`, id: `${c.name},${c.path},${psId}` });
    if (ps.inlinePolicy) imports.push({ kind: "inlinePolicy", key, id: psId });
    if (b?.managedPolicyArn || b?.customerManagedPolicy) imports.push({ kind: "permissionsBoundary", key, id: psId });
  }

  const byId = new Map<string, string>();
  for (const [name, a] of Object.entries(inv.accounts)) byId.set(a.id, name);
  const active = (name: string) => (inv.accounts[name].status ?? "ACTIVE") === "ACTIVE";
  const eligible = Object.keys(inv.accounts).filter((n) => active(n) && n !== inv.managementAccount);

  // principal -> permission set -> accounts
  const grants = new Map<string, Map<string, Set<string>>>();
  const groups = new Set<string>();
  const users = new Set<string>();
  for (const a of ic.assignments) {
    const ps = psKey.get(a.permissionSetArn);
    const account = byId.get(a.accountId);
    const who = `${a.principalType === "USER" ? "user" : "group"} ${a.principalName ?? a.principalId}`;
    if (!ps || !account) {
      unmanaged.push(
        `assignment of ${who} to ${ps ?? a.permissionSetArn} in account ${account ?? a.accountId}: ${!ps ? "permission set not found" : "account not in the inventory"}`,
      );
      continue;
    }
    if (!a.principalName) {
      unmanaged.push(`assignment of deleted principal ${a.principalId} to ${ps} in ${account}: remove it in AWS`);
      continue;
    }
    if (!active(account)) {
      unmanaged.push(`assignment of ${who} to ${ps} in ${account}: the account is ${inv.accounts[account].status}, and keyless grants access in active accounts only`);
      continue;
    }
    const principal = `${a.principalType.toLowerCase()}:${a.principalName}`;
    (a.principalType === "USER" ? users : groups).add(a.principalName);
    const byPs = grants.get(principal) ?? new Map<string, Set<string>>();
    grants.set(principal, byPs);
    const set = byPs.get(ps) ?? new Set<string>();
    byPs.set(ps, set);
    set.add(account);
    const key = `${principal}/${ps}/${account}`;
    imports.push({ kind: "assignment", key, id: `${a.principalId},${a.principalType},${a.accountId},AWS_ACCOUNT,${a.permissionSetArn},${inst}` });
  }

  // Group: (principal, targets) -> permission sets, then (targets, permission sets) -> principals.
  const rules = new Map<string, { targets: Record<string, unknown>; permissionSets: string[]; groups: string[]; users: string[] }>();
  for (const [principal, byPs] of [...grants].sort((a, b) => cmp(a[0], b[0]))) {
    const perTargets = new Map<string, { targets: Record<string, unknown>; ps: string[] }>();
    for (const [ps, accounts] of [...byPs].sort((a, b) => cmp(a[0], b[0]))) {
      const targets = coverTargets(accounts, inv, eligible);
      const k = JSON.stringify(targets);
      const e = perTargets.get(k) ?? { targets, ps: [] };
      e.ps.push(ps);
      perTargets.set(k, e);
    }
    for (const { targets, ps } of perTargets.values()) {
      const k = JSON.stringify([targets, ps]);
      const r = rules.get(k) ?? { targets, permissionSets: ps, groups: [], users: [] };
      const [type, ...rest] = principal.split(":");
      (type === "user" ? r.users : r.groups).push(rest.join(":"));
      rules.set(k, r);
    }
  }
  const assignments = [...rules.values()].map((r) => ({
    ...(r.groups.length ? { groups: r.groups } : {}),
    ...(r.users.length ? { users: r.users } : {}),
    permissionSets: r.permissionSets,
    targets: r.targets,
  }));

  const identityCenter: Record<string, unknown> = {};
  if (Object.keys(permissionSets).length) identityCenter.permissionSets = permissionSets;
  if (groups.size) identityCenter.groups = Object.fromEntries([...groups].sort(cmp).map((g) => [g, { source: "external" }]));
  if (users.size) identityCenter.users = Object.fromEntries([...users].sort(cmp).map((u) => [u, { source: "external" }]));
  if (assignments.length) identityCenter.assignments = assignments;
  return { identityCenter, imports: imports.sort((a, b) => cmp(`${a.kind} ${a.key} ${a.policy ?? ""}`, `${b.kind} ${b.key} ${b.policy ?? ""}`)), unmanaged: unmanaged.sort(cmp) };
}

/**
 * The fewest targets that give exactly `granted`: the whole organization, else OUs whose every active
 * account has the grant (the largest such OU, not its children), else single accounts.
 */
export function coverTargets(granted: ReadonlySet<string>, inv: InventoryData, eligible: readonly string[]): Record<string, unknown> {
  const mgmt = granted.has(inv.managementAccount);
  const set = new Set([...granted].filter((a) => a !== inv.managementAccount));
  const within = (ou: string) =>
    eligible.filter((n) => {
      const p = inv.accounts[n].ou ?? "";
      return p === ou || p.startsWith(ou + "/");
    });
  const ous: string[] = [];
  const accounts: string[] = [];
  if (set.size && eligible.length && eligible.every((n) => set.has(n))) {
    return mgmt ? { organization: true, includeManagementAccount: true } : { organization: true };
  }
  const visit = (parent: string) => {
    const childOus = inv.ous.filter((o) => (parent ? o.startsWith(parent + "/") && !o.slice(parent.length + 1).includes("/") : !o.includes("/")));
    for (const ou of childOus.sort(cmp)) {
      const members = within(ou);
      if (!members.length || !members.some((n) => set.has(n))) continue;
      if (members.every((n) => set.has(n))) ous.push(ou);
      else visit(ou);
    }
    for (const n of eligible) if ((inv.accounts[n].ou ?? "") === parent && set.has(n)) accounts.push(n);
  };
  visit("");
  if (mgmt) accounts.push(inv.managementAccount);
  const t: Record<string, unknown> = {};
  if (ous.length) t.organizationalUnits = ous.sort(cmp);
  if (accounts.length) t.accounts = accounts.sort(cmp);
  if (mgmt) t.includeManagementAccount = true;
  return t;
}
