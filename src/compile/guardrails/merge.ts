import { createHash } from "node:crypto";
import { cmp } from "../../diagnostics/diagnostic";
import { renderPolicy } from "../../policy/policy-document";
import { mergeDenyPolicies } from "../../policy/scp-merge";
import { ScpPlan } from "../../plan";
import { WorkspaceContext } from "../context";
import { Guardrail } from "./guardrail";
import { SCP_LIMITS } from "../../aws-limits";
import { fitDescription } from "./description";

/**
 * Guardrails of one workspace with the same targets and only Deny statements can become one SCP
 * without changing what is denied, which frees attachments on every target (five per target at most).
 * `guardrails.merge`: true merges them; unset suggests it (KL406); false keeps them apart quietly.
 * Merging only ever happens inside one workspace, so every SCP keeps one owner.
 */
export function mergeGuardrails(ctx: WorkspaceContext, guardrails: readonly Guardrail[]): ScpPlan[] {
  const mode = ctx.def.guardrails?.merge;
  const groups = new Map<string, Guardrail[]>();
  for (const g of guardrails) {
    const targets = g.plan.targets.map((t) => t.key).join(",");
    groups.set(targets, [...(groups.get(targets) ?? []), g]);
  }
  const out: ScpPlan[] = [];
  for (const [targets, group] of groups) {
    if (group.length < 2 || targets === "" || mode === false) {
      out.push(...group.map((g) => g.plan));
      continue;
    }
    const members = [...group].sort((a, b) => cmp(a.plan.name, b.plan.name));
    const names = members.map((g) => g.plan.name);
    const merged = mergeDenyPolicies(members.map((g) => ({ name: g.plan.name, document: g.document })));
    const content = "document" in merged ? renderPolicy(merged.document) : undefined;
    const reason =
      "reason" in merged
        ? merged.reason
        : content!.length > SCP_LIMITS.contentChars
          ? `merged they would be ${content!.length} characters, over the limit of ${SCP_LIMITS.contentChars}`
          : undefined;
    const at = mode ? ["guardrails", "merge"] : members[0].plan.declaredAt;
    const list = names.map((n) => `"${n}"`).join(", ");
    if (reason || content === undefined) {
      if (mode)
        ctx.reporter.warn(
          "KL409",
          ctx.source,
          at,
          `${list} share their targets (${targets}) but cannot be merged: ${reason}`,
          "keep them apart, or edit them so that every statement is a Deny with its own Sid",
        );
      out.push(...group.map((g) => g.plan));
      continue;
    }
    const plan = mergedPlan(members, content);
    if (!mode) {
      ctx.reporter.warn(
        "KL406",
        ctx.source,
        at,
        `${list} have only Deny statements and the same targets (${targets}): merged they are one SCP "${plan.name}" of ${content.length} characters (limit ${SCP_LIMITS.contentChars}), using ${members.length - 1} fewer of the ${SCP_LIMITS.policiesPerTarget} SCPs each target allows`,
        "set guardrails.merge: true to emit the merged SCP (Terraform replaces the separate SCPs with it), or guardrails.merge: false to keep them apart and silence this",
      );
      out.push(...group.map((g) => g.plan));
      continue;
    }
    out.push(plan);
  }
  return out.sort((a, b) => cmp(a.key, b.key));
}

function mergedPlan(members: readonly Guardrail[], content: string): ScpPlan {
  const names = members.map((g) => g.plan.name);
  return {
    key: `merged_${names.join("+")}`,
    name: mergedName(names),
    description: fitDescription(`keyless: merged from ${names.join(", ")}`),
    content,
    targets: members[0].plan.targets,
    exemptions: members.flatMap((g) => g.plan.exemptions.map((e) => `${g.plan.name}: ${e}`)),
    mergedFrom: names,
    declaredAt: ["guardrails", "merge"],
  };
}

/** Member names joined by "+", shortened with a hash of the full list when past 128 characters. */
function mergedName(names: readonly string[]): string {
  const full = names.join("+");
  if (full.length <= 128) return full;
  return `${full.slice(0, 120)}-${createHash("sha256").update(full).digest("hex").slice(0, 7)}`;
}
