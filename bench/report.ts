/** The benchmark's results: their shape, the targets of issues 8 and 12, and the Markdown tables. */
import { cpus, totalmem } from "node:os";
import { permissionSetCalls, TerraformBench, terraformMarkdown } from "./terraform";

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
  /** `node scripts/synth.cjs` (what `npm run synth` runs, on its fast path) in a fresh process: median wall time and peak RSS. */
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
  /** `node --require tsx/cjs main.ts` on the example organization: npm run synth's path when dist/ is stale. */
  readonly tsxRequire?: CommandResult;
  readonly typecheck?: { readonly warm: CommandResult; readonly cold: CommandResult };
  readonly npmTest?: CommandResult;
  /** `terraform validate` and `plan` per workspace (bench/terraform.ts), by size. */
  readonly terraform?: readonly { readonly size: string; readonly bench: TerraformBench }[];
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
    const ratioNode = r.baseline.ms / small.endToEnd.ms;
    for (const [goal, issue] of [
      [15, "issue 12"],
      [10, "issue 8"],
    ] as const)
      out.push({
        target: `example: npm run synth >= ${goal}x faster than the baseline (${issue})`,
        measured: `${ratioNpm.toFixed(1)}x (without npm's start-up: ${ratioNode.toFixed(1)}x${r.tsxRequire ? `; sources through tsx: ${(r.baseline.ms / r.tsxRequire.ms).toFixed(1)}x` : ""})`,
        met: ratioNpm >= goal,
        headroom: `${((ratioNpm / goal - 1) * 100).toFixed(0)}%`,
      });
  }
  if (large) {
    out.push({ target: "large: end to end within 2.5 s (issue 12)", measured: s(large.endToEnd.ms), met: large.endToEnd.ms <= 2500, headroom: pct(large.endToEnd.ms, 2500) });
    if (large.endToEnd.rssMB !== undefined)
      out.push({
        target: "large: peak RSS within 400 MB (issue 12)",
        measured: mb(large.endToEnd.rssMB),
        met: large.endToEnd.rssMB <= 400,
        headroom: pct(large.endToEnd.rssMB, 400),
      });
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
      target: "npm test under 3 minutes",
      measured: `${s(r.npmTest.ms)}${r.npmTest.ok ? "" : " (failed)"}`,
      met: r.npmTest.ms < 180_000,
      headroom: pct(r.npmTest.ms, 180_000),
    });
  out.push(...terraformTargets(r.terraform ?? []));
  if (r.typecheck) {
    const c = r.typecheck.cold;
    out.push({ target: "type-check (cold) under 30 s", measured: s(c.ms), met: c.ms < 30_000, headroom: pct(c.ms, 30_000) });
    if (c.rssMB !== undefined) out.push({ target: "type-check (cold) under 1.5 GB", measured: mb(c.rssMB), met: c.rssMB < 1536, headroom: pct(c.rssMB, 1536) });
  }
  return out;
}

