import { compile } from "../../compile/compile";
import { Diagnostic, formatDiagnostics, hasErrors } from "../../diagnostics/diagnostic";
import type { AccessPlan } from "../../plan";
import { applyOrder } from "../../report/apply-order";
import { changedWorkspaces, diffReports, renderDiff } from "../../report/diff";
import { materializeBase } from "../../report/git-base";
import { code } from "../../report/markdown";
import { buildReport, renderReport } from "../../report/report";
import type { Command } from "../command";
import { EXIT, InputError, paint, UsageError } from "../context";
import { compileSelected, emit, reportFindings } from "../compile-step";
import { oneOf, str } from "../options";
import { parseDate } from "../../compile/identity-center/expiry";

export const diffCommand: Command = {
  name: "diff",
  summary: "what a change does to effective access, against a git ref (for PR comments)",
  details: [
    "Compiles the definitions folder as it is at --base (read with git archive, never checked out) and as it is in the",
    "working tree (or at --head), and lists first what grants more than before (widened), then what grants less, then",
    "grants added and removed, permission sets replaced or changed, GitHub roles added, removed or whose trust changed,",
    "guardrail coverage changed, and every policy's statements added, removed or changed (actions, resources, conditions).",
    "Between two refs (--base <last review> --head <now>) it is the access-review delta for the period.",
    "--base-date evaluates the base's grant expiry on another day than --date: --base HEAD --base-date <a week ago> lists what expired since then (the daily apply run plans those workspaces).",
    "An empty diff says so. Exit 0 whether or not anything changed.",
    "--format names prints the workspaces whose compiled plan differs, one per line, owners first (what CI should plan and apply, in order).",
  ],
  options: {
    base: { type: "string", value: "<git-ref>", help: "commit, branch or tag to compare with (required), e.g. origin/main" },
    head: { type: "string", value: "<git-ref>", help: "compare with the definitions at this commit instead of the working tree" },
    "base-date": { type: "string", value: "<YYYY-MM-DD>", help: "evaluate the base's grant expiry on this day (default: --date)" },
    format: { type: "string", value: "markdown|json|names", help: "output format (default: markdown)" },
    "with-report": { type: "boolean", help: "append the full effective-access report (markdown), folded, for one PR comment" },
    out: { type: "string", value: "<path>", help: "write to this file (or folder: access-diff.md|json|txt) instead of stdout" },
  },
  run(io, values) {
    const ref = str(values.base);
    if (!ref) throw new UsageError("diff needs --base <git-ref>, for example --base origin/main");
    const format = oneOf("format", values.format, ["markdown", "json", "names"], "markdown");
    const headRef = str(values.head);
    const baseDate = str(values["base-date"]);
    if (baseDate !== undefined && parseDate(baseDate) === undefined)
      throw new UsageError(`--base-date "${baseDate}" is not a calendar date, expected YYYY-MM-DD, for example --base-date 2026-11-01`);
    // Between two refs the working tree does not matter (it gives the folder and the date only).
    const current = compileSelected(io, values);
    if (!headRef && !reportFindings(io, current)) return EXIT.findings;
    const wanted = (values.workspace as string[] | undefined) ?? [];
    const compileAt = (at: string, evaluationDate: string): AccessPlan | undefined => {
      const tree = materializeBase(at, current.dir, io.cwd);
      try {
        if (!tree.dir) return undefined;
        const r = compile({ dir: tree.dir, cwd: tree.root, evaluationDate });
        if (hasErrors(r.diagnostics) || !r.plan) {
          io.stderr(paint(io, formatDiagnostics(r.diagnostics.filter((d) => d.severity === "error"))));
          throw new InputError(`the definitions at ${at} do not compile (errors above), so there is nothing to compare with`);
        }
        return select(r.plan, wanted);
      } finally {
        tree.cleanup();
      }
    };
    const baseEvaluationDate = baseDate ?? current.evaluationDate;
    const basePlan = compileAt(ref, baseEvaluationDate);
    let head: { plan: AccessPlan; diagnostics: readonly Diagnostic[]; evaluationDate: string } = {
      plan: current.plan as AccessPlan,
      diagnostics: [...current.diagnostics, ...current.acknowledged],
      evaluationDate: current.evaluationDate,
    };
    if (headRef) {
      const plan = compileAt(headRef, current.evaluationDate);
      if (!plan) throw new InputError(`${headRef} has no definitions in ${current.dir}, so there is nothing to compare`);
      head = { plan, diagnostics: [], evaluationDate: current.evaluationDate };
    }
    const headReport = buildReport(head.plan, head.diagnostics, head.evaluationDate);
    const diff = diffReports(basePlan && buildReport(basePlan, [], baseEvaluationDate), headReport);

    if (format === "names") {
      const names = changedPlans(basePlan, head.plan);
      emit(io, values, names.length ? names.join("\n") + "\n" : "", "access-diff.txt");
      return EXIT.ok;
    }
    if (format === "json") {
      emit(
        io,
        values,
        JSON.stringify(
          {
            base: ref,
            ...(headRef ? { head: headRef } : {}),
            evaluationDate: head.evaluationDate,
            ...(baseDate ? { baseEvaluationDate: baseDate } : {}),
            baseHasDefinitions: !!basePlan,
            changedWorkspaces: changedWorkspaces(diff),
            diff,
          },
          null,
          2,
        ) + "\n",
        "access-diff.json",
      );
      return EXIT.ok;
    }
    const against = baseDate ? `${code(ref)} on ${baseDate}` : code(ref);
    let text = renderDiff(diff, headRef ? `${against} as of ${code(headRef)}` : against);
    if (!basePlan) text = text.replace("\n\n", `\n\n${code(ref)} has no definitions in ${code(current.dir)}: everything is new.\n\n`);
    if (values["with-report"]) {
      const report = renderReport(headReport).replace(/^# Effective access\n/, "");
      text += `\n<details><summary>Effective access after this change</summary>\n\n${report}\n</details>\n`;
    }
    emit(io, values, text, "access-diff.md");
    return EXIT.ok;
  },
};

function select(plan: AccessPlan, wanted: readonly string[]): AccessPlan {
  return wanted.length ? { ...plan, workspaces: plan.workspaces.filter((w) => wanted.includes(w.name)) } : plan;
}

/**
 * Workspaces whose compiled plan differs from the base (new ones included): the ones worth a
 * terraform plan, in apply order (owners first).
 */
export function changedPlans(base: AccessPlan | undefined, head: AccessPlan): string[] {
  const before = new Map((base?.workspaces ?? []).map((w) => [w.name, JSON.stringify({ ...w, file: undefined })]));
  const changed = new Set(head.workspaces.filter((w) => before.get(w.name) !== JSON.stringify({ ...w, file: undefined })).map((w) => w.name));
  return applyOrder(head).filter((w) => changed.has(w));
}
