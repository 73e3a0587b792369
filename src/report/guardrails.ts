import { SCP_LIMITS } from "../aws-limits";
import { cmp } from "../diagnostics/diagnostic";
import type { OrganizationPlan, ScpPlan, WorkspacePlan } from "../plan";
import { cell, code, table } from "./markdown";
import type { GuardrailsReport, GuardrailSummary } from "./model";
import { actionWords, isNegatedOperator, statementWords } from "./policy-words";
import { isRootOnly, normalizePolicy } from "./statements";

export function guardrailsReport(ws: WorkspacePlan, organization?: OrganizationPlan): GuardrailsReport {
  const policies = ws.guardrails.policies.map((p) => summarize(p, organization)).sort((a, b) => cmp(a.name, b.name));
  return { policies };
}

/**
 * Reads the SCP as AWS will: what its Deny statements deny (`NotAction` as "everything except",
 * root-only statements as such), and whom its conditions leave out (negated operators on
 * `aws:PrincipalArn`, `StringNotEquals` on `aws:PrincipalTag/<key>`). Working from the rendered
 * policy keeps the report true whatever the definitions said. The compiler's words for the
 * built-in guardrail's exemptions are used when it gives them; custom SCPs give none.
 */
function summarize(p: ScpPlan, organization?: OrganizationPlan): GuardrailSummary {
  const denies = new Set<string>();
  const exemptions = new Set<string>();
  const statements = normalizePolicy(p.content);
  for (const s of statements) {
    if (s.effect !== "Deny") continue;
    const root = isRootOnly(s) ? " (root users only)" : "";
    if (s.notActions) denies.add(`${actionWords(s)}${root}`);
    else for (const a of s.actions ?? []) denies.add(`${a}${root}`);
    for (const c of s.conditions) {
      if (!isNegatedOperator(c.operator)) continue;
      if (c.key.toLowerCase() === "aws:principalarn") for (const v of c.values) exemptions.add(v);
      const tag = /^aws:PrincipalTag\/(.+)$/i.exec(c.key);
      if (tag) for (const v of c.values) exemptions.add(`tag:${tag[1]}=${v}`);
    }
  }
  return {
    name: p.name,
    description: p.description,
    targets: p.targets.map((t) => t.key).sort(cmp),
    denies: [...denies].sort(cmp),
    // `exemptions` is empty for custom SCPs (an empty array is truthy: test the length).
    exemptions: p.exemptions.length ? [...p.exemptions] : [...exemptions].sort(cmp),
    ...(p.mergedFrom?.length ? { mergedFrom: [...p.mergedFrom] } : {}),
    characters: p.content.length,
    content: p.content,
    statements: statements.map((s) => (s.sid ? `${s.sid}: ${statementWords(s)}` : statementWords(s))),
    ...(organization ? { uncoveredAccounts: uncovered(p, organization) } : {}),
  };
}

/** Active member accounts none of the SCP's targets reach (an OU target reaches every account below it). */
export function uncovered(p: Pick<ScpPlan, "targets">, org: OrganizationPlan): string[] {
  const keys = new Set(p.targets.map((t) => t.key));
  if (keys.has("root")) return [];
  const reached = (a: OrganizationPlan["accounts"][number]) =>
    keys.has(`account:${a.name}`) || [...keys].some((k) => k.startsWith("ou:") && (a.ou === k.slice(3) || a.ou.startsWith(`${k.slice(3)}/`)));
  return org.accounts.filter((a) => a.status === "ACTIVE" && a.name !== org.managementAccount && !reached(a)).map((a) => a.name);
}

export function renderGuardrails(g: GuardrailsReport, managementAccount?: string): string[] {
  if (!g.policies.length) return ["No guardrails."];
  const out = table(
    ["SCP", "attached to", "denies", "exempt", "does not reach", "size"],
    g.policies.map((p) => [
      `${code(p.name)}${p.mergedFrom ? ` (merges ${p.mergedFrom.map(code).join(", ")})` : ""}`,
      p.targets.map(code).join(", "),
      p.denies.length > 6 ? `${p.denies.slice(0, 6).map(cell).join(", ")} and ${p.denies.length - 6} more` : p.denies.map(cell).join(", ") || "·",
      p.exemptions.map(cell).join("<br>") || "nobody",
      p.uncoveredAccounts ? p.uncoveredAccounts.map(code).join(", ") || "·" : "?",
      `${p.characters} / ${SCP_LIMITS.contentChars}`,
    ]),
  );
  out.push("", "Statements:", "");
  for (const p of g.policies) for (const s of p.statements) out.push(`- ${code(p.name)}: ${cell(s)}`);
  if (managementAccount) out.push("", `SCPs never apply to the management account ${code(managementAccount)}.`);
  return out;
}
