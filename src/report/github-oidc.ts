import { cmp } from "../diagnostics/diagnostic";
import type { WorkspacePlan } from "../plan";
import { cell, code, policyName, table } from "./markdown";
import type { GithubOidcReport, GithubRoleSummary } from "./model";

export function githubOidcReport(ws: WorkspacePlan, partition: string): GithubOidcReport {
  const roles: GithubRoleSummary[] = ws.githubOidc.roles.map((r) => ({
    name: r.name,
    account: r.account.name,
    accountId: r.account.id,
    arn: `arn:${partition}:iam::${r.account.id}:role/${r.name}`,
    repository: r.repository,
    subjects: [...r.subjects].sort(cmp),
    policies: [...r.managedPolicyArns.map(policyName), ...r.inlinePolicies.map((p) => `inline:${p.name}`)],
    maxSessionDuration: r.maxSessionDuration,
  }));
  roles.sort((a, b) => cmp(a.account, b.account) || cmp(a.name, b.name));
  return { roles };
}

export function renderGithubOidc(g: GithubOidcReport): string[] {
  if (!g.roles.length) return ["No GitHub Actions roles."];
  return table(
    ["role", "account", "who can assume it (sub)", "policies", "max session"],
    g.roles.map((r) => [
      code(r.name),
      `${code(r.account)} ${r.accountId}`,
      r.subjects.map(code).join("<br>"),
      r.policies.map(cell).join(", ") || "·",
      `${r.maxSessionDuration / 3600} h`,
    ]),
  );
}
