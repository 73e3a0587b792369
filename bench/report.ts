/** The benchmark's results: their shape, the targets of issue 8, and the Markdown table. */
import { cpus, totalmem } from "node:os";

/** The size of a generated organization, as the stage runs count it. */
export interface OrgCounts {
  readonly accounts: number;
  readonly ous: number;
  readonly permissionSets: number;
  readonly groups: number;
  readonly githubRoles: number;
  readonly workspaces: number;
  readonly assignments: number;
}

export function orgCounts(c: OrgCounts): OrgCounts {
  const { accounts, ous, permissionSets, groups, githubRoles, workspaces, assignments } = c;
  return { accounts, ous, permissionSets, groups, githubRoles, workspaces, assignments };
}

export interface SizeResult extends OrgCounts {
  readonly size: string;
  readonly runs: number;
  /** Medians over the stage runs, ms. */
  readonly stages: {
    readonly startup: number;
    readonly compilerLoad: number;
    readonly load: number;
    readonly validate: number;
    readonly compile: number;
    readonly engineLoad: number;
    readonly synth: number;
    /** load + validate + compile + synth: the work that grows with the organization. */
    readonly work: number;
    /** The largest peak RSS of the stage runs, MB (the process's own, process.resourceUsage). */
    readonly peakRssMB: number;
  };
  /** `node --require tsx/cjs main.ts` (what `npm run synth` runs) in a fresh process: median wall time and peak RSS. */
  readonly endToEnd: { readonly ms: number; readonly rssMB?: number; readonly all: readonly number[] };
}

export interface CommandResult {
  readonly ms: number;
  readonly rssMB?: number;
  readonly ok: boolean;
  readonly runs: number;
}

export interface BenchResults {
  readonly date: string;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGB: number;
    readonly node: string;
    readonly platform: string;
    readonly loadBefore: readonly number[];
    readonly loadAfter: readonly number[];
  };
  readonly sizes: readonly SizeResult[];
  /** `npm run synth` on the example organization, through npm. */
  readonly npmRunSynth?: CommandResult;
  readonly baseline?: CommandResult & { readonly error?: string };
  /** The CLI compiled to JavaScript and run by node (no tsx), on the example organization. */
  readonly precompiled?: CommandResult;
  /** `node --require tsx/cjs main.ts` on the example organization. */
  readonly tsxCli?: CommandResult;
  readonly typecheck?: { readonly warm: CommandResult; readonly cold: CommandResult };
  readonly npmTest?: CommandResult;
  readonly targets: readonly TargetResult[];
}

export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | undefined;
  readonly headroom: string;
}

export function machine(loadBefore: number[], loadAfter: number[]): BenchResults["machine"] {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadBefore,
    loadAfter,
  };
}

const s = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? "n/a" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const ms = (x: number) => `${Math.round(x)} ms`;
const mb = (x: number | undefined) => (x === undefined ? "n/a" : `${Math.round(x)} MB`);
const pct = (used: number, limit: number) => `${Math.round((1 - used / limit) * 100)}% under`;

/** Evaluates issue 8's targets (and issue 2's 8x) against the results. */
export function targets(r: Omit<BenchResults, "targets">): TargetResult[] {
  const out: TargetResult[] = [];
  const small = r.sizes.find((x) => x.size === "small");
  const medium = r.sizes.find((x) => x.size === "medium");
  const large = r.sizes.find((x) => x.size === "large");
  if (r.baseline && !r.baseline.error && r.npmRunSynth && small) {
    const ratioNpm = r.baseline.ms / r.npmRunSynth.ms;
    const ratioTsx = r.baseline.ms / small.endToEnd.ms;
    out.push({
      target: "example: npm run synth >= 10x faster than the baseline (issue 8)",
      measured: `${ratioNpm.toFixed(1)}x (without npm's start-up: ${ratioTsx.toFixed(1)}x${r.tsxCli ? `; tsx CLI: ${(r.baseline.ms / r.tsxCli.ms).toFixed(1)}x` : ""}${r.precompiled ? `; precompiled JS: ${(r.baseline.ms / r.precompiled.ms).toFixed(1)}x` : ""})`,
      met: ratioNpm >= 10,
      headroom: `${((ratioNpm / 10 - 1) * 100).toFixed(0)}%`,
    });
    out.push({
      target: "example: npm run synth >= 8x faster than the baseline (issue 2)",
      measured: `${ratioNpm.toFixed(1)}x`,
      met: ratioNpm >= 8,
      headroom: `${((ratioNpm / 8 - 1) * 100).toFixed(0)}%`,
    });
  }
  if (large) {
    out.push({ target: "large: end to end within 4 s", measured: s(large.endToEnd.ms), met: large.endToEnd.ms <= 4000, headroom: pct(large.endToEnd.ms, 4000) });
    if (large.endToEnd.rssMB !== undefined)
      out.push({ target: "large: peak RSS within 600 MB", measured: mb(large.endToEnd.rssMB), met: large.endToEnd.rssMB <= 600, headroom: pct(large.endToEnd.rssMB, 600) });
  }
  if (large && medium) {
    const size = large.assignments / medium.assignments;
    const e2e = large.endToEnd.ms / medium.endToEnd.ms;
    const work = large.stages.work / medium.stages.work;
    out.push({
      target: `large/medium time within 1.3x the size ratio (${size.toFixed(1)}x): <= ${(1.3 * size).toFixed(1)}x`,
      measured: `end to end ${e2e.toFixed(1)}x; work alone ${work.toFixed(1)}x`,
      met: work <= 1.3 * size,
      headroom: `work ${((1 - work / (1.3 * size)) * 100).toFixed(0)}% under`,
    });
  }
  if (r.npmTest)
    out.push({
      target: "npm test under 2 minutes",
      measured: `${s(r.npmTest.ms)}${r.npmTest.ok ? "" : " (failed)"}`,
      met: r.npmTest.ms < 120_000,
      headroom: pct(r.npmTest.ms, 120_000),
    });
  if (r.typecheck) {
    const c = r.typecheck.cold;
    out.push({ target: "type-check (cold) under 30 s", measured: s(c.ms), met: c.ms < 30_000, headroom: pct(c.ms, 30_000) });
    if (c.rssMB !== undefined) out.push({ target: "type-check (cold) under 1.5 GB", measured: mb(c.rssMB), met: c.rssMB < 1536, headroom: pct(c.rssMB, 1536) });
  }
  return out;
}

