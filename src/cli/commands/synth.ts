import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { AccessPlan } from "../../plan";
import { runSynth } from "../../run-synth";
import type { Command } from "../command";
import { InputError, paint, UsageError } from "../context";
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

export const synthCommand: Command = {
  name: "synth",
  summary: "validate, then write one Terraform stack per workspace to --out",
  details: [
    "Writes <out>/stacks/<workspace>/cdk.tf.json; nothing is written if there is any error. Only keyless's own files are replaced: .terraform/, .terraform.lock.hcl and state files in a stack folder are kept.",
    "With --workspace, every workspace is still checked, only the selected stacks are written, and the others are left as they are.",
    "With --format hcl, each stack is <out>/stacks/<workspace>/main.tf instead: native Terraform in terraform fmt's layout, without cdktf metadata, planning exactly like the JSON. Use it to review the generated code, or to leave keyless.",
  ],
  options: {
    out: { type: "string", value: "<folder>", help: "output folder (default: $CDKTF_OUTDIR, else cdktf.out)" },
    format: { type: "string", value: "<json|hcl>", help: "cdk.tf.json (default) or main.tf in native HCL" },
  },
  run(io, values) {
    const format = oneOf("format", values.format, ["json", "hcl"] as const, "json");
    const outdir = str(values.out) ?? io.env.CDKTF_OUTDIR ?? "cdktf.out";
    if (!outdir.trim()) throw new UsageError("--out needs a folder");
    const dir = str(values.dir) ?? DEFAULT_DIR;
    const workspaces = (values.workspace as string[] | undefined) ?? [];
    checkWorkspaceNames(io.cwd, dir, workspaces);
    return runSynth({
      dir,
      cwd: io.cwd,
      outdir,
      workspaces,
      evaluationDate: str(values.date) ?? io.today(),
      synthesize: (plan, o) => synthesize(plan, { ...o, outdir: resolve(io.cwd, o.outdir), format }),
      stdout: io.stdout,
      stderr: (t) => io.stderr(paint(io, t)),
    });
  },
};
