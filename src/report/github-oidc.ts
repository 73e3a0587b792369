import { cmp } from "../diagnostics/diagnostic";
import { workflowUsage } from "./workflow-usage";
import type { WorkspacePlan } from "../plan";
import { cell, code, policyName, table } from "./markdown";
import type { GithubOidcReport, GithubRoleSummary } from "./model";
import { labelledStatement } from "./policy-words";
import { normalizePolicy } from "./statements";

export function githubOidcReport(ws: WorkspacePlan, partition: string): GithubOidcReport {
  const roles: GithubRoleSummary[] = ws.githubOidc.roles.map((r) => {
    const usage = r.githubSubjects ? workflowUsage(r, ws.aws.region) : undefined;
    return {
      name: r.name,
      account: r.account.name,
      accountId: r.account.id,
      arn: r.arn ?? `arn:${partition}:iam::${r.account.id}:role/${r.name}`,
      repository: r.repository,
      subjects: [...[...r.subjects].sort(cmp), ...[...(r.subjectPatterns ?? [])].sort(cmp).map((p) => `like ${p}`)],
      jobNeeds: usage?.jobNeeds ?? [],
      ...(usage ? { workflowStep: usage.yaml } : {}),
      policies: [...r.managedPolicyArns.map(policyName), ...r.inlinePolicies.map((p) => `inline:${p.name}`)],
      ...(r.permissionsBoundaryArn ? { permissionsBoundary: policyName(r.permissionsBoundaryArn) } : {}),
      maxSessionDuration: r.maxSessionDuration,
      trustPolicy: r.assumeRolePolicy,
      inlinePolicies: r.inlinePolicies.map((p) => ({ name: p.name, document: p.document, statements: normalizePolicy(p.document).map(labelledStatement) })),
      readOnly: r.readOnly ?? false,
      optIns: (r.optIns ?? []).map((o) => ({ kind: o.kind, reason: o.reason, detail: o.detail })),
    };
  });
  roles.sort((a, b) => cmp(a.account, b.account) || cmp(a.name, b.name));
  return { roles };
}

export function renderGithubOidc(g: GithubOidcReport): string[] {
  if (!g.roles.length) return ["No GitHub Actions roles."];
  const steps = g.roles.filter((r) => r.workflowStep);
  const withInline = g.roles.filter((r) => r.inlinePolicies.length);
  const inline = withInline.length
    ? ["", "Inline policies:", "", ...withInline.flatMap((r) => r.inlinePolicies.flatMap((p) => p.statements.map((s) => `- ${code(r.name)} ${cell(p.name)}: ${cell(s)}`)))]
    : [];
  const snippets = steps.length
    ? ["", "<details><summary>Workflow steps for these roles</summary>", "", ...steps.flatMap((r) => ["```yaml", r.workflowStep!.trimEnd(), "```", ""]), "</details>"]
    : [];
  return [
    ...table(
      ["role", "account", "who can assume it (sub)", "the job needs", "policies", "max session"],
      g.roles.map((r) => [
        code(r.name),
        `${code(r.account)} ${r.accountId}`,
        r.subjects.map((s) => (s.startsWith("like ") ? `like ${code(s.slice(5))}` : code(s))).join("<br>"),
        r.jobNeeds.map(cell).join("<br>") || "·",
        `${r.policies.map(cell).join(", ") || "·"}${r.readOnly ? " (read-only)" : ""}`,
        `${r.maxSessionDuration / 3600} h`,
      ]),
    ),
    ...inline,
    ...snippets,
  ];
}
