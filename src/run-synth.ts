import { resolve } from "node:path";
import { compile } from "./compile/compile";
import { formatDiagnostics, hasErrors } from "./diagnostics/diagnostic";
import { readPreviousStacks } from "./stack/previous-output";
import { permissionSetReplacements, type PreviousStacks } from "./stack/replacements";
import type { AccessPlan } from "./plan";
import { stackContinuity } from "./stack/continuity";

export interface SynthCommandOptions {
  /** Folder of workspace definitions. */
  readonly dir: string;
  /** Output folder. */
  readonly outdir: string;
  /** YYYY-MM-DD grants are evaluated at. Default: today (UTC). */
  readonly evaluationDate?: string;
  /** Paths (dir, outdir, diagnostics) are relative to this. @default the process's working directory */
  readonly cwd?: string;
  /** Only these workspaces are written; all are compiled, since references cross workspaces. @default all */
  readonly workspaces?: readonly string[];
  /**
   * What the new output is compared with (renamed keys become `moved` blocks, providers are kept for
   * a destroy, permission set replacements are reported), and how to name it in messages; called
   * once the definitions compile. @default the stacks a previous synth wrote to `outdir`
   */
  readonly previous?: { readonly label: string; readonly stacks: () => PreviousStacks };
  /** The emit stage; injected so that this file never loads the CDKTF engine itself. */
  readonly synthesize: (plan: AccessPlan, options: { outdir: string; partial?: boolean }) => { readonly orphanedStacks: readonly string[] } | void;
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
}

/**
 * load -> validate -> compile -> synthesize. Returns the exit code: 0 written, 1 findings with errors
 * (nothing written). An exception is a bug: the caller reports it (exit 3 in the CLI).
 */
export function runSynth(options: SynthCommandOptions): number {
  const out = options.stdout ?? ((t: string) => process.stdout.write(t + "\n"));
  const err = options.stderr ?? ((t: string) => process.stderr.write(t + "\n"));
  const result = compile({ dir: options.dir, cwd: options.cwd, evaluationDate: options.evaluationDate });
  if (result.diagnostics.length) err(formatDiagnostics(result.diagnostics));
  if (hasErrors(result.diagnostics) || !result.plan) {
    err(`keyless: nothing written to ${options.outdir}: fix the errors above and run again.`);
    return 1;
  }
  const only = options.workspaces?.length ? options.workspaces : undefined;
  const plan: AccessPlan = only ? { ...result.plan, workspaces: result.plan.workspaces.filter((w) => only.includes(w.name)) } : result.plan;
  const outdir = options.cwd ? resolve(options.cwd, options.outdir) : options.outdir;
  const since = options.previous?.label ?? `the last synth of ${options.outdir}`;
  const previous = options.previous ? options.previous.stacks() : readPreviousStacks(outdir);
  const hazards = permissionSetReplacements(previous, plan);
  if (hazards.length) err(`keyless: replacements since ${since}:\n${formatDiagnostics(hazards)}`);
  const continued = stackContinuity(previous, plan);
  if (continued.diagnostics.length) err(`keyless: providers kept since ${since}:\n${formatDiagnostics(continued.diagnostics)}`);
  const written = options.synthesize(continued.plan, { outdir, partial: !!only });
  for (const ws of written?.orphanedStacks ?? []) {
    err(
      `keyless: ${options.outdir}/stacks/${ws} is kept: workspace "${ws}" is no longer defined, but its folder holds Terraform's files (state, .terraform/). Run terraform destroy there if its resources should go, then delete the folder.`,
    );
  }
  const ws = plan.workspaces;
  const count = ws.reduce((n, w) => n + w.identityCenter.assignments.length, 0);
  out(`keyless: ${ws.length} workspace(s), ${count} account assignment(s) -> ${options.outdir}/stacks/{${ws.map((w) => w.name).join(",")}}`);
  return 0;
}
