import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { compile } from "../compile/compile";
import { Diagnostic, formatDiagnostics, hasErrors } from "../diagnostics/diagnostic";
import type { AccessPlan } from "../plan";
import { CliIo, InputError, paint, UsageError } from "./context";
import { OptionValues, str } from "./options";

export interface Compiled {
  /** The plan restricted to the selected workspaces; absent when there are errors. */
  readonly plan?: AccessPlan;
  /** The whole organization's plan (references cross workspaces). */
  readonly fullPlan?: AccessPlan;
  /** Diagnostics of the selected workspaces and of shared files. */
  readonly diagnostics: readonly Diagnostic[];
  /** Errors in workspaces that were not selected. */
  readonly hiddenErrors: number;
  /** Findings accepted by acknowledgements (listed in reports, never failing a run). */
  readonly acknowledged: readonly Diagnostic[];
  readonly evaluationDate: string;
  readonly dir: string;
}

export const DEFAULT_DIR = "environments";
const DEFINITION = /\.(ya?ml|json)$/;

/**
 * Compiles the whole definitions folder (references cross workspaces), then keeps the workspaces
 * `--workspace` selects. Unknown workspace names are usage errors.
 */
export function compileSelected(io: CliIo, values: OptionValues): Compiled {
  const dir = str(values.dir) ?? DEFAULT_DIR;
  const cwd = io.cwd;
  const evaluationDate = str(values.date) ?? io.today();
  const wanted = (values.workspace as string[] | undefined) ?? [];
  checkWorkspaceNames(cwd, dir, wanted);
  const result = compile({ dir, cwd, evaluationDate });
  // Findings accepted by acknowledgements, when the compiler lists them apart, are shown in reports.
  const acknowledged = (result as { acknowledged?: readonly Diagnostic[] }).acknowledged ?? [];
  const plan = result.plan;
  if (!wanted.length) return { plan, fullPlan: plan, diagnostics: result.diagnostics, hiddenErrors: 0, acknowledged, evaluationDate, dir };

  const absDir = resolve(cwd, dir);
  const selected = (d: Diagnostic) => {
    const file = d.file;
    const w = dirname(resolve(cwd, file)) === absDir && DEFINITION.test(file) ? basename(file).replace(DEFINITION, "") : undefined;
    return w === undefined || wanted.includes(w);
  };
  const shown = result.diagnostics.filter(selected);
  const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error").length;
  return {
    plan: plan && { ...plan, workspaces: plan.workspaces.filter((w) => wanted.includes(w.name)) },
    fullPlan: plan,
    diagnostics: shown,
    hiddenErrors: errors(result.diagnostics) - errors(shown),
    acknowledged: acknowledged.filter(selected),
    evaluationDate,
    dir,
  };
}

/** Throws a usage error naming the workspaces `dir` has when `wanted` names one it does not. */
export function checkWorkspaceNames(cwd: string, dir: string, wanted: readonly string[]): void {
  if (!wanted.length) return;
  let names: string[];
  try {
    names = readdirSync(resolve(cwd, dir))
      .filter((f) => DEFINITION.test(f))
      .map((f) => f.replace(DEFINITION, ""));
  } catch {
    return; // an unreadable folder is reported by the compiler (KL001)
  }
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length) throw new UsageError(`unknown workspace ${unknown.map((u) => `"${u}"`).join(", ")}: ${dir} has ${names.sort().join(", ") || "none"}`);
}

/** Prints findings; returns false (after saying why) when there is no plan to go on with. */
export function reportFindings(io: CliIo, c: Compiled): boolean {
  if (c.diagnostics.length) io.stderr(paint(io, formatDiagnostics(c.diagnostics)));
  if (c.hiddenErrors) io.stderr(`keyless: ${c.hiddenErrors} more error(s) in workspaces not selected: run without --workspace to see them.`);
  return !!c.plan && !hasErrors(c.diagnostics) && c.hiddenErrors === 0;
}

/**
 * Writes `text` to stdout, or to `--out`: a file, or inside an existing folder (or a path ending in
 * `/`) as `defaultName`.
 */
export function emit(io: CliIo, values: OptionValues, text: string, defaultName: string): void {
  const out = str(values.out);
  if (!out) return io.stdout(text.replace(/\n$/, ""));
  let path = resolve(io.cwd, out);
  if (out.endsWith("/") || (existsSync(path) && statSync(path).isDirectory())) path = join(path, defaultName);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new InputError(`cannot write ${out}: ${(e as Error).message}`);
  }
  io.stderr(`keyless: wrote ${out.endsWith("/") || path.endsWith(defaultName) ? join(out, defaultName) : out}`);
}
