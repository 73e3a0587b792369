/**
 * `npm run bench`: generates synthetic organizations (medium, large) beside the example one (small),
 * measures each stage and the end-to-end synth in fresh processes, runs the baseline (the default
 * cdktf template's way) in the same run, and measures type-checking and the test suite.
 *
 *   npm run bench -- [--quick] [--runs N] [--no-tests] [--no-baseline] [--no-typecheck] [--no-precompiled] [--readme] [--keep] [--terraform [--terraform-medium]]
 *
 * --quick: 2 runs, no large, no npm test. --readme: rewrite the table in README.md's Benchmark section.
 * --terraform: then the Terraform rows (bench/terraform.ts) for the example organization, and with
 * --terraform-medium also the generated medium one (slow: minutes of CPU per workspace).
 * Everything it writes goes to a temporary folder, except bench/results/*.json (gitignored).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { baselineCommand, writeBaseline } from "./baseline";
import { generateOrganization, SIZES, writeOrganization } from "./generate";
import { ensureOk, hasGnuTime, max, measure, median } from "./measure";
import { BenchResults, CommandResult, machine, markdown, orgCounts, SizeResult, targets } from "./report";
import type { StageTimes } from "./stages";

const repo = resolve(__dirname, "..");
const flag = (name: string) => process.argv.includes(`--${name}`);
const quick = flag("quick");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : quick ? 2 : 5;
const tsx = join(repo, "node_modules/.bin/tsx");
const log = (t: string) => process.stderr.write(t + "\n");

function main(): void {
  const tmp = mkdtempSync(join(tmpdir(), "keyless-bench-"));
  const loadBefore = loadavg();
  log(`keyless bench: ${runs} run(s) per size, temporary folder ${tmp}${hasGnuTime ? "" : " (no /usr/bin/time: end-to-end peak RSS not measured)"}`);
  try {
    const sizes: SizeResult[] = [];
    const small = runSize("small", join(repo, "environments"), tmp, true);
    sizes.push(small.result);
    for (const size of quick ? (["medium"] as const) : (["medium", "large"] as const)) {
      const dir = join(tmp, size);
      const org = generateOrganization(SIZES[size], 1);
      writeOrganization(dir, org);
      sizes.push(runSize(size, dir, tmp, false).result);
    }
    const precompiled = flag("no-precompiled") ? undefined : measurePrecompiled(tmp);
    const tsxCli = flag("no-precompiled") ? undefined : measureTsxCli(tmp);
    const typecheck = flag("no-typecheck") ? undefined : measureTypecheck(tmp);
    const npmTest = quick || flag("no-tests") ? undefined : measureTests(tmp);
    const partial: Omit<BenchResults, "targets"> = {
      date: new Date().toISOString(),
      machine: machine(loadBefore, loadavg()),
      sizes,
      npmRunSynth: small.npm,
      baseline: small.baseline,
      precompiled,
      tsxCli,
      typecheck,
      npmTest,
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
    // What `npm run synth` runs, without npm's own start-up.
    e2e.push(ensureOk(`${size} end to end`, measure("node", ["--require", "tsx/cjs", "main.ts", "--dir", dir, "--out", out, "--date", "2026-01-15"], { cwd: repo, tmp })));
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

/**
 * For comparison: the same CLI compiled to JavaScript (tsconfig.build.json, into the temporary folder)
 * and run by plain node, without tsx, on the example organization.
 */
function measurePrecompiled(tmp: string): CommandResult | undefined {
  log("  precompiled JavaScript (tsc -p tsconfig.build.json into the temporary folder)");
  const pkg = join(tmp, "precompiled");
  mkdirSync(pkg, { recursive: true });
  for (const f of ["node_modules", "schemas", "package.json"]) symlinkSync(join(repo, f), join(pkg, f));
  const built = measure(join(repo, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json", "--outDir", join(pkg, "dist"), "--declaration", "false"], { cwd: repo, tmp });
  if (built.status !== 0) {
    log(`  the build failed; no precompiled row:\n${built.stdout.slice(-1500)}`);
    return undefined;
  }
  const xs = Array.from({ length: runs }, () =>
    ensureOk(
      "precompiled synth",
      measure("node", [join(pkg, "dist/src/cli/bin.js"), "synth", "--dir", join(repo, "environments"), "--out", join(tmp, "out-precompiled"), "--date", "2026-01-15"], {
        cwd: repo,
        tmp,
      }),
    ),
  );
  return { ms: median(xs.map((x) => x.ms)), rssMB: max(xs.map((x) => x.rssMB)), ok: true, runs: xs.length };
}

/** For comparison: main.ts run by the tsx CLI (a parent process plus tsx's ESM loader thread). */
function measureTsxCli(tmp: string): CommandResult {
  log("  tsx main.ts");
  const xs = Array.from({ length: runs }, () => ensureOk("tsx main.ts", measure(tsx, ["main.ts", "--out", join(tmp, "out-tsx-cli"), "--date", "2026-01-15"], { cwd: repo, tmp })));
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

main();
if (flag("terraform")) {
  void (async () => {
    const { benchTerraform, terraformMarkdown } = await import("./terraform");
    process.stdout.write("\n" + terraformMarkdown("small (example)", await benchTerraform(join(repo, "environments"), { log })) + "\n");
    if (flag("terraform-medium")) {
      const dir = mkdtempSync(join(tmpdir(), "keyless-bench-medium-"));
      try {
        writeOrganization(dir, generateOrganization(SIZES.medium, 1));
        process.stdout.write("\n" + terraformMarkdown("medium", await benchTerraform(dir, { log })) + "\n");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  })().catch((e) => {
    log(`terraform rows: ${(e as Error).message}`);
    process.exitCode = 1;
  });
}
