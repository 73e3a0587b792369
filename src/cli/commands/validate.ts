import { formatFindings } from "../../rules/format";
import type { Command } from "../command";
import { countErrors, EXIT, paint } from "../context";
import { compileSelected } from "../compile-step";
import { oneOf } from "../options";

export const validateCommand: Command = {
  name: "validate",
  summary: "check the definitions against the schemas and every rule; write nothing",
  details: [
    "Prints every finding, grouped by file (file:line, code, JSON path, message, fix, and the subject to acknowledge it by), then the acknowledged ones with their reasons. Exit 1 if any is an error. Rules: RULES.md.",
  ],
  options: {
    format: { type: "string", value: "text|json", help: "findings as text (default) or as one JSON object: ok, errors, warnings, diagnostics, acknowledged" },
  },
  run(io, values) {
    const format = oneOf("format", values.format, ["text", "json"], "text");
    const c = compileSelected(io, values);
    const errors = countErrors(c.diagnostics) + c.hiddenErrors;
    if (format === "json") {
      io.stdout(
        JSON.stringify(
          { ok: errors === 0, errors, warnings: c.diagnostics.length - countErrors(c.diagnostics), diagnostics: c.diagnostics, acknowledged: c.acknowledged },
          null,
          2,
        ),
      );
      return errors ? EXIT.findings : EXIT.ok;
    }
    if (c.diagnostics.length || c.acknowledged.length) io.stderr(paint(io, formatFindings(c.diagnostics, c.acknowledged)));
    if (c.hiddenErrors) io.stderr(`keyless: ${c.hiddenErrors} more error(s) in workspaces not selected: run without --workspace to see them.`);
    if (errors) return EXIT.findings;
    const n = c.plan?.workspaces.length ?? 0;
    io.stdout(`keyless: ${c.dir} is valid: ${n} workspace(s)${c.diagnostics.length ? `, ${c.diagnostics.length} warning(s)` : ""}.`);
    return EXIT.ok;
  },
};
