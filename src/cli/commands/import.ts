import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { Document, parse } from "yaml";
import { adoptGithubOidc } from "../../brownfield/adopt-github-oidc";
import { adoptIdentityCenter, InventoryData } from "../../brownfield/adopt";
import { adoptGuardrails, InventoryIds } from "../../brownfield/adopt-guardrails";
import { compile } from "../../compile/compile";
import { importsFile } from "../../compile/imports";
import type { WorkspacePlan } from "../../plan";
import { loadDefinitions } from "../../load/load";
import type { Command } from "../command";
import { DEFAULT_DIR } from "../compile-step";
import { EXIT, InputError, UsageError } from "../context";
import { str } from "../options";
import { aws } from "./aws-modules";
import { AWS_OPTIONS, awsSession, fromAws, writeAtomically } from "./aws-options";

function inventoryData(text: string, shown: string): InventoryData & { ids: InventoryIds } {
  let org: any;
  try {
    org = parse(text);
  } catch (e) {
    throw new InputError(`${shown}: not valid YAML (${(e as Error).message}); run keyless inventory pull`);
  }
  if (!org?.accounts || !org.managementAccount) throw new InputError(`${shown}: found no accounts or managementAccount; run keyless inventory pull`);
  const ous: string[] = [];
  const ouIds = new Map<string, string>();
  const walk = (x: Record<string, any> | undefined, prefix: string) => {
    for (const [k, ou] of Object.entries(x ?? {})) {
      const p = prefix ? `${prefix}/${k}` : k;
      ous.push(p);
      if (typeof ou?.id === "string") ouIds.set(ou.id, p);
      walk(ou?.organizationalUnits, p);
    }
  };
  walk(org.organizationalUnits, "");
  const accountIds = new Map<string, string>(Object.entries(org.accounts as Record<string, { id: string }>).map(([name, a]) => [String(a?.id), name]));
  return {
    managementAccount: org.managementAccount,
    accounts: org.accounts,
    ous,
    ids: { rootId: String(org.root?.id ?? ""), ous: ouIds, accounts: accountIds, managementAccount: org.managementAccount },
  };
}

const posix = (p: string) => p.split(sep).join("/");

/**
 * A policy document in the form the AWS provider compares documents in: object keys in any order and a
 * one-element list equal to its element, but list order and every value (Sid included) significant.
 */
export function canonicalPolicy(json: string): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length === 1 ? canon(v[0]) : v.map(canon);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  try {
    return JSON.stringify(canon(JSON.parse(json)));
  } catch {
    return json;
  }
}
const differ = (aws: string, keyless: string) => canonicalPolicy(aws) !== canonicalPolicy(keyless);

/** Adopted documents whose AWS text differs from what keyless renders (array order, Sids, key order). */
export function rewrites(
  ws: WorkspacePlan,
  scps: readonly { name: string; content: string }[],
  sets: readonly { name: string; inlinePolicy?: string }[],
  roles: readonly { name: string; trustPolicy: string; inlinePolicies: Readonly<Record<string, string>> }[],
): string[] {
  const out: string[] = [];
  for (const p of ws.guardrails.policies) {
    const aws = scps.find((s) => s.name === p.name);
    if (aws && differ(aws.content, p.content)) out.push(`SCP ${p.name}: content`);
  }
  for (const p of ws.identityCenter.permissionSets) {
    const aws = sets.find((s) => s.name === p.name);
    if (aws?.inlinePolicy && p.inlinePolicy && differ(aws.inlinePolicy, p.inlinePolicy)) out.push(`permission set ${p.name}: inline policy`);
  }
  for (const r of ws.githubOidc.roles) {
    const aws = roles.find((x) => x.name === r.name);
    if (!aws) continue;
    if (differ(aws.trustPolicy, r.assumeRolePolicy)) out.push(`role ${r.name}: trust policy`);
    for (const p of r.inlinePolicies)
      if (aws.inlinePolicies[p.name] !== undefined && differ(aws.inlinePolicies[p.name], p.document)) out.push(`role ${r.name}: inline policy ${p.name}`);
  }
  return out;
}

