import { resolve } from "node:path";
import { readPreviousStacks } from "../../stack/previous-output";
import { permissionSetReplacements } from "../../stack/replacements";
import { reportCsv } from "../../report/csv";
import { reportHtml } from "../../report/html";
import { fileLocator } from "../../report/locate";
import { buildReport, renderReport, reportJson } from "../../report/report";
import type { Command } from "../command";
import { EXIT } from "../context";
import { compileSelected, emit, reportFindings } from "../compile-step";
import { oneOf, str } from "../options";

export const reportCommand: Command = {
  name: "report",
  summary: "effective access: who has what where, GitHub roles, guardrails, hazards",
  details: [
    "Per workspace: a matrix of accounts x groups and users with their permission sets, the GitHub Actions roles and the",
    "subjects that can assume them, the accounts and OUs each guardrail covers and its exemptions, and the hazards",
    "(replacements, opt-ins, acknowledged findings, grants expiring within 14 days). Deterministic for a given --date.",
    "--format html writes one self-contained page (no network, no external assets) filterable by account, OU, group and",
    "permission set; --format csv the flat grant list (principal, permission set, account, OU, expiry, source file:line).",
  ],
  options: {
    format: { type: "string", value: "markdown|json|html|csv", help: "output format (default: markdown)" },
    out: { type: "string", value: "<path>", help: "write to this file (or folder: access-report.md|json|html|csv) instead of stdout" },
    since: { type: "string", value: "<folder>", help: "previous synth output, to report permission sets that would be replaced (default: cdktf.out, if present)" },
  },
  run(io, values) {
    const format = oneOf("format", values.format, ["markdown", "json", "html", "csv"], "markdown");
    const c = compileSelected(io, values);
    if (!reportFindings(io, c)) return EXIT.findings;
    // Replacements are relative to what was last synthesized (and so, usually, applied).
    const since = resolve(io.cwd, str(values.since) ?? "cdktf.out");
    const replacements = permissionSetReplacements(readPreviousStacks(since), c.plan!);
    const report = buildReport(c.plan!, [...c.diagnostics, ...c.acknowledged, ...replacements], c.evaluationDate, { locate: fileLocator(io.cwd) });
    const render = { markdown: renderReport, json: reportJson, html: reportHtml, csv: reportCsv }[format];
    emit(io, values, render(report), `access-report.${format === "markdown" ? "md" : format}`);
    return EXIT.ok;
  },
};
