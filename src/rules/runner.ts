import { diagnostic, Diagnostic } from "../diagnostics/diagnostic";
import type { SourceFile } from "../load/source-file";
import type { PlanRule, RuleContext } from "./plan-rule";

/**
 * Runs every plan rule and turns its findings into located diagnostics (the registry gives the
 * severity). A rule that throws becomes finding KL699 naming the rule and
 * the message, at the inventory file: never a crash, never a silent skip.
 */
export function runPlanRules(rules: readonly PlanRule[], ctx: RuleContext, sources: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      for (const f of rule.check(ctx)) {
        out.push(diagnostic({ code: f.code, file: f.file, source: sources.get(f.file), path: f.path, message: f.message, fix: f.fix, subject: f.subject }));
      }
    } catch (e) {
      const file = ctx.inventory.source.file;
      out.push(
        diagnostic({
          code: "KL699",
          file,
          source: sources.get(file),
          message: `rule "${rule.name}" (${rule.codes.join(", ")}) failed: ${e instanceof Error ? e.message : String(e)}; its checks did not run`,
          fix: "this is a bug in keyless: report it with the message; the other findings are still valid",
          subject: `rule:${rule.name}`,
        }),
      );
    }
  }
  return out;
}
