import type { GithubOidcProvider, GithubOidcRole } from "../../../modules/generated/workspace";
import { cmp } from "../../diagnostics/diagnostic";
import { githubIssuer, githubProviderArn, githubTrustPolicy } from "../../policy/github-trust-policy";
import { GithubRolePlan } from "../../plan";
import { sortedTags, WorkspaceContext } from "../context";
import { renderChecked } from "../render-policy";
import { Acknowledgements } from "./acknowledgements";
import { Declaration } from "../declarations";
import { IAM_ROLE_LIMITS } from "../../aws-limits";
import { resolvePermissions } from "./permissions";
import { classifySubjects } from "./subjects";

/** One role: account and provider, subjects, permissions. Undefined when its account is unknown. Quotas: src/rules/checks/. */
export function compileRole(ctx: WorkspaceContext, key: string, role: GithubOidcRole): GithubRolePlan | undefined {
  const { inventory, reporter, source, registry } = ctx;
  const at = ["githubOidc", "roles", key];
  const a = inventory.requireAccount(role.account, source, [...at, "account"], reporter);
  if (!a) return undefined;
  const account = { name: a.name, id: a.id };
  const ack = new Acknowledgements(ctx, role.allow, at);

  if (a.name === inventory.managementAccount) {
    ack.require(
      "managementAccount",
      "KL517",
      [...at, "account"],
      `the role is in the management account ${a.name}, where SCPs do not apply and a compromised workflow reaches the whole organization`,
      "put CI roles in a member account",
      "role in the management account",
    );
  }
  const decl = registry.githubProviders.get(a.name);
  if (!decl) {
    reporter.error(
      "KL501",
      source,
      [...at, "account"],
      `account "${a.name}" has no GitHub OIDC provider declared in any workspace`,
      `add githubOidc.providers.${a.name}: {} to the workspace that should own it (existing: true if it was created outside keyless)`,
    );
  }
  const issuer = githubIssuer(decl ? providerDefinition(decl).enterpriseSlug : undefined);
  const providerArn = githubProviderArn(inventory.partition, a.id, issuer);

  const { githubSubjects, exact, patterns } = classifySubjects(ctx, ack, role, at);
  const permissions = resolvePermissions(ctx, ack, role, account, at);
  if (!permissions.readOnly) {
    role.subjects.forEach((s, i) => {
      if (!s.pullRequest) return;
      ack.require(
        "pullRequestWithWrite",
        "KL509",
        [...at, "subjects", i, "pullRequest"],
        `pull_request runs (code not yet reviewed) may assume this role, but it is not read-only: ${summarize(permissions.notReadOnly)}`,
        "use a separate read-only role for pull requests (ViewOnlyAccess, or ReadOnlyAccess with its data readers denied), and environment or branch subjects for this one",
        "pull requests on a role that can write",
      );
    });
  }

  const hasSubjects = exact.length + patterns.length > 0;
  const assumeRolePolicy = hasSubjects ? renderChecked(ctx, githubTrustPolicy(providerArn, issuer, exact, patterns), [...at, "subjects"]) : "";

  const inlinePolicies = Object.keys(role.inlinePolicies ?? {})
    .sort(cmp)
    .map((name) => ({ name, document: renderChecked(ctx, role.inlinePolicies![name], [...at, "inlinePolicies", name]) }));

  const name = role.name ?? key;
  const path = role.path ?? "/";
  return {
    key,
    name,
    path,
    arn: `arn:${inventory.partition}:iam::${a.id}:role${path}${name}`,
    account,
    description: role.description,
    providerArn,
    issuer,
    repository: role.repository,
    githubSubjects,
    subjects: exact,
    subjectPatterns: patterns,
    assumeRolePolicy,
    managedPolicyArns: permissions.managedPolicyArns,
    permissionsBoundaryArn: permissions.permissionsBoundaryArn,
    inlinePolicies,
    maxSessionDuration: role.maxSessionDuration ?? IAM_ROLE_LIMITS.minSessionSeconds,
    readOnly: permissions.readOnly,
    optIns: ack.finish(),
    tags: sortedTags(role.tags),
  };
}

/** The first few reasons, and how many more. */
function summarize(reasons: readonly string[]): string {
  const shown = reasons.slice(0, 3).join("; ");
  return reasons.length > 3 ? `${shown}; and ${reasons.length - 3} more` : shown;
}

/** The provider definition behind a registry declaration (it may live in another workspace's file). */
function providerDefinition(decl: Declaration): GithubOidcProvider {
  let node: unknown = decl.source.data;
  for (const seg of decl.path) node = (node as Record<string | number, unknown> | undefined)?.[seg];
  return (node ?? {}) as GithubOidcProvider;
}
