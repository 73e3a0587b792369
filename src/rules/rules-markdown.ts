import { RULES, RULE_IDS } from "./catalog";
import type { RuleCategory, RuleInfo } from "./rule-info";

const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  load: "Loading (KL0xx)",
  schema: "Schema (KL1xx)",
  reference: "Names and references (KL2xx)",
  "identity-center": "IAM Identity Center (KL3xx)",
  guardrails: "Service Control Policies (KL4xx)",
  "github-oidc": "GitHub Actions OIDC (KL5xx)",
  plan: "Rules over the plan (KL6xx)",
  acknowledgement: "Acknowledgements (KL69x)",
  adoption: "Adopting existing AWS objects (KL7xx)",
  stack: "Terraform stacks (KL9xx)",
};

function acknowledgeable(r: RuleInfo): string {
  if (r.acknowledgeable === "acknowledgements") return "yes, with an `acknowledgements:` entry";
  if (r.acknowledgeable === "role-allow") return `yes, on the role with ${(r.allowKinds ?? []).map((k) => `\`allow.${k}\``).join(" or ")}`;
  return "no";
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** RULES.md, generated from the registry: an index table, then one section per rule. */
export function rulesMarkdown(): string {
  const out: string[] = [
    "<!-- GENERATED from src/rules/catalog/index.ts by `npm run gen:rules`. Do not edit: a test fails when this file drifts. -->",
    "",
    "# keyless rules",
    "",
    "Every finding keyless can report, with its stable id. Errors stop the run (exit 1, nothing written);",
    "warnings are reported. A finding whose rule is acknowledgeable can be accepted in the workspace file",
    "where it is reported, by rule and subject (the `subject:` line keyless prints), with a reason:",
    "",
    "```yaml",
    "acknowledgements:",
    "  - rule: KL307",
    "    subject: assignment:user:breakglass-1/AdministratorAccess/management",
    "    reason: The break-glass user works when the IdP is down; reviewed monthly by security.",
    "```",
    "",
    "| id | severity | category | summary | acknowledgeable |",
    "| --- | --- | --- | --- | --- |",
    ...RULE_IDS.map((id) => {
      const r: RuleInfo = RULES[id];
      return `| [${id}](#${id.toLowerCase()}) | ${r.severity} | ${r.category} | ${cell(r.summary)}${r.reserved ? " (reserved)" : ""} | ${r.acknowledgeable ? "yes" : "no"} |`;
    }),
  ];
  let category: RuleCategory | undefined;
  for (const id of RULE_IDS) {
    const r: RuleInfo = RULES[id];
    if (r.category !== category && !(r.category === "plan" && category === "acknowledgement")) {
      category = r.category;
      out.push("", `## ${CATEGORY_TITLES[category]}`);
    }
    out.push("", `### ${id}`, "", `**${r.summary}** (${r.severity}, ${r.category})`, "", r.explanation, "", `Fix: ${r.fix}`, "", `Acknowledgeable: ${acknowledgeable(r)}.`);
    if (r.reserved) out.push("", `Reserved: not reported by this version (${r.reserved}); the id is never reused.`);
  }
  return out.join("\n") + "\n";
}
