/**
 * Synthesized stacks for the Terraform tests: definitions -> `keyless synth` (the CLI's own code path)
 * into `<work>/cdktf.out`, then one prepared copy per stack, pointed at the emulator.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { synthesize } from "../../modules/synth";
import { runSynth } from "../../src/run-synth";
import type { Emulator } from "./emulator";
import { copyStack, PrepareOptions, prepareStack } from "./terraform";

export interface PreparedStacks {
  /** Stack name -> the prepared copy Terraform runs in. */
  readonly dirs: Record<string, string>;
  /** Stack name -> its cdk.tf.json. */
  readonly config: Record<string, any>;
}

export function synthStacks(definitions: string, work: string, evaluationDate: string): string {
  const outdir = join(work, "cdktf.out");
  const errors: string[] = [];
  const code = runSynth({ dir: definitions, outdir, evaluationDate, synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
  if (code !== 0) throw new Error(`keyless synth of ${definitions} failed (exit ${code}):\n${errors.join("")}`);
  return join(outdir, "stacks");
}

/** Synthesizes `definitions` and prepares a copy of every stack for `emulator`. */
export async function prepareStacks(definitions: string, work: string, emulator: Emulator, evaluationDate: string, opts: PrepareOptions = {}): Promise<PreparedStacks> {
  const stacks = synthStacks(definitions, work, evaluationDate);
  const dirs: Record<string, string> = {};
  const config: Record<string, any> = {};
  // Copy all first: a stack's terraform_remote_state names another copied stack.
  for (const s of readdirSync(stacks).sort()) {
    dirs[s] = copyStack(join(stacks, s), mkdtempSync(join(work, "tf-")));
    config[s] = JSON.parse(readFileSync(join(dirs[s], "cdk.tf.json"), "utf8"));
  }
  for (const s of Object.keys(dirs)) await prepareStack(dirs[s], emulator, opts);
  return { dirs, config };
}

/** Operations that change AWS (anything but reads), for asserting that a plan only reads. */
export const WRITE_OPERATION = /^(Create|Put|Attach|Detach|Delete|Update|Provision|Tag|Untag|Add|Remove|Enable)/;
