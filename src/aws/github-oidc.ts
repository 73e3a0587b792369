import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles,
} from "@aws-sdk/client-iam";
import type { GithubOidcSnapshot } from "../brownfield/adopt-github-oidc";

async function collect<T, R>(pages: AsyncIterable<T>, pick: (page: T) => readonly R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

/** IAM returns policy documents URL-encoded. */
const decode = (doc: string | undefined) => (doc ? decodeURIComponent(doc) : "{}");

/**
 * The GitHub Actions OIDC providers of one account and the roles that trust them. Read-only:
 * iam:ListOpenIDConnectProviders, GetOpenIDConnectProvider, ListRoles, GetRole,
 * ListAttachedRolePolicies, ListRolePolicies, GetRolePolicy.
 */
export async function readGithubOidc(iam: IAMClient): Promise<GithubOidcSnapshot> {
  const providers: GithubOidcSnapshot["providers"][number][] = [];
  for (const p of (await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []) {
    if (!p.Arn || !/oidc-provider\/token\.actions\.githubusercontent\.com(\/|$)/.test(p.Arn)) continue;
    const d = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.Arn }));
    providers.push({ arn: p.Arn, url: d.Url ?? "", clientIds: [...(d.ClientIDList ?? [])].sort() });
  }
  const arns = new Set(providers.map((p) => p.arn));
  const roles: GithubOidcSnapshot["roles"][number][] = [];
  if (!arns.size) return { providers, roles };
  for (const r of await collect(paginateListRoles({ client: iam }, {}), (x) => x.Roles)) {
    const trust = decode(r.AssumeRolePolicyDocument);
    if (![...arns].some((a) => trust.includes(a))) continue;
    const RoleName = r.RoleName!;
    const role = (await iam.send(new GetRoleCommand({ RoleName }))).Role ?? r;
    const attached = await collect(paginateListAttachedRolePolicies({ client: iam }, { RoleName }), (x) => x.AttachedPolicies);
    const inlineNames = await collect(paginateListRolePolicies({ client: iam }, { RoleName }), (x) => x.PolicyNames);
    const inline: Record<string, string> = {};
    for (const PolicyName of [...inlineNames].sort()) inline[PolicyName] = decode((await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))).PolicyDocument);
    roles.push({
      name: RoleName,
      path: role.Path ?? "/",
      arn: role.Arn ?? "",
      ...(role.Description ? { description: role.Description } : {}),
      trustPolicy: decode(role.AssumeRolePolicyDocument ?? r.AssumeRolePolicyDocument),
      maxSessionDuration: role.MaxSessionDuration ?? 3600,
      ...(role.PermissionsBoundary?.PermissionsBoundaryArn ? { permissionsBoundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn } : {}),
      managedPolicyArns: attached.map((a) => a.PolicyArn!).sort(),
      inlinePolicies: inline,
      tags: Object.fromEntries((role.Tags ?? []).map((t) => [t.Key!, t.Value ?? ""])),
    });
  }
  return { providers, roles: roles.sort((a, b) => (a.name < b.name ? -1 : 1)) };
}
