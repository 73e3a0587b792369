/**
 * `npm run bench`: generates synthetic organizations (medium, large) beside the example one (small),
 * measures each stage and the end-to-end synth in fresh processes, runs the baseline (the default
 * cdktf template's way) in the same run, and measures type-checking and the test suite.
 *
 *   npm run bench -- [--quick] [--runs N] [--no-tests] [--no-baseline] [--no-typecheck] [--no-tsx] [--readme] [--keep] [--terraform] [--terraform-medium] [--terraform-large]
 *
 * --quick: 2 runs, no large, no npm test. --readme: rewrite the tables in README.md's Benchmark section.
 * --terraform: then the Terraform rows (bench/terraform.ts) for the example organization;
 * --terraform-medium: every workspace of the generated medium one, and the baseline layout of its
 * smallest and biggest workspace (about 15 minutes); --terraform-large: the biggest workspace of the
 * large one, its baseline layout (stopped after 10 minutes), and "one grant added -> plan ready"
 * there (about 20 minutes).
 * It first builds dist/ (`npm run build`, as `npm ci` does), so `npm run synth` takes its fast path.
 * Everything else it writes goes to a temporary folder, except bench/results/*.json (gitignored).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { baselineCommand, writeBaseline } from "./baseline";
import { generateOrganization, SIZES, writeOrganization } from "./generate";
import { ensureOk, hasGnuTime, max, measure, median } from "./measure";
import { BenchResults, CommandResult, machine, markdown, orgCounts, SizeResult, targets } from "./report";
import { synthStacks } from "../__tests__/support/stacks";
import type { StageTimes } from "./stages";
import { assignmentCount, type TerraformBench } from "./terraform";

const repo = resolve(__dirname, "..");
const flag = (name: string) => process.argv.includes(`--${name}`);
const quick = flag("quick");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : quick ? 2 : 5;
const tsx = join(repo, "node_modules/.bin/tsx");
const log = (t: string) => process.stderr.write(t + "\n");

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "keyless-bench-"));
  const loadBefore = loadavg();
  log(`keyless bench: ${runs} run(s) per size, temporary folder ${tmp}${hasGnuTime ? "" : " (no /usr/bin/time: end-to-end peak RSS not measured)"}`);
  try {
    log("  npm run build (dist/, what npm ci builds: npm run synth's fast path)");
    ensureOk("npm run build", measure("npm", ["run", "--silent", "build"], { cwd: repo, tmp }));
    const sizes: SizeResult[] = [];
    const small = runSize("small", join(repo, "environments"), tmp, true);
    sizes.push(small.result);
    for (const size of quick ? (["medium"] as const) : (["medium", "large"] as const)) {
      const dir = join(tmp, size);
      const org = generateOrganization(SIZES[size], 1);
      writeOrganization(dir, org);
      sizes.push(runSize(size, dir, tmp, false).result);
    }
    const tsxRequire = flag("no-tsx") ? undefined : measureTsx(tmp);
    const typecheck = flag("no-typecheck") ? undefined : measureTypecheck(tmp);
    const npmTest = quick || flag("no-tests") ? undefined : measureTests(tmp);
    const terraform = await terraformRows(tmp);
    const partial: Omit<BenchResults, "targets"> = {
      date: new Date().toISOString(),
      machine: machine(loadBefore, loadavg()),
      sizes,
      npmRunSynth: small.npm,
      baseline: small.baseline,
      tsxRequire,
      typecheck,
      npmTest,
      terraform,
    };
    const results: BenchResults = { ...partial, targets: targets(partial) };
    const table = markdown(results);
    process.stdout.write(table + "\n");
    const outDir = join(repo, "bench/results");
    mkdirSync(outDir, { recursive: true });
    const json = JSON.stringify(results, null, 2) + "\n";
    writeFileSync(join(outDir, `${results.date.replace(/[:.]/g, "-")}${quick ? "-quick" : ""}.json`), json);
    writeFileSync(join(outDir, "latest.json"), json);
    if (flag("readme")) updateReadme(table);
  } finally {
    if (!flag("keep")) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The Terraform rows asked for: example, medium (with the baseline layout), large (with one grant added). */
