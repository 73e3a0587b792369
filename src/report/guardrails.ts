import { SCP_LIMITS } from "../aws-limits";
import { cmp } from "../diagnostics/diagnostic";
import type { ScpPlan, WorkspacePlan } from "../plan";
import { cell, code, table } from "./markdown";
import type { GuardrailsReport, GuardrailSummary } from "./model";

export function guardrailsReport(ws: WorkspacePlan): GuardrailsReport {
  const policies = ws.guardrails.policies.map(summarize).sort((a, b) => cmp(a.name, b.name));
  return { policies };
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/**
 * Reads the SCP as AWS will: the actions its Deny statements name, and the principals its conditions
 * leave out (`ArnNotLike`/`ArnNotEquals` on `aws:PrincipalArn`, `StringNotEquals` on
 * `aws:PrincipalTag/<key>`). Working from the rendered policy keeps the report true whatever the
 * definitions said.
 */
function summarize(p: ScpPlan): GuardrailSummary {
  const denies = new Set<string>();
  const exemptions = new Set<string>();
  let doc: { Statement?: unknown } = {};
  try {
    doc = JSON.parse(p.content) as { Statement?: unknown };
  } catch {
    // The compiler renders every SCP; unreadable content would be a bug, and shows as no statements.
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  for (const s of statements as Record<string, unknown>[]) {
    if (s.Effect !== "Deny") continue;
    for (const a of asList(s.Action)) denies.add(a);
    for (const a of asList(s.NotAction)) denies.add(`everything but ${a}`);
    const cond = (s.Condition ?? {}) as Record<string, Record<string, unknown>>;
    for (const op of ["ArnNotLike", "ArnNotEquals", "ArnNotLikeIfExists"]) {
      for (const arn of asList(cond[op]?.["aws:PrincipalArn"])) exemptions.add(arn);
    }
    for (const op of ["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike"]) {
      for (const [k, v] of Object.entries(cond[op] ?? {})) {
        const m = /^aws:PrincipalTag\/(.+)$/.exec(k);
        if (m) for (const val of asList(v)) exemptions.add(`tag:${m[1]}=${val}`);
      }
    }
  }
  return {
    name: p.name,
    description: p.description,
    targets: p.targets.map((t) => t.key).sort(cmp),
    denies: [...denies].sort(cmp),
    exemptions: p.exemptions ? [...p.exemptions] : [...exemptions].sort(cmp),
    ...(p.mergedFrom?.length ? { mergedFrom: [...p.mergedFrom] } : {}),
    characters: p.content.length,
  };
}

export function renderGuardrails(g: GuardrailsReport): string[] {
  if (!g.policies.length) return ["No guardrails."];
  return table(
    ["SCP", "attached to", "denies", "exempt", "size"],
    g.policies.map((p) => [
      `${code(p.name)}${p.mergedFrom ? ` (merges ${p.mergedFrom.map(code).join(", ")})` : ""}`,
      p.targets.map(code).join(", "),
      p.denies.length > 6 ? `${p.denies.slice(0, 6).map(cell).join(", ")} and ${p.denies.length - 6} more` : p.denies.map(cell).join(", ") || "·",
      p.exemptions.map(cell).join("<br>") || "nobody",
      `${p.characters} / ${SCP_LIMITS.contentChars}`,
    ]),
  );
}
