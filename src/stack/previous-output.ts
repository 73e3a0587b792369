import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PreviousStacks } from "./replacements";

/**
 * With `--format hcl`, the file beside `main.tf` that the next synth compares with, since keyless
 * does not read HCL back: the stack's document as JSON, without what no comparison reads. Terraform
 * loads only `*.tf` and `*.tf.json`, so it ignores this file.
 */
export const COMPARISON_FILE = "keyless-previous.json";

/** The resource type whose instances (and `moved` blocks) are most of a large stack and that no comparison reads. */
const ASSIGNMENT_TYPE = "aws_ssoadmin_account_assignment";

/**
 * What the comparisons with the previous output read (permission set replacements, renamed GitHub
 * role and account keys, providers kept for a destroy) from a synthesized stack document: its
 * providers, its resources but the account assignments, and its `moved` blocks but theirs. The maps
 * in `locals`, the data sources, the outputs and the assignments' `moved` blocks (one per assignment,
 * written again on every synth) are left out: the bench's largest workspace, 1.7 MB, becomes 98 kB.
 */
export function comparableStack(stack: Record<string, unknown>): Record<string, unknown> {
  const { [ASSIGNMENT_TYPE]: _assignments, ...resource } = (stack.resource ?? {}) as Record<string, unknown>;
  const moved = Array.isArray(stack.moved) ? stack.moved.filter((m: { to?: unknown }) => typeof m?.to !== "string" || !m.to.startsWith(`${ASSIGNMENT_TYPE}.`)) : [];
  return { provider: stack.provider ?? {}, resource, moved };
}

/**
 * The stacks a previous synth wrote to `<outdir>/stacks/<workspace>/`, parsed; read before they are
 * replaced: `cdk.tf.json`, or with `--format hcl` its `COMPARISON_FILE`. Missing or unreadable files
 * are skipped: there is nothing to compare with.
 */
export function readPreviousStacks(outdir: string): PreviousStacks {
  const dir = join(outdir, "stacks");
  const out: Record<string, unknown> = {};
  if (!existsSync(dir)) return out;
  for (const ws of readdirSync(dir).sort()) {
    for (const file of ["cdk.tf.json", COMPARISON_FILE]) {
      try {
        out[ws] = JSON.parse(readFileSync(join(dir, ws, file), "utf8"));
        break;
      } catch {
        // no stack or not JSON: nothing to compare
      }
    }
  }
  return out;
}
