import { cmp } from "../../diagnostics/diagnostic";
import { DiagnosticCode } from "../../diagnostics/codes";
import type { AttachmentTargets, PolicyDocument } from "../../../modules/generated/workspace";
import { conditionsAlwaysTrue, coversAction, coversAnyResource, statementsOf } from "../../policy/model";
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
      checkDenyAll(ctx, p.document, p.targets, at);
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

/**
 * KL414: an unconditional Deny of every action on every resource, attached to the root or to an OU
 * with active accounts, locks every principal of those accounts out (keyless's roles included).
 */
function checkDenyAll(ctx: WorkspaceContext, doc: PolicyDocument, targets: AttachmentTargets, at: (string | number)[]): void {
  let statements;
  try {
    statements = statementsOf(doc);
  } catch {
    return; // reported as a policy problem
  }
  const active = [...ctx.inventory.accounts.values()].filter((a) => a.status === "ACTIVE" && a.name !== ctx.inventory.managementAccount);
  const locked = [
    ...(targets.root ? [`the root (${active.length} active member accounts)`] : []),
    ...(targets.organizationalUnits ?? []).flatMap((ou) => {
      const n = active.filter((a) => a.ou === ou || a.ou.startsWith(`${ou}/`)).length;
      return n ? [`OU ${ou} (${n} active accounts)`] : [];
    }),
  ];
  if (!locked.length) return;
  for (const s of statements) {
    if (s.effect !== "Deny" || s.actions.kind !== "Action" || !coversAction(s, "*") || !coversAnyResource(s, "*") || !conditionsAlwaysTrue(s.conditions)) continue;
    ctx.reporter.error(
      "KL414",
      ctx.source,
      [...at, "document", "Statement", s.index],
      `statement ${s.sid ?? s.index} denies every action on every resource without a condition, and the policy is attached to ${locked.join(" and ")}: every principal there is locked out`,
      "add a condition (for example ArnNotLike on aws:PrincipalArn for the roles that must keep working) or list the actions to deny; acknowledge it if locking these accounts is intended",
    );
  }
}
