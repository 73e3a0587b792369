import { cmp } from "../diagnostics/diagnostic";
import { GITHUB_AUDIENCE, GITHUB_OIDC_URL, githubProviderArn, githubTrustPolicy, subjectClaim } from "../policy/github-trust-policy";
import { GithubOidcPlan, GithubProviderPlan, GithubRolePlan } from "../plan";
import { managedPolicyArn, sortedTags, WorkspaceContext } from "./context";
import { renderChecked } from "./render-policy";

/** IAM role limits (AWS-FACTS.md, GitHub Actions OIDC). */
export const IAM_ROLE_LIMITS = {
  nameChars: 64,
  trustPolicyChars: 2_048,
  inlinePolicyChars: 10_240,
  managedPoliciesDefault: 10,
} as const;

export function collectGithubOidc(ctx: WorkspaceContext): void {
  const g = ctx.def.githubOidc;
  if (!g) return;
  for (const acct of Object.keys(g.providers ?? {})) {
    const a = ctx.inventory.account(acct);
    ctx.registry.githubProviders.claim(a?.name ?? acct, { workspace: ctx.name, source: ctx.source, path: ["githubOidc", "providers", acct] }, ctx.reporter);
  }
  for (const [key, role] of Object.entries(g.roles ?? {})) {
    const a = ctx.inventory.account(role.account);
    ctx.registry.githubRoles.claim(`${a?.name ?? role.account}/${role.name ?? key}`, { workspace: ctx.name, source: ctx.source, path: ["githubOidc", "roles", key] }, ctx.reporter);
  }
}

export function compileGithubOidc(ctx: WorkspaceContext): GithubOidcPlan {
  const g = ctx.def.githubOidc ?? {};
  const { inventory, reporter, source, registry } = ctx;
  const partition = inventory.partition;

  const providers: GithubProviderPlan[] = [];
  for (const acct of Object.keys(g.providers ?? {}).sort(cmp)) {
    const a = inventory.requireAccount(acct, source, ["githubOidc", "providers", acct], reporter);
    if (!a) continue;
    providers.push({ account: { name: a.name, id: a.id }, url: GITHUB_OIDC_URL, clientIds: [GITHUB_AUDIENCE], tags: sortedTags(g.providers![acct].tags) });
  }

  const roles: GithubRolePlan[] = [];
  for (const key of Object.keys(g.roles ?? {}).sort(cmp)) {
    const role = g.roles![key];
    const at = ["githubOidc", "roles", key];
    const a = inventory.requireAccount(role.account, source, [...at, "account"], reporter);
    if (!a) continue;
    if (!registry.githubProviders.get(a.name)) {
      reporter.error("KL501", source, [...at, "account"], `account "${a.name}" has no GitHub OIDC provider declared in any workspace`, `add githubOidc.providers.${a.name}: {} to the workspace that should own it`);
    }
    const providerArn = githubProviderArn(partition, a.id);
    const subjects = [...new Set(role.subjects.map((s) => subjectClaim(role.repository, s)))].sort(cmp);
    const inlinePolicies = Object.keys(role.inlinePolicies ?? {})
      .sort(cmp)
      .map((name) => ({ name, document: renderChecked(ctx, role.inlinePolicies![name], [...at, "inlinePolicies", name], IAM_ROLE_LIMITS.inlinePolicyChars, "KL302") }));
    roles.push({
      key,
      name: role.name ?? key,
      account: { name: a.name, id: a.id },
      description: role.description,
      providerArn,
      repository: role.repository,
      subjects,
      assumeRolePolicy: renderChecked(ctx, githubTrustPolicy(providerArn, subjects), [...at, "subjects"], IAM_ROLE_LIMITS.trustPolicyChars, "KL503"),
      managedPolicyArns: (role.managedPolicies ?? []).map((m) => managedPolicyArn(m, partition)).sort(cmp),
      inlinePolicies,
      maxSessionDuration: role.maxSessionDuration ?? 3600,
      tags: sortedTags(role.tags),
    });
  }
  return { providers, roles };
}
