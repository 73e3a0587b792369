import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { compile } from "../../compile/compile";
import { formatDiagnostics, hasErrors } from "../../diagnostics/diagnostic";
import { readPreviousStacks } from "../../stack/previous-output";
import type { PreviousStacks } from "../../stack/replacements";
import type { AccessPlan } from "../../plan";
import { materializeBase } from "../../report/git-base";
import { runSynth } from "../../run-synth";
import type { Command } from "../command";
import { type CliIo, InputError, paint, UsageError } from "../context";
import { checkWorkspaceNames, DEFAULT_DIR } from "../compile-step";
import { oneOf, str } from "../options";

/** The emit stage, loaded on first use: only `synth` pays for the CDKTF engine. */
function synthesize(plan: AccessPlan, options: { outdir: string; partial?: boolean; format: "json" | "hcl" }): { readonly orphanedStacks: readonly string[] } {
  // --out may name a folder whose parents don't exist yet: create them (only now, when there is
  // something to write), or say why they can't be.
  try {
    mkdirSync(dirname(options.outdir), { recursive: true });
  } catch (e) {
    throw new InputError(`cannot create the parent folder of --out ${options.outdir}: ${(e as Error).message}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require("../../../modules/synth") as typeof import("../../../modules/synth");
  return engine.synthesize(plan, options);
}

/**
 * `--base <ref>`: the stacks the definitions at `ref` synthesize to (read with git archive, synthesized
 * into a temporary folder), for runSynth to compare the new output with. Definitions that do not
 * compile at `ref` leave nothing to compare with, and say so; none there (a new folder) is the same,
 * silently. A ref that is not a commit is the user's error (GitBaseError).
 */
function stacksAt(io: CliIo, ref: string, dir: string, evaluationDate: string): PreviousStacks {
  const tree = materializeBase(ref, dir, io.cwd);
  try {
    if (!tree.dir) return {};
    const base = compile({ dir: tree.dir, cwd: tree.root, evaluationDate });
    if (hasErrors(base.diagnostics) || !base.plan) {
      const errors = base.diagnostics.filter((d) => d.severity === "error");
      io.stderr(
        paint(
          io,
          `${formatDiagnostics(errors)}\nkeyless: warning: the definitions at ${ref} do not compile (${errors.length} error(s) above), so the new output is compared with nothing: a renamed role or account key is a replacement, and the provider of an account whose last resource goes is not kept (list it in aws.retainProviders)`,
        ),
      );
      return {};
    }
    const out = join(tree.root, ".keyless-base");
    synthesize(base.plan, { outdir: out, format: "json" });
    return readPreviousStacks(out);
  } finally {
    tree.cleanup();
  }
}

export const synthCommand: Command = {
  name: "synth",
  summary: "validate, then write one Terraform stack per workspace to --out",
  details: [
    "Writes <out>/stacks/<workspace>/cdk.tf.json; nothing is written if there is any error. Only keyless's own files are replaced: .terraform/, .terraform.lock.hcl and state files in a stack folder are kept.",
    "With --workspace, every workspace is still checked, only the selected stacks are written, and the others are left as they are.",
    "With --format hcl, each stack is <out>/stacks/<workspace>/main.tf instead: native Terraform in terraform fmt's layout, without cdktf metadata, planning exactly like the JSON. Use it to review the generated code, or to leave keyless.",
    "The new stacks are compared with the previous ones in --out: a renamed role or account key becomes a moved block, the provider of an account whose last resource goes is kept for the destroy, a permission set replacement is a warning. A fresh checkout (CI) has none: --base <git-ref> compares with the definitions at that commit instead (the commit last applied, for example the push's previous commit).",
  ],
  options: {
    out: { type: "string", value: "<folder>", help: "output folder (default: $CDKTF_OUTDIR, else cdktf.out)" },
    format: { type: "string", value: "<json|hcl>", help: "cdk.tf.json (default) or main.tf in native HCL" },
    base: { type: "string", value: "<git-ref>", help: "compare with what the definitions at this commit synthesize to, instead of the previous output in --out (for CI)" },
  },
  run(io, values) {
    const format = oneOf("format", values.format, ["json", "hcl"] as const, "json");
    const outdir = str(values.out) ?? io.env.CDKTF_OUTDIR ?? "cdktf.out";
    if (!outdir.trim()) throw new UsageError("--out needs a folder");
    const dir = str(values.dir) ?? DEFAULT_DIR;
    const workspaces = (values.workspace as string[] | undefined) ?? [];
    checkWorkspaceNames(io.cwd, dir, workspaces);
    const base = str(values.base);
    if (base !== undefined && !base.trim()) throw new UsageError("--base needs a git ref, for example --base origin/main");
    const evaluationDate = str(values.date) ?? io.today();
    return runSynth({
      dir,
      cwd: io.cwd,
      outdir,
      workspaces,
      evaluationDate,
      previous: base ? { label: base, stacks: () => stacksAt(io, base, dir, evaluationDate) } : undefined,
      synthesize: (plan, o) => synthesize(plan, { ...o, outdir: resolve(io.cwd, o.outdir), format }),
      stdout: io.stdout,
      stderr: (t) => io.stderr(paint(io, t)),
    });
  },
};