/** Issue 12's targets for `terraform plan`, over the sizes measured. */
function terraformTargets(tf: NonNullable<BenchResults["terraform"]>): TargetResult[] {
  const out: TargetResult[] = [];
  const ours = (size: string) => tf.find((t) => t.size === size)?.bench.rows.filter((r) => r.shape === "keyless" && !r.plan.error) ?? [];
  const biggest = (size: string) => ours(size).sort((a, b) => b.assignments - a.assignments)[0];
  const cpu = (x: number) => `${x.toFixed(1)} CPU-s`;
  for (const [size, limit] of [
    ["medium", 30],
    ["large", 90],
  ] as const) {
    const b = biggest(size);
    if (b)
      out.push({
        target: `${size}, biggest workspace: terraform plan <= ${limit} CPU-s`,
        measured: `${cpu(b.plan.cpuSeconds)} (${b.workspace}, ${b.assignments} assignments)`,
        met: b.plan.cpuSeconds <= limit,
        headroom: pct(b.plan.cpuSeconds, limit),
      });
  }
  const m = biggest("medium");
  const l = biggest("large");
  if (m && l) {
    const size = l.assignments / m.assignments;
    const cost = l.plan.cpuSeconds / m.plan.cpuSeconds;
    out.push({
      target: `large/medium plan cost within 1.3x their size ratio (${size.toFixed(2)}x): <= ${(1.3 * size).toFixed(2)}x`,
      measured: `${cost.toFixed(2)}x`,
      met: cost <= 1.3 * size,
      headroom: pct(cost, 1.3 * size),
    });
  }
  // Every keyless plan: the first plans of each workspace and the refreshing plan after one grant added.
  const all = tf.flatMap((t) => [
    ...t.bench.rows
      .filter((r) => r.shape === "keyless")
      .map((r) => ({ size: t.size, r: { workspace: r.workspace, providers: r.providers, plan: r.plan, permissionSetsReferenced: r.permissionSetsReferenced } })),
    ...(t.bench.oneGrant
      ? [
          {
            size: t.size,
            r: {
              workspace: `${t.bench.oneGrant.workspace} (one grant added)`,
              providers: NaN,
              plan: t.bench.oneGrant.plan,
              permissionSetsReferenced: t.bench.oneGrant.permissionSetsReferenced,
            },
          },
        ]
      : []),
  ]);
  if (all.length) {
    const worstCalls = all.reduce((a, b) => (permissionSetCalls(b.r.plan.apiCalls) > permissionSetCalls(a.r.plan.apiCalls) ? b : a));
    out.push({
      target: "permission-set API calls per plan <= 2 per set the workspace references",
      measured: `at most ${permissionSetCalls(worstCalls.r.plan.apiCalls)} (${worstCalls.size} ${worstCalls.r.workspace}, ${worstCalls.r.permissionSetsReferenced} sets)`,
      met: all.every(({ r }) => permissionSetCalls(r.plan.apiCalls) <= 2 * r.permissionSetsReferenced),
      headroom: "-",
    });
    const worstMem = all.reduce((a, b) => (b.r.plan.peakMemoryMB > a.r.plan.peakMemoryMB ? b : a));
    out.push({
      target: "peak plan memory of every bench workspace <= 4 GB",
      measured: `at most ${(worstMem.r.plan.peakMemoryMB / 1024).toFixed(2)} GB (${worstMem.size} ${worstMem.r.workspace}${Number.isNaN(worstMem.r.providers) ? "" : `, ${worstMem.r.providers} providers`})`,
      met: worstMem.r.plan.peakMemoryMB <= 4096,
      headroom: pct(worstMem.r.plan.peakMemoryMB, 4096),
    });
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
  if (small)
    lines.push(`| \`node scripts/synth.cjs\` (what \`npm run synth\` runs, without npm: the compiled CLI in dist/) | ${s(small.endToEnd.ms)} | ${mb(small.endToEnd.rssMB)} |`);
  if (r.npmRunSynth) lines.push(`| \`npm run synth\` | ${s(r.npmRunSynth.ms)} | ${mb(r.npmRunSynth.rssMB)} |`);
  if (r.baseline)
    lines.push(
      `| baseline: \`npx ts-node main.ts\` (type-checking on), \`@cdktf/provider-aws\` root import | ${r.baseline.error ? "failed" : s(r.baseline.ms)} | ${mb(r.baseline.rssMB)} |`,
    );
  if (r.tsxRequire)
    lines.push(
      `| for comparison: \`node --require tsx/cjs main.ts\` (the sources through tsx: \`npm run synth\` when dist/ is stale) | ${s(r.tsxRequire.ms)} | ${mb(r.tsxRequire.rssMB)} |`,
    );
  if (r.typecheck) {
    lines.push(`| \`npm run typecheck\`, cold (no incremental cache) | ${s(r.typecheck.cold.ms)} | ${mb(r.typecheck.cold.rssMB)} |`);
    lines.push(`| \`npm run typecheck\`, warm (incremental cache) | ${s(r.typecheck.warm.ms)} | ${mb(r.typecheck.warm.rssMB)} |`);
  }
  if (r.npmTest) lines.push(`| \`npm test\` (type-check + jest), one run | ${s(r.npmTest.ms)}${r.npmTest.ok ? "" : " (failed)"} | ${mb(r.npmTest.rssMB)} |`);
  for (const t of r.terraform ?? []) lines.push("", terraformMarkdown(t.size === "small" ? "small (example)" : t.size, t.bench));
  if (r.targets.length) {
    lines.push("");
    lines.push("| target | measured | met | headroom |");
    lines.push("| --- | --- | --- | --- |");
    for (const t of r.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met === undefined ? "n/a" : t.met ? "yes" : "**no**"} | ${t.headroom} |`);
  }
  return lines.join("\n");
}
