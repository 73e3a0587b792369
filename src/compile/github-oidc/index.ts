import { cmp } from "../../diagnostics/diagnostic";
import { GITHUB_AUDIENCE, githubIssuer, githubProviderArn } from "../../policy/github-trust-policy";
import { GithubOidcPlan, GithubProviderPlan, GithubRolePlan } from "../../plan";
import { sortedTags, WorkspaceContext } from "../context";
import { compileRole } from "./role";

export { IAM_ROLE_LIMITS } from "../../aws-limits";

/** Phase 1: claim each provider (one per account) and each role name (one per account, case-insensitive). */
export function collectGithubOidc(ctx: WorkspaceContext): void {
  const g = ctx.def.githubOidc;
  if (!g) return;
  for (const acct of Object.keys(g.providers ?? {})) {
    const a = ctx.inventory.account(acct);
    ctx.registry.githubProviders.claim(a?.name ?? acct, { workspace: ctx.name, source: ctx.source, path: ["githubOidc", "providers", acct] }, ctx.reporter);
  }
  for (const [key, role] of Object.entries(g.roles ?? {})) {
    const a = ctx.inventory.account(role.account);
    const name = (role.name ?? key).toLowerCase();
    ctx.registry.githubRoles.claim(`${a?.name ?? role.account}/${name}`, { workspace: ctx.name, source: ctx.source, path: ["githubOidc", "roles", key] }, ctx.reporter);
  }
}

/** Phase 2: the providers this workspace creates and its roles, checked. */
export function compileGithubOidc(ctx: WorkspaceContext): GithubOidcPlan {
  const g = ctx.def.githubOidc ?? {};
  const { inventory, reporter, source } = ctx;

  const providers: GithubProviderPlan[] = [];
  for (const acct of Object.keys(g.providers ?? {}).sort(cmp)) {
    const def = g.providers![acct];
    const at = ["githubOidc", "providers", acct];
    const a = inventory.requireAccount(acct, source, at, reporter);
    if (!a) continue;
    if (def.existing) {
      for (const k of ["thumbprints", "tags"] as const) {
        if (def[k] !== undefined)
          reporter.error(
            "KL519",
            source,
            [...at, k],
            `the provider is declared existing, so keyless creates nothing and ${k} would have no effect`,
            `remove ${k}, or remove existing: true to let keyless create the provider`,
          );
      }
      continue;
    }
    const issuer = githubIssuer(def.enterpriseSlug);
    providers.push({
      account: { name: a.name, id: a.id },
      url: `https://${issuer}`,
      arn: githubProviderArn(inventory.partition, a.id, issuer),
      clientIds: [GITHUB_AUDIENCE],
      thumbprints: [...(def.thumbprints ?? [])].map((t) => t.toLowerCase()).sort(cmp),
      tags: sortedTags(def.tags),
    });
  }

  const roles: GithubRolePlan[] = [];
  for (const key of Object.keys(g.roles ?? {}).sort(cmp)) {
    const plan = compileRole(ctx, key, g.roles![key]);
    if (plan) roles.push(plan);
  }
  return { providers, roles };
}
