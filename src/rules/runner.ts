import type { Diagnostic } from "../diagnostics/diagnostic";
import type { SourceFile } from "../load/source-file";
import { RULES } from "./registry";
import type { PlanRule, RuleContext } from "./plan-rule";

/**
 * Runs every plan rule and turns its findings into located diagnostics (the registry gives the
 * severity unless the finding sets one). A rule that throws becomes finding KL699 naming the rule and
 * the message, at the inventory file: never a crash, never a silent skip.
 */
export function runPlanRules(rules: readonly PlanRule[], ctx: RuleContext, sources: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      for (const f of rule.check(ctx)) {
        const pos = sources.get(f.file)?.locate(f.path);
        out.push({ code: f.code, severity: f.severity ?? RULES[f.code].severity, file: f.file, path: f.path, line: pos?.line, column: pos?.column, message: f.message, fix: f.fix, subject: f.subject });
      }
    } catch (e) {
      const file = ctx.inventory.source.file;
      const pos = sources.get(file)?.locate([]);
      out.push({
        code: "KL699",
        severity: "error",
        file,
        path: [],
        line: pos?.line,
        column: pos?.column,
        message: `rule "${rule.name}" (${rule.codes.join(", ")}) failed: ${e instanceof Error ? e.message : String(e)}; its checks did not run`,
        fix: "this is a bug in keyless: report it with the message; the other findings are still valid",
        subject: `rule:${rule.name}`,
      });
    }
  }
  return out;
}