async function terraformRows(tmp: string): Promise<BenchResults["terraform"]> {
  if (!flag("terraform") && !flag("terraform-medium") && !flag("terraform-large")) return undefined;
  const { benchTerraform } = await import("./terraform");
  const out: { size: string; bench: TerraformBench }[] = [];
  if (flag("terraform")) out.push({ size: "small", bench: await benchTerraform(join(repo, "environments"), { log }) });
  for (const size of ["medium", "large"] as const) {
    if (!flag(`terraform-${size}`)) continue;
    const dir = join(tmp, `terraform-${size}`);
    writeOrganization(dir, generateOrganization(SIZES[size], 1));
    const order = biggestLast(dir);
    const biggest = order[order.length - 1];
    const bench =
      size === "medium"
        ? await benchTerraform(dir, { log, baseline: [order[0], biggest], baselineTimeoutSeconds: 900 })
        : await benchTerraform(dir, { log, workspaces: [biggest], baseline: [biggest], baselineTimeoutSeconds: 600, oneGrant: biggest });
    out.push({ size, bench });
  }
  return out;
}

/** Workspaces of a generated organization, fewest assignments first (counted from a synth). */
function biggestLast(dir: string): string[] {
  const work = mkdtempSync(join(tmpdir(), "keyless-bench-count-"));
  try {
    const stacks = synthStacks(dir, work, "2026-11-01");
    const count = (ws: string) => assignmentCount(JSON.parse(readFileSync(join(stacks, ws, "cdk.tf.json"), "utf8")));
    return readdirSync(stacks)
      .map((ws) => ({ ws, n: count(ws) }))
      .sort((a, b) => a.n - b.n || a.ws.localeCompare(b.ws))
      .map((x) => x.ws);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Stage runs and end-to-end runs of one size, interleaved so that load from elsewhere spreads over
 * both; for the example organization also `npm run synth` and the baseline, interleaved likewise.
 */
function runSize(size: string, dir: string, tmp: string, withBaseline: boolean) {
  const stageRuns: StageTimes[] = [];
  const e2e: { ms: number; rssMB?: number }[] = [];
  const npm: { ms: number; rssMB?: number }[] = [];
  const base: { ms: number; rssMB?: number }[] = [];
  let baselineError: string | undefined;
  const b = withBaseline && !flag("no-baseline") ? writeBaseline(tmp, repo) : undefined;
  const out = join(tmp, `out-${size}`);
  for (let i = 0; i < runs; i++) {
    log(`  ${size}: run ${i + 1}/${runs}`);
    const st = ensureOk(`${size} stages`, measure(tsx, ["bench/stages.ts", "--dir", dir, "--out", out], { cwd: repo, tmp }));
    stageRuns.push(JSON.parse(st.stdout.trim().split("\n").pop()!) as StageTimes);
    // What `npm run synth` runs, without npm's own start-up: the launcher, on its fast path (dist/ is fresh).
    e2e.push(ensureOk(`${size} end to end`, measure("node", ["scripts/synth.cjs", "--dir", dir, "--out", out, "--date", "2026-01-15"], { cwd: repo, tmp })));
    if (!withBaseline) continue;
    npm.push(ensureOk("npm run synth", measure("npm", ["run", "--silent", "synth", "--", "--out", out, "--date", "2026-01-15"], { cwd: repo, tmp })));
    if (b && !baselineError) {
      const c = baselineCommand(b, dir, join(tmp, "out-baseline"));
      const m = measure(c.cmd, c.args, { cwd: b.dir, tmp, env: c.env });
      if (m.status === 0) base.push(m);
      else baselineError = m.stderr.slice(-2000);
    }
  }
  const med = (f: (t: StageTimes) => number) => median(stageRuns.map(f));
  const result: SizeResult = {
    size,
    ...orgCounts(stageRuns[0]),
    runs,
    stages: {
      startup: med((t) => t.startupMs),
      compilerLoad: med((t) => t.compilerLoadMs),
      load: med((t) => t.loadMs),
      validate: med((t) => t.validateMs),
      compile: med((t) => t.compileMs),
      engineLoad: med((t) => t.engineLoadMs),
      synth: med((t) => t.synthMs),
      work: med((t) => t.loadMs + t.validateMs + t.compileMs + t.synthMs),
      peakRssMB: Math.max(...stageRuns.map((t) => t.maxRssMB)),
    },
    endToEnd: { ms: median(e2e.map((x) => x.ms)), rssMB: max(e2e.map((x) => x.rssMB)), all: e2e.map((x) => Math.round(x.ms)) },
  };
  const summary = (xs: { ms: number; rssMB?: number }[]): CommandResult => ({ ms: median(xs.map((x) => x.ms)), rssMB: max(xs.map((x) => x.rssMB)), ok: true, runs: xs.length });
  return {
    result,
    npm: npm.length ? summary(npm) : undefined,
    baseline: baselineError ? { ms: NaN, ok: false, runs: 0, error: baselineError } : base.length ? summary(base) : undefined,
  };
}

/** For comparison: the TypeScript sources through tsx (`npm run synth`'s path when dist/ is older than a source). */
function measureTsx(tmp: string): CommandResult {
  log("  node --require tsx/cjs main.ts");
  const xs = Array.from({ length: runs }, () =>
    ensureOk("tsx main.ts", measure("node", ["--require", "tsx/cjs", "main.ts", "--out", join(tmp, "out-tsx"), "--date", "2026-01-15"], { cwd: repo, tmp })),
  );
  return { ms: median(xs.map((x) => x.ms)), rssMB: max(xs.map((x) => x.rssMB)), ok: true, runs: xs.length };
}

function measureTypecheck(tmp: string): { warm: CommandResult; cold: CommandResult } {
  log("  typecheck (cold, then warm)");
  // Cold: a fresh incremental cache file, so nothing is reused.
  const cold = measure(join(repo, "node_modules/.bin/tsc"), ["--noEmit", "-p", "tsconfig.json", "--tsBuildInfoFile", join(tmp, "cold.tsbuildinfo")], { cwd: repo, tmp });
  const warm = measure("npm", ["run", "--silent", "typecheck"], { cwd: repo, tmp });
  return { cold: { ms: cold.ms, rssMB: cold.rssMB, ok: cold.status === 0, runs: 1 }, warm: { ms: warm.ms, rssMB: warm.rssMB, ok: warm.status === 0, runs: 1 } };
}

function measureTests(tmp: string): CommandResult {
  log("  npm test (one run)");
  const m = measure("npm", ["test", "--silent"], { cwd: repo, tmp });
  if (m.status !== 0) log(`  npm test failed (exit ${m.status}); its time is still reported:\n${m.stderr.slice(-1500)}`);
  return { ms: m.ms, rssMB: m.rssMB, ok: m.status === 0, runs: 1 };
}

const START = "<!-- bench:start (written by npm run bench -- --readme) -->";
const END = "<!-- bench:end -->";

/** Rewrites only the table between the Benchmark section's markers, re-reading README.md first. */
function updateReadme(table: string): void {
  const path = join(repo, "README.md");
  const text = readFileSync(path, "utf8");
  const a = text.indexOf(START);
  const z = text.indexOf(END);
  if (a < 0 || z < a) {
    log("README.md has no benchmark markers; the table is not written there");
    return;
  }
  writeFileSync(path, text.slice(0, a + START.length) + "\n" + table + "\n" + text.slice(z));
  log("README.md: benchmark table updated");
}

main().catch((e) => {
  log(`bench: ${(e as Error).message}`);
  process.exitCode = 1;
});
