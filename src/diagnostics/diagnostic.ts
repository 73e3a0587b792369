import { RULES } from "../rules/catalog";
import type { Severity } from "../rules/rule-info";
import { CODES, DiagnosticCode } from "./codes";

export type { Severity } from "../rules/rule-info";
export type JsonPath = readonly (string | number)[];

/** One finding about the user's definitions: where, what, and how to fix it. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** Definition file, relative to the working directory, with forward slashes. */
  readonly file: string;
  /** Path of the offending value inside the file. */
  readonly path: JsonPath;
  /** 1-based line and column of the value, when the file could be parsed. */
  readonly line?: number;
  readonly column?: number;
  /** What was found and what was expected. */
  readonly message: string;
  /** How to fix it. */
  readonly fix?: string;
  /**
   * What the finding is about, derived from names (`permission-set:Admin`, `role:app-deploy`,
   * `assignment:user:alice/ReadOnly/app-dev`): stable across reorderings, and what an
   * acknowledgement names.
   */
  readonly subject?: string;
}

/** A finding accepted by an `acknowledgements:` entry: it no longer fails the run, and stays listed. */
export interface AcknowledgedDiagnostic extends Diagnostic {
  readonly acknowledgement: {
    readonly reason: string;
    /** Where the acknowledgement is written. */
    readonly file: string;
    readonly path: JsonPath;
    readonly line?: number;
  };
}

/** Turns a JSON path into a line and column: a loaded definition file (src/load/source-file.ts). */
export interface Locator {
  readonly file: string;
  locate(path: JsonPath): { readonly line: number; readonly column: number } | undefined;
}

/** What a diagnostic says, by name; where it is comes from `source` (located) or `file`. */
export type DiagnosticInput = {
  readonly code: DiagnosticCode;
  /** Path of the offending value. @default [] (the file as a whole) */
  readonly path?: JsonPath;
  /** What was found and what was expected. */
  readonly message: string;
  /** How to fix it. */
  readonly fix?: string;
  /** Name-derived subject, what an acknowledgement names. */
  readonly subject?: string;
  /** A position known otherwise (a parse error's): wins over locating `path`. */
  readonly line?: number;
  readonly column?: number;
} & ({ readonly source: Locator; readonly file?: string } | { readonly file: string; readonly source?: Locator });

/**
 * The one way to make a Diagnostic: the severity is the registry's for the code (src/rules/catalog/),
 * the line and column are `path` located in `source` unless given. Keys come in one order and
 * undefined ones are left out, so JSON output is stable.
 */
export function diagnostic(d: DiagnosticInput): Diagnostic {
  const file = d.file ?? d.source!.file;
  const path = d.path ?? [];
  const pos = d.line !== undefined ? { line: d.line, column: d.column } : d.source?.locate(path);
  return {
    code: d.code,
    severity: RULES[d.code].severity,
    file,
    path,
    ...(pos?.line !== undefined ? { line: pos.line } : {}),
    ...(pos?.column !== undefined ? { column: pos.column } : {}),
    message: d.message,
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
    ...(d.subject !== undefined ? { subject: d.subject } : {}),
  };
}

/** `$.a.b[2]["odd key"]`: the JSON path users see. */
export function formatPath(path: JsonPath): string {
  let out = "$";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  const lines = [`${where} ${d.severity} ${d.code} at ${formatPath(d.path)}: ${d.message}`];
  if (d.fix) lines.push(`  fix: ${d.fix}`);
  if (d.subject && acknowledgeable(d.code)) lines.push(`  subject: ${d.subject}`);
  return lines.join("\n");
}

/** Errors first, then by file, line and code, so output is stable. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === "error" ? 0 : 1);
  return [...ds].sort(
    (a, b) => rank(a) - rank(b) || cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message),
  );
}

export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  const sorted = sortDiagnostics(ds);
  const errors = sorted.filter((d) => d.severity === "error").length;
  const warnings = sorted.length - errors;
  const body = sorted.map(formatDiagnostic).join("\n");
  return `${body}\n\n${errors} error(s), ${warnings} warning(s)`;
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");

/** Code-point order: the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeCode(code: DiagnosticCode): string {
  return CODES[code];
}

/** Whether findings of `code` can be acknowledged with an `acknowledgements:` entry. */
export function acknowledgeable(code: DiagnosticCode): boolean {
  return RULES[code].acknowledgeable === "acknowledgements";
}
