import { githubProviderLogicalId, terraformName } from "../names";
import { cmp, Diagnostic } from "../diagnostics/diagnostic";
import type { PreviousStacks } from "./replacements";
import type { AccessPlan, AccountRef, MovedPlan, WorkspacePlan } from "../plan";

/** The resource types of GitHub roles and providers, whose renames keyless turns into `moved` blocks. */
const GITHUB_TYPES = ["aws_iam_role", "aws_iam_role_policy_attachment", "aws_iam_role_policy", "aws_iam_openid_connect_provider"] as const;

interface PreviousResource {
  readonly type: string;
  readonly id: string;
  readonly alias?: string;
  readonly body: Record<string, unknown>;
}

/** What one previously synthesized stack says, read tolerantly (any shape, any missing part). */
interface PreviousStack {
  /** Provider alias -> account id. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly resources: readonly PreviousResource[];
  readonly moved: readonly MovedPlan[];
}

function readStack(stack: unknown): PreviousStack {
  const tf = (stack && typeof stack === "object" ? stack : {}) as Record<string, any>;
  const aliases = new Map<string, string>();
  const providers = tf.provider?.aws;
  for (const p of Array.isArray(providers) ? providers : providers ? [providers] : []) {
    const id = Array.isArray(p?.allowed_account_ids) ? p.allowed_account_ids[0] : undefined;
    if (typeof p?.alias === "string" && typeof id === "string") aliases.set(p.alias, id);
  }
  const resources: PreviousResource[] = [];
  for (const [type, byId] of Object.entries<Record<string, any>>(tf.resource ?? {})) {
    for (const [id, body] of Object.entries<any>(byId ?? {})) {
      const alias = typeof body?.provider === "string" && body.provider.startsWith("aws.") ? body.provider.slice(4) : undefined;
      resources.push({ type, id, alias, body: body ?? {} });
    }
  }
  const moved = (Array.isArray(tf.moved) ? tf.moved : []).filter((m: any) => typeof m?.from === "string" && typeof m?.to === "string");
  return { aliases, resources, moved };
}

/** `type.name` of an address, without an instance key. */
const resourceOf = (address: string) => /^[^.[]+\.[^.[]+/.exec(address)?.[0] ?? address;

/** The GitHub addresses (`type.name`) the workspace's configuration declares now. */
function githubAddresses(ws: WorkspacePlan): Set<string> {
  const out = new Set<string>();
  for (const r of ws.githubOidc.roles) {
    const id = terraformName(r.key);
    out.add(`aws_iam_role.${id}`);
    if (r.managedPolicyArns.length) out.add(`aws_iam_role_policy_attachment.${id}`);
    if (r.inlinePolicies.length) out.add(`aws_iam_role_policy.${id}`);
  }
  for (const p of ws.githubOidc.providers) out.add(`aws_iam_openid_connect_provider.${githubProviderLogicalId(p.account.name)}`);
  return out;
}

/** Renamed role keys and account keys, found by what AWS identifies them by: account id and role path and name, or issuer URL. */
function githubMoves(ws: WorkspacePlan, prev: PreviousStack, current: ReadonlySet<string>): MovedPlan[] {
  const moves = new Map<string, MovedPlan>();
  const add = (from: string, to: string) => {
    if (from !== to && !current.has(resourceOf(from)) && current.has(resourceOf(to))) moves.set(from, { from, to });
  };
  const previous = (type: string) => prev.resources.filter((r) => r.type === type);
  const accountOf = (r: PreviousResource) => (r.alias ? prev.aliases.get(r.alias) : undefined);
  const had = new Set(prev.resources.map((r) => `${r.type}.${r.id}`));

  for (const m of prev.moved) if ((GITHUB_TYPES as readonly string[]).includes(resourceOf(m.to).split(".")[0])) add(m.from, m.to);
  for (const r of ws.githubOidc.roles) {
    const id = terraformName(r.key);
    if (had.has(`aws_iam_role.${id}`)) continue;
    const old = previous("aws_iam_role").find((p) => accountOf(p) === r.account.id && p.body.name === r.name && ((p.body.path as string | undefined) ?? "/") === r.path);
    if (!old) continue;
    for (const type of ["aws_iam_role", "aws_iam_role_policy_attachment", "aws_iam_role_policy"]) {
      if (had.has(`${type}.${old.id}`)) add(`${type}.${old.id}`, `${type}.${id}`);
    }
  }
  for (const p of ws.githubOidc.providers) {
    const id = githubProviderLogicalId(p.account.name);
    if (had.has(`aws_iam_openid_connect_provider.${id}`)) continue;
    const old = previous("aws_iam_openid_connect_provider").find((q) => accountOf(q) === p.account.id && q.body.url === p.url);
    if (old) add(`aws_iam_openid_connect_provider.${old.id}`, `aws_iam_openid_connect_provider.${id}`);
  }
  // A chain a -> b -> c stays whole; a block whose source is declared again is dropped (Terraform rejects it).
  return [...moves.values()].sort((a, b) => cmp(a.to, b.to) || cmp(a.from, b.from));
}

/** Aliases the previous output used for resources in accounts this workspace no longer has any resource in. */
function providersToKeep(ws: WorkspacePlan, prev: PreviousStack): AccountRef[] {
  const now = new Set([...ws.memberAccounts, ...(ws.retainedProviders ?? [])].map((a) => a.id));
  const keep = new Map<string, AccountRef>();
  for (const r of prev.resources) {
    const id = r.alias ? prev.aliases.get(r.alias) : undefined;
    if (r.alias && id && !now.has(id)) keep.set(r.alias, { name: r.alias, id });
  }
  return [...keep.values()].sort((a, b) => cmp(a.name, b.name));
}

export interface Continuity {
  /** The plan with `moved` blocks and kept providers added. */
  readonly plan: AccessPlan;
  /** KL901 for each provider kept because the previous output had resources there. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What the new output needs so that Terraform can go on from the previous one (pure: parsed previous
 * stacks in, plan out): `moved` blocks for renamed GitHub role keys and account keys (detected by
 * account id and role name, or issuer URL; earlier GitHub `moved` blocks are carried forward so a
 * second synth before the apply keeps them), and the provider alias of every account whose last
 * resource was removed, which Terraform needs to destroy it.
 */
export function stackContinuity(previous: PreviousStacks, plan: AccessPlan): Continuity {
  const diagnostics: Diagnostic[] = [];
  const workspaces = plan.workspaces.map((ws): WorkspacePlan => {
    if (!(ws.name in previous)) return ws;
    const prev = readStack(previous[ws.name]);
    const moved = githubMoves(ws, prev, githubAddresses(ws));
    const kept = providersToKeep(ws, prev);
    for (const a of kept) {
      diagnostics.push({
        code: "KL901",
        severity: "warning",
        file: ws.file,
        path: ["aws"],
        message: `workspace ${ws.name} no longer has a resource in account ${a.id}, but the previous output managed some there through provider aws.${a.name}: keyless keeps that provider so Terraform can destroy them (without it, terraform plan fails with "Provider configuration not present")`,
        fix: `add ${a.name} to aws.retainProviders so that a synth without this comparison (a fresh checkout without --base) keeps the provider too, and remove it once terraform apply has destroyed those resources`,
      });
    }
    if (!moved.length && !kept.length) return ws;
    return { ...ws, moved: [...(ws.moved ?? []), ...moved], retainedProviders: [...(ws.retainedProviders ?? []), ...kept] };
  });
  return { plan: { ...plan, workspaces }, diagnostics };
}
