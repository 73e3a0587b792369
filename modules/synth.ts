import { App } from "cdktf";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AccessPlan } from "../src/plan";
import { EnvironmentStack } from "./environment-stack";
import { AccountAssignments } from "./identity-center/account-assignments";
import { MovedBlocks } from "./identity-center/moved-blocks";

export interface SynthOptions {
  /** Where the Terraform goes: `<outdir>/stacks/<workspace>/cdk.tf.json`. */
  readonly outdir: string;
}

/**
 * Synthesizes one stack per workspace into a fresh folder beside `outdir`, then swaps it in, so a
 * failure never leaves a half-written or mixed output behind.
 */
export function synthesize(plan: AccessPlan, options: SynthOptions): void {
  const tmp = `${options.outdir}.tmp-${process.pid}`;
  const old = `${options.outdir}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  // cdktf captures a stack trace for every token it creates; formatting them (through source maps
  // under tsx) took a third of a large synth. Nothing reads them unless synthesis fails.
  const prepareStackTrace = Error.prepareStackTrace;
  Error.prepareStackTrace = () => "";
  try {
    // skipValidation: the input is validated by the compiler; cdktf's app validations would only
    // run `terraform version` in a child process (for the cloud backend) and check provider presence,
    // which EnvironmentStack guarantees.
    const app = new App({ outdir: tmp, stackTraces: false, hclOutput: false, skipValidation: true });
    const deferred = new Map<string, Map<string, (indent: string) => string>>();
    for (const ws of plan.workspaces) {
      const stack = new EnvironmentStack(app, ws.name, { plan: ws });
      const maps = new Map<string, (indent: string) => string>();
      for (const c of stack.node.findAll()) {
        const later = c instanceof AccountAssignments ? c.deferMaps(`keyless:map:${c.node.path}`) : c instanceof MovedBlocks ? c.defer(`keyless:moved:${c.node.path}`) : undefined;
        for (const [marker, render] of later ?? []) maps.set(JSON.stringify(marker), render);
      }
      if (maps.size) deferred.set(ws.name, maps);
    }
    app.synth();
    for (const [name, maps] of deferred) spliceMaps(join(tmp, "stacks", name, "cdk.tf.json"), maps);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
  }
  if (existsSync(options.outdir)) renameSync(options.outdir, old);
  renameSync(tmp, options.outdir);
  rmSync(old, { recursive: true, force: true });
}

/** Puts each deferred map or list in place of its JSON-quoted marker, indented like the marker's line. */
function spliceMaps(file: string, maps: ReadonlyMap<string, (indent: string) => string>): void {
  let text = readFileSync(file, "utf8");
  for (const [quoted, render] of maps) {
    const at = text.indexOf(quoted);
    if (at < 0) throw new Error(`keyless: ${quoted} is missing from ${file}`);
    const lineStart = text.lastIndexOf("\n", at) + 1;
    const indent = /^ */.exec(text.slice(lineStart, at))![0];
    text = text.slice(0, at) + render(indent) + text.slice(at + quoted.length);
  }
  writeFileSync(file, text);
}