export const importCommand: Command = {
  name: "import",
  summary: "adopt an existing Identity Center and SCPs: write definitions that reproduce them and the imports synth turns into Terraform import blocks",
  details: [
    "Reads every permission set (managed, customer-managed, inline policy, boundary, session, relay state, tags) and account assignment, with groups and users by name, every customer-managed SCP with its attachments, and, for the accounts given with --account, the GitHub OIDC provider (as existing: true) and the roles trusting it, and writes <dir>/<name>.yaml, grouped as a person would write it (a whole OU when every active account of it has the grant), and <dir>/imports/<name>.json, from which synth emits Terraform import blocks: the first plan imports, adding, changing and destroying nothing.",
    "Name collisions are found here, before any apply: a permission set another workspace declares that already exists in AWS is reported with its file and path, and nothing is written. Assignments keyless cannot express (deleted principals, accounts outside the inventory or not ACTIVE) are listed, not silently dropped.",
    "Run keyless inventory pull first. Read-only: sso:ListInstances, ListPermissionSets, DescribePermissionSet, ListManagedPoliciesInPermissionSet, ListCustomerManagedPolicyReferencesInPermissionSet, GetInlinePolicyForPermissionSet, GetPermissionsBoundaryForPermissionSet, ListTagsForResource, ListAccountsForProvisionedPermissionSet, ListAccountAssignments; identitystore:ListUsers, ListGroups; organizations:ListPolicies, DescribePolicy, ListTargetsForPolicy; with --account, sts:AssumeRole into the member role and iam:ListOpenIDConnectProviders, GetOpenIDConnectProvider, ListRoles, GetRole, ListAttachedRolePolicies, ListRolePolicies, GetRolePolicy.",
  ],
  options: {
    name: { type: "string", value: "<workspace>", help: "workspace to write (default: adopted)" },
    inventory: { type: "string", value: "<file>", help: "the inventory file (default: <dir>/shared/organization.yaml)" },
    account: { type: "string", multiple: true, value: "<name|id>", help: "also adopt the GitHub OIDC provider and roles of this account (repeatable; through --member-role)" },
    ...AWS_OPTIONS,
  },
  async run(io, values) {
    const dir = str(values.dir) ?? DEFAULT_DIR;
    const name = str(values.name) ?? "adopted";
    if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(name)) throw new UsageError(`--name "${name}" cannot name a workspace: use lower-case letters, digits, '-' and '_'`);
    const absDir = resolve(io.cwd, dir);
    const invFile = resolve(io.cwd, str(values.inventory) ?? join(dir, "shared", "organization.yaml"));
    const invShown = posix(relative(io.cwd, invFile));
    if (!existsSync(invFile)) throw new InputError(`${invShown} does not exist: run keyless inventory pull first`);
    const inv = inventoryData(readFileSync(invFile, "utf8"), invShown);
    const session = awsSession(io, values);
    const { readIdentityCenter, readServiceControlPolicies, readGithubOidc } = aws();
    const ic = await fromAws("Identity Center", () => readIdentityCenter(session.ssoAdmin(), session.identityStore()));
    if (!ic) throw new InputError("this account has no Identity Center instance (sso:ListInstances is empty): nothing to import");
    const scps = await fromAws("the service control policies", () => readServiceControlPolicies(session.organizations()));
    const oidcAccounts = ((values.account as string[] | undefined) ?? []).map((ref) => {
      const name = inv.accounts[ref] ? ref : inv.ids.accounts.get(ref);
      if (!name) throw new InputError(`--account ${ref}: not an account of ${invShown} (by name or id)`);
      return { name, id: inv.accounts[name].id };
    });
    const oidc = [];
    for (const a of oidcAccounts) oidc.push({ account: a.name, snapshot: await fromAws(`GitHub OIDC roles of ${a.name}`, async () => readGithubOidc(await session.iam(a.id))) });

    // Collisions: permission sets other workspaces declare that already exist in AWS.
    const existing = new Map(ic.permissionSets.map((p) => [p.name, p.arn]));
    const loaded = existsSync(absDir) ? loadDefinitions({ dir, cwd: io.cwd }) : { workspaces: [] };
    const collisions: string[] = [];
    const providerOwners = new Map<string, string>();
    const otherRoleKeys = new Set<string>();
    for (const ws of loaded.workspaces) {
      if (ws.name === name) continue;
      const sets = ((ws.source.data as any)?.identityCenter?.permissionSets ?? {}) as Record<string, { name?: string }>;
      for (const [key, ps] of Object.entries(sets)) {
        const awsName = ps?.name ?? key;
        if (existing.has(awsName)) {
          collisions.push(
            `${ws.source.file}: identityCenter.permissionSets.${key}: permission set "${awsName}" already exists in AWS (${existing.get(awsName)}); applying would fail with ConflictException`,
          );
        }
      }
      const g = (ws.source.data as any)?.guardrails ?? {};
      const scpNames: [string, string][] = Object.keys(g.policies ?? {}).map((n) => [`guardrails.policies.${n}`, n]);
      if (g.denyIamUsers) scpNames.push(["guardrails.denyIamUsers", g.denyIamUsers.policyName ?? "keyless-deny-iam-users"]);
      for (const [account, p] of Object.entries(((ws.source.data as any)?.githubOidc?.providers ?? {}) as Record<string, { existing?: boolean }>)) {
        const found = oidc.find((o) => o.account === account)?.snapshot.providers[0];
        if (found) providerOwners.set(account, ws.source.file);
        if (found && !p?.existing)
          collisions.push(
            `${ws.source.file}: githubOidc.providers.${account}: the GitHub OIDC provider already exists in AWS (${found.arn}); applying would fail with EntityAlreadyExists (set existing: true)`,
          );
      }
      for (const [key, r] of Object.entries(((ws.source.data as any)?.githubOidc?.roles ?? {}) as Record<string, { name?: string; account?: string }>)) {
        otherRoleKeys.add(key);
        const found = oidc.find((o) => o.account === r?.account)?.snapshot.roles.find((x) => x.name === (r?.name ?? key));
        if (found)
          collisions.push(
            `${ws.source.file}: githubOidc.roles.${key}: role "${found.name}" already exists in ${r.account} (${found.arn}); applying would fail with EntityAlreadyExists`,
          );
      }
      for (const [path, n] of scpNames) {
        const found = scps.find((p) => p.name === n);
        if (found) collisions.push(`${ws.source.file}: ${path}: SCP "${n}" already exists in AWS (${found.id}); applying would fail with DuplicatePolicyException`);
      }
    }
    if (collisions.length) {
      io.stderr(collisions.join("\n"));
      throw new InputError(
        `${collisions.length} name collision(s) with what exists in AWS: nothing written. Remove these declarations (keyless import adopts them), or rename them with name:`,
      );
    }

    const adoption = adoptIdentityCenter(ic, inv);
    const guardrails = adoptGuardrails(scps, inv.ids);
    const github = {
      providers: {} as Record<string, unknown>,
      roles: {} as Record<string, unknown>,
      imports: [] as (typeof adoption.imports)[number][],
      unmanaged: [] as string[],
    };
    for (const o of oidc) {
      const taken = new Set([...otherRoleKeys, ...Object.keys(github.roles)]);
      const g = adoptGithubOidc(o.account, "aws", o.snapshot, taken);
      if (!providerOwners.has(o.account)) Object.assign(github.providers, g.providers);
      Object.assign(github.roles, g.roles);
      github.imports.push(...g.imports);
      github.unmanaged.push(...g.unmanaged);
    }
    const order = (i: { kind: string; key: string; policy?: string }) => `${i.kind} ${i.key} ${i.policy ?? ""}`;
    const imports = [...adoption.imports, ...guardrails.imports, ...github.imports].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    const unmanaged = [...adoption.unmanaged, ...guardrails.unmanaged, ...github.unmanaged];
    const wsFile = join(absDir, `${name}.yaml`);
    const doc = new Document({
      $schema: "../schemas/workspace.schema.json",
      description: "Identity Center as it existed before keyless, adopted with keyless import",
      organization: posix(relative(absDir, invFile)).replace(/^(?!\.)/, "./"),
      aws: { region: session.settings.region, keylessTags: false },
      ...(Object.keys(adoption.identityCenter).length ? { identityCenter: adoption.identityCenter } : {}),
      ...(Object.keys(guardrails.policies).length ? { guardrails: { policies: guardrails.policies } } : {}),
      ...(Object.keys(github.roles).length || Object.keys(github.providers).length
        ? { githubOidc: { ...(Object.keys(github.providers).length ? { providers: github.providers } : {}), ...(Object.keys(github.roles).length ? { roles: github.roles } : {}) } }
        : {}),
    });
    doc.commentBefore = [
      " yaml-language-server: $schema=../schemas/workspace.schema.json",
      ` Written by keyless import: what Identity Center held, as definitions. imports/${name}.json lists the`,
      " objects the first apply imports instead of creating; edit this file freely after that apply.",
      " keylessTags: false keeps the adoption a no-op in AWS; set it to true in a later, reviewed apply to tag everything ManagedBy=keyless.",
    ].join("\n");
    const importsText =
      JSON.stringify(
        { $comment: `Written by keyless import: objects that exist in AWS and that workspace ${name} adopts. Synth emits a Terraform import block for each.`, imports },
        null,
        2,
      ) + "\n";
    writeAtomically(wsFile, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    writeAtomically(importsFile(absDir, name), importsText);
    const counts = `${ic.permissionSets.length} permission set(s), ${imports.filter((i) => i.kind === "assignment").length} account assignment(s), ${Object.keys(guardrails.policies).length} SCP(s), ${Object.keys(github.roles).length} GitHub role(s), ${imports.length} import(s)`;
    io.stdout(`keyless: wrote ${posix(relative(io.cwd, wsFile))} and ${posix(relative(io.cwd, importsFile(absDir, name)))}: ${counts}.`);
    if (unmanaged.length) io.stdout([`Not managed by keyless (${unmanaged.length}):`, ...unmanaged.map((u) => `  ${u}`)].join("\n"));

    // What the first apply will still rewrite: documents keyless renders differently (stable order, Sids).
    const compiled = compile({ dir, cwd: io.cwd, evaluationDate: str(values.date) ?? io.today() });
    const ws = compiled.plan?.workspaces.find((w) => w.name === name);
    if (!ws) {
      io.stdout(`The definitions do not compile yet (${compiled.diagnostics.filter((d) => d.severity === "error").length} error(s)): run keyless validate.`);
      return EXIT.ok;
    }
    const rewritten = rewrites(
      ws,
      scps,
      ic.permissionSets,
      oidc.flatMap((o) => o.snapshot.roles),
    );
    if (rewritten.length)
      io.stdout(
        [`Rewritten by the first apply, in keyless's form (the plan shows them as changes; same meaning) (${rewritten.length}):`, ...rewritten.map((r) => `  ${r}`)].join("\n"),
      );
    return EXIT.ok;
  },
};
