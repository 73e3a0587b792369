import type { ImportEntry } from "../plan";

export interface GithubOidcSnapshot {
  readonly providers: readonly { readonly arn: string; readonly url: string; readonly clientIds: readonly string[] }[];
  readonly roles: readonly {
    readonly name: string;
    readonly path: string;
    readonly arn: string;
    readonly description?: string;
    /** JSON. */
    readonly trustPolicy: string;
    readonly maxSessionDuration: number;
    readonly permissionsBoundaryArn?: string;
    readonly managedPolicyArns: readonly string[];
    /** Name -> JSON. */
    readonly inlinePolicies: Readonly<Record<string, string>>;
    readonly tags: Readonly<Record<string, string>>;
  }[];
}

export interface GithubOidcAdoption {
  readonly providers: Record<string, unknown>;
  readonly roles: Record<string, unknown>;
  readonly imports: readonly ImportEntry[];
  readonly unmanaged: readonly string[];
}

type Subject = { branch: string } | { tag: string } | { environment: string } | { pullRequest: true };

/** `sub` values a trust policy admits (StringEquals/StringLike on `<issuer>:sub`), and whether it has anything else. */
function trustSubjects(trust: string): { subs: string[]; wildcard: boolean } | undefined {
  let doc: any;
  try {
    doc = JSON.parse(trust);
  } catch {
    return undefined;
  }
  const statements = Array.isArray(doc?.Statement) ? doc.Statement : [doc?.Statement];
  const subs: string[] = [];
  let wildcard = false;
  for (const s of statements) {
    if (s?.Effect !== "Allow") continue;
    for (const [op, cond] of Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const [k, v] of Object.entries(cond ?? {})) {
        if (!k.endsWith(":sub")) continue;
        const values = Array.isArray(v) ? v.map(String) : [String(v)];
        if (op !== "StringEquals") wildcard = true;
        subs.push(...values);
      }
    }
  }
  return { subs, wildcard };
}

/** `repo:OWNER/REPO:<suffix>` claims -> repository and typed subjects; undefined when keyless cannot express them. */
export function subjectsFromClaims(subs: readonly string[]): { repository: string; subjects: Subject[] } | undefined {
  let repository: string | undefined;
  const subjects: Subject[] = [];
  const seen = new Set<string>();
  for (const sub of subs) {
    const m = /^repo:([A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}):(.+)$/.exec(sub);
    if (!m) return undefined;
    if (repository !== undefined && repository !== m[1]) return undefined;
    repository = m[1];
    const rest = m[2];
    const s: Subject | undefined = rest.startsWith("ref:refs/heads/")
      ? { branch: rest.slice("ref:refs/heads/".length) }
      : rest.startsWith("ref:refs/tags/")
        ? { tag: rest.slice("ref:refs/tags/".length) }
        : rest.startsWith("environment:")
          ? { environment: rest.slice("environment:".length) }
          : rest === "pull_request"
            ? { pullRequest: true }
            : undefined;
    if (!s) return undefined;
    const k = JSON.stringify(s);
    if (!seen.has(k)) subjects.push(s);
    seen.add(k);
  }
  return repository ? { repository, subjects } : undefined;
}

/**
 * One account's GitHub OIDC provider (adopted as `existing: true`: roles use it by ARN, nothing is
 * created or imported) and the roles trusting it that keyless can express exactly (one repository,
 * exact subjects), with import entries for the role (its name), its policy attachments
 * (`ROLE/POLICY_ARN`) and inline policies (`ROLE:POLICY`).
 */
export function adoptGithubOidc(account: string, partition: string, snapshot: GithubOidcSnapshot, taken: ReadonlySet<string>): GithubOidcAdoption {
  const providers: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const imports: ImportEntry[] = [];
  const unmanaged: string[] = [];
  const plain = snapshot.providers.filter((p) => /^(https:\/\/)?token\.actions\.githubusercontent\.com$/.test(p.url));
  for (const p of snapshot.providers) if (!plain.includes(p)) unmanaged.push(`GitHub OIDC provider ${p.arn} in ${account}: an enterprise issuer; declare it with enterpriseSlug`);
  if (!plain.length) return { providers, roles, imports, unmanaged };
  providers[account] = { existing: true };
  const awsManaged = new RegExp(`^arn:${partition}:iam::aws:policy/(.+)$`);
  for (const r of snapshot.roles) {
    const t = trustSubjects(r.trustPolicy);
    const parsed = t && !t.wildcard ? subjectsFromClaims(t.subs) : undefined;
    if (!parsed || !parsed.subjects.length) {
      unmanaged.push(
        `role ${r.name} in ${account}: its trust policy is not one keyless can write exactly (one repository, exact branch, tag, environment or pull_request subjects)`,
      );
      continue;
    }
    const key = taken.has(r.name) ? `${r.name}-${account}` : r.name;
    const def: Record<string, unknown> = { ...(key !== r.name ? { name: r.name } : {}), account };
    if (r.path !== "/") def.path = r.path;
    if (r.description) def.description = r.description;
    def.repository = parsed.repository;
    def.subjects = parsed.subjects;
    const managed = r.managedPolicyArns.filter((a) => awsManaged.test(a)).map((a) => awsManaged.exec(a)![1]);
    const customer = r.managedPolicyArns.filter((a) => !awsManaged.test(a));
    if (managed.length) def.managedPolicies = managed;
    if (customer.length) def.customerManagedPolicies = customer;
    if (r.permissionsBoundaryArn) def.permissionsBoundary = r.permissionsBoundaryArn;
    const inline = Object.keys(r.inlinePolicies).sort();
    if (inline.length) def.inlinePolicies = Object.fromEntries(inline.map((n) => [n, JSON.parse(r.inlinePolicies[n])]));
    if (r.maxSessionDuration !== 3600) def.maxSessionDuration = r.maxSessionDuration;
    if (Object.keys(r.tags).length)
      def.tags = Object.fromEntries(
        Object.keys(r.tags)
          .sort()
          .map((k) => [k, r.tags[k]]),
      );
    roles[key] = def;
    imports.push({ kind: "githubRole", key, id: r.name });
    for (const arn of r.managedPolicyArns) imports.push({ kind: "githubRolePolicyAttachment", key, policy: arn, id: `${r.name}/${arn}` });
    for (const n of inline) imports.push({ kind: "githubRoleInlinePolicy", key, policy: n, id: `${r.name}:${n}` });
  }
  return { providers, roles, imports, unmanaged };
}
