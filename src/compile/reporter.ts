import type { DiagnosticCode } from "../diagnostics/codes";
import { diagnostic, Diagnostic, JsonPath } from "../diagnostics/diagnostic";
import type { SourceFile } from "../load/source-file";

/**
 * Collects diagnostics, locating each one in its source file. The severity is always the registry's
 * (src/rules/catalog/): `error` and `warn` say which one the caller expects, and a test checks that
 * every call names a code of that severity.
 */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(code: DiagnosticCode, source: SourceFile, path: JsonPath, message: string, fix?: string): void {
    this.diagnostics.push(diagnostic({ code, source, path, message, fix }));
  }

  /** A finding of an error code. */
  error(code: DiagnosticCode, source: SourceFile, path: JsonPath, message: string, fix?: string): void {
    this.report(code, source, path, message, fix);
  }

  /** A finding of a warning code. */
  warn(code: DiagnosticCode, source: SourceFile, path: JsonPath, message: string, fix?: string): void {
    this.report(code, source, path, message, fix);
  }
}
