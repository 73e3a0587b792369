import { App } from "cdktf";
import { existsSync, renameSync, rmSync } from "node:fs";
import type { AccessPlan } from "../src/plan";
import { EnvironmentStack } from "./environment-stack";

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
  try {
    const app = new App({ outdir: tmp, stackTraces: false, hclOutput: false });
    for (const ws of plan.workspaces) new EnvironmentStack(app, ws.name, { plan: ws });
    app.synth();
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(options.outdir)) renameSync(options.outdir, old);
  renameSync(tmp, options.outdir);
  rmSync(old, { recursive: true, force: true });
}
