import type { Acknowledgement } from "../../modules/generated/workspace";
import { AcknowledgedDiagnostic, diagnostic, Diagnostic, JsonPath } from "../diagnostics/diagnostic";
import type { SourceFile } from "../load/source-file";
import { isRuleId, RULES } from "./catalog";
import type { RuleInfo } from "./rule-info";

/** A workspace file and the acknowledgements it declares. */
export interface AcknowledgingWorkspace {
  readonly source: SourceFile;
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface AcknowledgementResult {
  /** Findings still in force, plus findings about the acknowledgements themselves. */
  readonly diagnostics: Diagnostic[];
  readonly acknowledged: AcknowledgedDiagnostic[];
}

/** Words that say nothing about why a finding is acceptable. */
const PLACEHOLDERS = new Set([
  "todo",
  "tbd",
  "tbc",
  "fixme",
  "xxx",
  "wip",
  "n/a",
  "na",
  "none",
  "nothing",
  "asdf",
  "test",
  "temp",
  "temporary",
  "later",
  "ignore",
  "ignored",
  "acknowledged",
  "accepted",
  "approved",
  "ok",
  "okay",
  "fine",
  "because",
  "needed",
  "required",
  "exception",
]);
/** Words that carry no reason on their own. */
const FILLER = new Set([
  "a",
  "an",
  "the",
  "it",
  "is",
  "this",
  "that",
  "for",
  "now",
  "will",
  "we",
  "to",
  "be",
  "fix",
  "fixed",
  "just",
  "until",
  "then",
  "and",
  "or",
  "of",
  "as",
  "on",
  "in",
]);

/** Why a reason is not a real sentence, or undefined when it is one. */
export function reasonProblem(reason: string): string | undefined {
  const text = reason.trim();
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}/]+|[^\p{L}\p{N}/]+$/gu, ""))
    .filter((w) => /\p{L}{2,}/u.test(w));
  if (text.length < 10) return `it is ${text.length} characters long, expected at least ten`;
  if (words.length < 3) return `it has ${words.length} word(s), expected a sentence of at least three`;
  const meaningful = words.filter((w) => !PLACEHOLDERS.has(w) && !FILLER.has(w));
  if (meaningful.length < 3) return `"${text}" is a placeholder, not a reason`;
  return undefined;
}

/** `*` in a subject matches any characters; everything else literally. */
function matcher(pattern: string): (s: string) => boolean {
  if (!pattern.includes("*")) return (s) => s === pattern;
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return (s) => re.test(s);
}

/**
 * Applies each workspace's `acknowledgements:` to the findings located in its own file: a finding of
 * the rule with a matching subject moves to `acknowledged` (it no longer fails the run). An
 * acknowledgement of a rule that cannot be acknowledged is KL692, one without a real reason KL691
 * (and acknowledges nothing), one that matches no finding KL690.
 */
export function applyAcknowledgements(findings: readonly Diagnostic[], workspaces: readonly AcknowledgingWorkspace[]): AcknowledgementResult {
  const remaining = new Set(findings);
  const acknowledged: AcknowledgedDiagnostic[] = [];
  const own: Diagnostic[] = [];
  for (const { source, acknowledgements } of workspaces) {
    const report = (code: "KL690" | "KL691" | "KL692", path: JsonPath, message: string, fix: string, subject: string) => {
      own.push(diagnostic({ code, source, path, message, fix, subject }));
    };
    acknowledgements.forEach((ack, i) => {
      const at = ["acknowledgements", i];
      const name = `${ack.rule} ${ack.subject}`;
      if (!isRuleId(ack.rule)) {
        report("KL692", [...at, "rule"], `${ack.rule} is not a keyless rule`, "use a rule id from RULES.md, as printed with the finding", name);
        return;
      }
      const info: RuleInfo = RULES[ack.rule];
      if (info.acknowledgeable !== "acknowledgements") {
        const allow = (info.allowKinds ?? []).map((k) => `allow.${k}`).join(" or ");
        const why =
          info.acknowledgeable === "role-allow"
            ? `it is acknowledged on the GitHub Actions role, with ${allow}`
            : info.severity === "error"
              ? "its findings are errors that must be fixed"
              : "its findings are not acknowledgeable";
        const how = info.acknowledgeable === "role-allow" ? `remove this entry and set ${allow}: "<reason>" on the role` : "remove this entry and fix the finding";
        report("KL692", [...at, "rule"], `${ack.rule} (${info.summary}) cannot be acknowledged in acknowledgements: ${why}`, how, name);
        return;
      }
      const problem = reasonProblem(ack.reason);
      if (problem) {
        report(
          "KL691",
          [...at, "reason"],
          `the reason for acknowledging ${name} is not a real sentence: ${problem}`,
          "say why the finding is acceptable, for example who decided it and until when",
          name,
        );
        return;
      }
      const matches = matcher(ack.subject);
      const pos = source.locate(at);
      let hits = 0;
      for (const d of remaining) {
        if (d.code !== ack.rule || d.file !== source.file || !d.subject || !matches(d.subject)) continue;
        remaining.delete(d);
        acknowledged.push({ ...d, acknowledgement: { reason: ack.reason, file: source.file, path: at, line: pos?.line } });
        hits++;
      }
      if (hits === 0) {
        report(
          "KL690",
          [...at, "subject"],
          `no ${ack.rule} finding in ${source.file} has subject "${ack.subject}", so this acknowledgement covers nothing`,
          "remove it, or copy the subject exactly as keyless prints it under the finding",
          name,
        );
      }
    });
  }
  return { diagnostics: [...[...remaining], ...own], acknowledged };
}
