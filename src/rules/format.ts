import { AcknowledgedDiagnostic, cmp, Diagnostic, formatDiagnostic, sortDiagnostics } from "../diagnostics/diagnostic";

/**
 * Findings grouped by definition file (files in code-point order; in each, errors first, then by
 * line), then the acknowledged ones with their reasons, then the counts. Each finding shows file,
 * line, code, JSON path, message, fix and, when it can be acknowledged, its subject.
 */
export function formatFindings(diagnostics: readonly Diagnostic[], acknowledged: readonly Diagnostic[] = []): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const sections = [...byFile.keys()].sort(cmp).map((file) => [`# ${file}`, ...sortDiagnostics(byFile.get(file)!).map(formatDiagnostic)].join("\n"));
  if (acknowledged.length) {
    const lines = sortDiagnostics(acknowledged).map((d) => {
      const ack = (d as Partial<AcknowledgedDiagnostic>).acknowledgement;
      return `${formatDiagnostic(d).replace(` ${d.severity} ${d.code} `, ` acknowledged ${d.code} `)}${ack ? `\n  reason: ${ack.reason}${ack.line ? ` (${ack.file}:${ack.line})` : ""}` : ""}`;
    });
    sections.push([`# acknowledged`, ...lines].join("\n"));
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  sections.push(`${errors} error(s), ${diagnostics.length - errors} warning(s), ${acknowledged.length} acknowledged`);
  return sections.join("\n\n");
}
