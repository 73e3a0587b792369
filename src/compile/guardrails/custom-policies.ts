import { cmp } from "../../diagnostics/diagnostic";
import { DiagnosticCode } from "../../diagnostics/codes";
import { scpProblems, ScpProblem } from "../../policy/scp-rules";
import { WorkspaceContext } from "../context";
import { renderChecked } from "../render-policy";
import { Guardrail } from "./guardrail";
import { attachmentTargets } from "./targets";

const CODE: Record<ScpProblem["kind"], DiagnosticCode> = {
  element: "KL404",
  action: "KL405",
  resource: "KL407",
  "allow-beside-full-access": "KL408",
};

/** `guardrails.policies`: custom SCPs, validated as SCPs. */
export function compileCustomPolicies(ctx: WorkspaceContext): Guardrail[] {
  const policies = ctx.def.guardrails?.policies ?? {};
  return Object.keys(policies)
    .sort(cmp)
    .map((name) => {
      const p = policies[name];
      const at = ["guardrails", "policies", name];
      for (const problem of scpProblems(p.document)) {
        const report = problem.kind === "allow-beside-full-access" ? ctx.reporter.warn : ctx.reporter.error;
        report.call(ctx.reporter, CODE[problem.kind], ctx.source, [...at, "document", ...problem.path], problem.message, problem.fix);
      }
      return {
        document: p.document,
        plan: {
          key: `policy_${name}`,
          name,
          description: p.description ?? `keyless: ${name}`,
          content: renderChecked(ctx, p.document, [...at, "document"]),
          targets: attachmentTargets(ctx, p.targets, [...at, "targets"]),
          exemptions: [],
          declaredAt: at,
        },
      };
    });
}
