import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PreviousStacks } from "./replacements";

/**
 * The stacks a previous synth wrote to `<outdir>/stacks/<workspace>/cdk.tf.json`, parsed; read before
 * they are replaced. Missing or unreadable files are skipped: there is nothing to compare with.
 */
export function readPreviousStacks(outdir: string): PreviousStacks {
  const dir = join(outdir, "stacks");
  const out: Record<string, unknown> = {};
  if (!existsSync(dir)) return out;
  for (const ws of readdirSync(dir).sort()) {
    try {
      out[ws] = JSON.parse(readFileSync(join(dir, ws, "cdk.tf.json"), "utf8"));
    } catch {
      // no stack or not JSON: nothing to compare
    }
  }
  return out;
}
