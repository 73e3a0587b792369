/**
 * One benchmark run in a fresh process: times each stage of `npm run synth` on its own and prints
 * one JSON line. Run by bench/run.ts as `tsx bench/stages.ts --dir D --out O`.
 *
 * Stages: the compiler's modules loaded; load (read + parse); validate (ajv, including compiling the
 * schemas); compile (resolve + plan; validation excluded); the engine loaded (cdktf and the deep
 * provider imports); synth (constructs + writing cdktf.out).
 */
import type * as CompileModule from "../src/compile/compile";
import type * as LoadModule from "../src/load/load";
import type * as SynthModule from "../modules/synth";
import type { OrgCounts } from "./report";
import type * as ValidateModule from "../src/validate/validate";
import type { AccessPlan } from "../src/plan";

export interface StageTimes extends OrgCounts {
  /** Process start until this script runs (node + tsx boot). */
  readonly startupMs: number;
  readonly compilerLoadMs: number;
  readonly loadMs: number;
  readonly validateMs: number;
  readonly compileMs: number;
  readonly engineLoadMs: number;
  readonly synthMs: number;
  /** Process start until written. */
  readonly totalMs: number;
  readonly maxRssMB: number;
  readonly diagnostics: number;
}

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`missing --${name}`);
  return process.argv[i + 1];
}

function main(): void {
  const startupMs = performance.now();
  const dir = arg("dir");
  const outdir = arg("out");
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };

  const { loadDefinitions } = require("../src/load/load") as typeof LoadModule;
  const { validateSource } = require("../src/validate/validate") as typeof ValidateModule;
  const { compileDefinitions } = require("../src/compile/compile") as typeof CompileModule;
  const compilerLoadMs = lap();

  const loaded = loadDefinitions({ dir, cwd: dir });
  const loadMs = lap();

  const validateAll = () => {
    let n = 0;
    if (loaded.organization) n += validateSource("organization", loaded.organization).length;
    for (const ws of loaded.workspaces) n += validateSource("workspace", ws.source).length;
    return n;
  };
  const invalid = validateAll();
  const validateMs = lap();
  // compileDefinitions validates again (schemas already compiled): time that pass and take it out.
  validateAll();
  const revalidateMs = lap();
  const result = compileDefinitions(loaded, { evaluationDate: "2026-01-15" });
  const compileMs = Math.max(0, lap() - revalidateMs);
  if (!result.plan || invalid > 0) {
    process.stdout.write(
      JSON.stringify({ error: `the definitions do not compile: ${result.diagnostics.length} diagnostic(s), first: ${JSON.stringify(result.diagnostics[0])}` }) + "\n",
    );
    process.exitCode = 1;
    return;
  }

  const { synthesize } = require("../modules/synth") as typeof SynthModule;
  const engineLoadMs = lap();
  synthesize(result.plan, { outdir });
  const synthMs = lap();

  const times: StageTimes = {
    startupMs,
    compilerLoadMs,
    loadMs,
    validateMs,
    compileMs,
    engineLoadMs,
    synthMs,
    totalMs: performance.now(),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    ...sizes(loaded, result.plan),
    workspaces: result.plan.workspaces.length,
    assignments: result.plan.workspaces.reduce((n, w) => n + w.identityCenter.assignments.length, 0),
    diagnostics: result.diagnostics.length,
  };
  process.stdout.write(JSON.stringify(times) + "\n");
}

/** What the organization holds, counted from the definitions and the plan. */
function sizes(loaded: LoadModule.LoadedDefinitions, plan: AccessPlan) {
  const org = loaded.organization?.data as { accounts?: object; organizationalUnits?: Record<string, { organizationalUnits?: object }> };
  const countOus = (ous: Record<string, { organizationalUnits?: object }> | undefined): number =>
    Object.values(ous ?? {}).reduce((n, ou) => n + 1 + countOus(ou.organizationalUnits as Record<string, { organizationalUnits?: object }>), 0);
  const groups = new Set<string>();
  for (const ws of loaded.workspaces) for (const g of Object.keys((ws.source.data as { identityCenter?: { groups?: object } }).identityCenter?.groups ?? {})) groups.add(g);
  return {
    accounts: Object.keys(org?.accounts ?? {}).length,
    ous: countOus(org?.organizationalUnits),
    permissionSets: plan.workspaces.reduce((n, w) => n + w.identityCenter.permissionSets.length, 0),
    groups: groups.size,
    githubRoles: plan.workspaces.reduce((n, w) => n + w.githubOidc.roles.length, 0),
  };
}

main();
