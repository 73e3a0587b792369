import type { Diagnostic } from "../diagnostics/diagnostic";
import type { AccessPlan } from "../plan";
import { applyOrder } from "./apply-order";
import { githubOidcReport, renderGithubOidc } from "./github-oidc";
import { guardrailsReport, renderGuardrails } from "./guardrails";
import { hazardsOf, renderHazards } from "./hazards";
import { identityCenterReport, Locator, permissionSetNames, renderIdentityCenter } from "./identity-center";
import { cell, code, plural } from "./markdown";
import { AccessReport, REPORT_VERSION, WorkspaceReport } from "./model";

export interface ReportOptions {
  /** Lines of JSON paths in workspace files, for grant sources; without it, sources name the file only. */
  readonly locate?: Locator;
}

/** The effective-access report of a compiled plan. Pure: no clock, no file system. */
export function buildReport(plan: AccessPlan, diagnostics: readonly Diagnostic[], evaluationDate: string, options: ReportOptions = {}): AccessReport {
  const names = permissionSetNames(plan);
  const ous = plan.organization ? new Map(plan.organization.accounts.map((a) => [a.name, a.ou])) : undefined;
  const files = new Set(plan.workspaces.map((w) => w.file));
  const workspaces: WorkspaceReport[] = plan.workspaces.map((ws) => {
    const identityCenter = identityCenterReport(ws, names, ous, options.locate);
    const githubOidc = githubOidcReport(ws, plan.partition);
    return {
      name: ws.name,
      file: ws.file,
      ...(ws.description ? { description: ws.description } : {}),
      identityCenter,
      githubOidc,
      guardrails: guardrailsReport(ws, plan.organization),
      hazards: hazardsOf(
        diagnostics.filter((d) => d.file === ws.file),
        identityCenter.grants,
        githubOidc.roles,
        evaluationDate,
      ),
    };
  });
  return {
    version: REPORT_VERSION,
    evaluationDate,
    applyOrder: applyOrder(plan),
    workspaces,
    hazards: hazardsOf(
      diagnostics.filter((d) => !files.has(d.file)),
      [],
      [],
      evaluationDate,
    ),
    ...(plan.organization ? { managementAccount: plan.organization.managementAccount } : {}),
  };
}

/** The report as Markdown: one section per workspace, one subsection per area. */
export function renderReport(report: AccessReport): string {
  const out: string[] = [`# Effective access`, "", `Evaluated on ${report.evaluationDate}, ${plural(report.workspaces.length, "workspace")}.`];
  for (const ws of report.workspaces) {
    const ic = ws.identityCenter;
    out.push("", `## Workspace ${code(ws.name)}`, "");
    out.push(
      `${code(ws.file)}${ws.description ? `: ${cell(ws.description)}` : ""}. ${plural(ic.grants.length, "account assignment")}, ${plural(ws.githubOidc.roles.length, "GitHub role")}, ${plural(ws.guardrails.policies.length, "guardrail")}.`,
    );
    out.push("", "### Identity Center: who has what, where", "", ...renderIdentityCenter(ic));
    out.push("", "### GitHub Actions roles", "", ...renderGithubOidc(ws.githubOidc));
    out.push("", "### Guardrails", "", ...renderGuardrails(ws.guardrails, report.managementAccount));
    out.push("", "### Hazards", "", ...renderHazards(ws.hazards));
  }
  if (report.hazards.length) out.push("", "## Other findings", "", ...renderHazards(report.hazards));
  return out.join("\n") + "\n";
}

/** The report as JSON: stable key order (as built), two-space indent, trailing newline. */
export function reportJson(report: AccessReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
