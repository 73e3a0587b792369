import { DiagnosticCode } from "../diagnostics/codes";
import { Diagnostic, JsonPath, Severity } from "../diagnostics/diagnostic";
import { SourceFile } from "../load/source-file";

/** Collects diagnostics, locating each one in its source file. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  error(code: DiagnosticCode, source: SourceFile, path: JsonPath, message: string, fix?: string): void {
    this.add("error", code, source, path, message, fix);
  }

  warn(code: DiagnosticCode, source: SourceFile, path: JsonPath, message: string, fix?: string): void {
    this.add("warning", code, source, path, message, fix);
  }

  private add(severity: Severity, code: DiagnosticCode, source: SourceFile, path: JsonPath, message: string, fix?: string) {
    const pos = source.locate(path);
    this.diagnostics.push({ code, severity, file: source.file, path, line: pos?.line, column: pos?.column, message, fix });
  }
}
