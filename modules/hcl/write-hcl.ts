import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COMPARISON_FILE, comparableStack } from "../../src/stack/previous-output";
import type { BlockPaths } from "./block-paths";
import { toHcl } from "./hcl-writer";

/** The native-syntax file a stack folder gets with `--format hcl`, in place of `cdk.tf.json`. */
export const HCL_FILE = "main.tf";

/**
 * Replaces `<stackDir>/cdk.tf.json` by `<stackDir>/main.tf`. The writer already produces `terraform
 * fmt`'s layout; when terraform is on PATH its `fmt` is run over the text as well, which also proves
 * the syntax (a failure is a keyless bug, reported as one). Beside it goes `COMPARISON_FILE`, what the
 * next synth compares with (renames, kept providers, permission set replacements).
 */
export function writeHclStack(stackDir: string, blocks: BlockPaths, env: NodeJS.ProcessEnv = process.env): void {
  const json = join(stackDir, "cdk.tf.json");
  const stack = JSON.parse(readFileSync(json, "utf8"));
  let text = toHcl(stack, blocks);
  const fmt = spawnSync("terraform", ["fmt", "-no-color", "-"], { input: text, encoding: "utf8", env });
  if (!fmt.error) {
    if (fmt.status !== 0) throw new Error(`keyless hcl: terraform fmt rejected the HCL of ${stackDir}: ${fmt.stderr.trim()}`);
    text = fmt.stdout;
  }
  writeFileSync(join(stackDir, HCL_FILE), text);
  writeFileSync(join(stackDir, COMPARISON_FILE), JSON.stringify(comparableStack(stack), null, 2) + "\n");
  rmSync(json);
}