/** The Markdown the README shows and the harness prints. */
export function markdown(r: BenchResults): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(
    `Measured ${r.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform} (load average ${m.loadBefore.map((x) => x.toFixed(1)).join(" ")} before, ${m.loadAfter.map((x) => x.toFixed(1)).join(" ")} after). Medians of ${r.sizes[0]?.runs ?? "?"} fresh processes per size.`,
  );
  lines.push("");
  lines.push(
    "| size | accounts | OUs | permission sets | groups | GitHub roles | workspaces | assignments | load | validate | compile | engine load | synth | end to end | peak RSS |",
  );
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const x of r.sizes) {
    const st = x.stages;
    lines.push(
      `| ${x.size} | ${x.accounts} | ${x.ous} | ${x.permissionSets} | ${x.groups} | ${x.githubRoles} | ${x.workspaces} | ${x.assignments} | ${ms(st.load)} | ${ms(st.validate)} | ${ms(st.compile)} | ${ms(st.engineLoad)} | ${ms(st.synth)} | ${s(x.endToEnd.ms)} | ${mb(x.endToEnd.rssMB)} |`,
    );
  }
  lines.push("");
  lines.push("| command (example organization unless said) | wall time | peak RSS |");
  lines.push("| --- | ---: | ---: |");
  const small = r.sizes.find((x) => x.size === "small");
  if (small) lines.push(`| \`node --require tsx/cjs main.ts\` (what \`npm run synth\` runs, without npm) | ${s(small.endToEnd.ms)} | ${mb(small.endToEnd.rssMB)} |`);
  if (r.npmRunSynth) lines.push(`| \`npm run synth\` | ${s(r.npmRunSynth.ms)} | ${mb(r.npmRunSynth.rssMB)} |`);
  if (r.baseline)
    lines.push(
      `| baseline: \`npx ts-node main.ts\` (type-checking on), \`@cdktf/provider-aws\` root import | ${r.baseline.error ? "failed" : s(r.baseline.ms)} | ${mb(r.baseline.rssMB)} |`,
    );
  if (r.tsxCli) lines.push(`| for comparison: \`tsx main.ts\` (the tsx CLI: a parent process and an ESM loader thread) | ${s(r.tsxCli.ms)} | ${mb(r.tsxCli.rssMB)} |`);
  if (r.precompiled)
    lines.push(`| for comparison: precompiled JavaScript, \`node dist/src/cli/bin.js synth\` (no tsx, no npm) | ${s(r.precompiled.ms)} | ${mb(r.precompiled.rssMB)} |`);
  if (r.typecheck) {
    lines.push(`| \`npm run typecheck\`, cold (no incremental cache) | ${s(r.typecheck.cold.ms)} | ${mb(r.typecheck.cold.rssMB)} |`);
    lines.push(`| \`npm run typecheck\`, warm (incremental cache) | ${s(r.typecheck.warm.ms)} | ${mb(r.typecheck.warm.rssMB)} |`);
  }
  if (r.npmTest) lines.push(`| \`npm test\` (type-check + jest), one run | ${s(r.npmTest.ms)}${r.npmTest.ok ? "" : " (failed)"} | ${mb(r.npmTest.rssMB)} |`);
  if (r.targets.length) {
    lines.push("");
    lines.push("| target | measured | met | headroom |");
    lines.push("| --- | --- | --- | --- |");
    for (const t of r.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met === undefined ? "n/a" : t.met ? "yes" : "**no**"} | ${t.headroom} |`);
  }
  return lines.join("\n");
}
