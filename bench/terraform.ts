/**
 * The benchmark's Terraform rows: what a user waits for. For each workspace of a definitions folder:
 * `terraform validate` and a first `terraform plan` (empty state) against the AWS API emulator, with
 * CPU seconds of terraform and its provider processes, wall time, peak memory summed over the process
 * tree (proportional set sizes, sampled from /proc), and the API calls of the plan by operation.
 *
 *   npx tsx bench/terraform.ts [<definitions dir>] [--workspaces a,b] [--baseline] [--one-grant ws]
 *   npm run bench -- --terraform [--terraform-medium] [--terraform-large]
 *
 * The emulator holds the organization, its groups and every workspace's permission sets, as after a
 * rollout. The other workspaces' states are written with only what their apply would publish (the
 * `permission_set_arns_by_name` output), so a workspace plans as on day two of a rollout without
 * applying the others (applying a large organization's 50,000 assignments would take hours).
 *
 * `--baseline` plans the same definitions as keyless synthesized them before linear plans (commit
 * BASELINE_COMMIT: one literal map of all assignments in one resource, permission sets of other
 * workspaces looked up by name), in the same run, stopped after `baselineTimeoutSeconds`.
 *
 * `--one-grant <ws>`: "definitions changed -> plan ready". Applies workspace <ws> (setup, reported),
 * adds one grant to its definitions file, then measures keyless synth of the whole organization in a
 * fresh process plus `terraform plan` of <ws> (refreshing everything it holds).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { Emulator, EmulatorSeed, startEmulator } from "../__tests__/support/emulator";
import { seedFromDefinitions } from "../__tests__/support/emulator/seed-from-definitions";
import { synthStacks } from "../__tests__/support/stacks";
import { copyStack, init, prepareStack, terraform, tf, TfResult } from "../__tests__/support/terraform";

/** The last commit whose output had one assignment resource per workspace and by-name permission set lookups. */
export const BASELINE_COMMIT = "cf15c73";
const DATE = "2026-11-01";
const repo = resolve(__dirname, "..");

export interface Measured {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly peakMemoryMB: number;
  /** Stopped at the time limit: the CPU seconds are then those sampled until then (a lower bound). */
  readonly timedOut?: boolean;
}
export interface TerraformRow {
  readonly workspace: string;
  readonly shape: "keyless" | "baseline";
  readonly assignments: number;
  /** Permission sets the workspace creates or reads (from another workspace's state, or looked up by name). */
  readonly permissionSetsReferenced: number;
  readonly providers: number;
  readonly validate?: Measured;
  readonly plan: Measured & { readonly apiCalls: Readonly<Record<string, number>>; readonly error?: string };
}
export interface OneGrant {
  readonly workspace: string;
  readonly assignments: number;
  readonly permissionSetsReferenced: number;
  readonly setupApply: Measured;
  readonly grant: string;
  readonly synth: { readonly wallSeconds: number };
  readonly plan: Measured & { readonly summary: string; readonly apiCalls: Readonly<Record<string, number>> };
  readonly totalWallSeconds: number;
}
export interface TerraformBench {
  readonly definitions: string;
  readonly rows: TerraformRow[];
  readonly oneGrant?: OneGrant;
  /** Why the baseline rows are missing, when they were asked for. */
  readonly baselineError?: string;
}
export interface TerraformBenchOptions {
  /** Workspaces to measure. @default all */
  readonly workspaces?: readonly string[];
  /** Also plan the baseline shape of these workspaces (BASELINE_COMMIT's synth). */
  readonly baseline?: readonly string[];
  /** @default 600 */
  readonly baselineTimeoutSeconds?: number;
  /** Run "one grant added -> plan ready" in this workspace. */
  readonly oneGrant?: string;
  readonly log?: (t: string) => void;
}

interface ProcSample {
  readonly ppid: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  readonly ticks: number;
  readonly rssPages: number;
}

/** Every process's parent, CPU ticks and resident pages (Linux /proc; empty elsewhere). */
function procTable(): Map<number, ProcSample> {
  const table = new Map<number, ProcSample>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return table;
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the command: state ppid ... utime(12) stime(13) cutime(14) cstime(15) ... rss(22)
      table.set(Number(e), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), rssPages: Number(f[21]) });
    } catch {
      /* exited */
    }
  }
  return table;
}

/**
 * Proportional set size of a process (smaps_rollup): its private pages plus its share of pages it
 * shares. The provider processes map the same ~700 MB binary, so summing their resident sets counts
 * those pages once per process; summed PSS is the memory the group really takes. Falls back to RSS.
 */
function pss(pid: number, rssPages: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    /* exited, or no smaps_rollup */
  }
  return rssPages * 4096;
}

/** Memory (summed PSS) and CPU seconds of the descendants of `root` (not `root` itself). */
function descendants(root: number): { rss: number; cpuSeconds: number } {
  const table = procTable();
  const under = (pid: number): boolean => {
    for (let p = table.get(pid)?.ppid, n = 0; p && n < 64; p = table.get(p)?.ppid, n++) if (p === root) return true;
    return false;
  };
  let rss = 0;
  let ticks = 0;
  for (const [pid, s] of table) {
    if (!under(pid)) continue;
    rss += pss(pid, s.rssPages);
    ticks += s.ticks;
  }
  return { rss, cpuSeconds: ticks / 100 };
}

/** Runs `fn` while sampling the summed memory and CPU of this process's children (terraform and its providers). */
async function measured<T extends TfResult>(fn: () => Promise<T>): Promise<{ result: T } & Measured> {
  let peak = 0;
  let cpu = 0;
  const timer = setInterval(() => {
    const d = descendants(process.pid);
    peak = Math.max(peak, d.rss);
    cpu = Math.max(cpu, d.cpuSeconds);
  }, 250);
  const start = process.hrtime.bigint();
  try {
    const result = await fn();
    const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuSeconds = result.timedOut ? cpu : result.cpuSeconds;
    return { result, cpuSeconds, wallSeconds, peakMemoryMB: Math.round(peak / 2 ** 20), ...(result.timedOut ? { timedOut: true } : {}) };
  } finally {
    clearInterval(timer);
  }
}

const configOf = (stackDir: string) => JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
const permissionSetNames = (config: any): string[] => Object.values<any>(config.resource?.aws_ssoadmin_permission_set ?? {}).map((p) => p.name);
/** Assignments of a stack: entries of its per-permission-set maps, or of the baseline's one literal for_each. */
export function assignmentCount(config: any): number {
  const fromLocals = Object.entries<any>(config.locals ?? {})
    .filter(([k]) => k.startsWith("account_assignments_"))
    .reduce((n, [, m]) => n + Object.keys(m).length, 0);
  if (fromLocals) return fromLocals;
  return Object.values<any>(config.resource?.aws_ssoadmin_account_assignment ?? {}).reduce((n, r) => n + (typeof r.for_each === "object" ? Object.keys(r.for_each).length : 1), 0);
}

function permissionSetsReferenced(config: any): number {
  const own = Object.keys(config.resource?.aws_ssoadmin_permission_set ?? {}).length;
  const lookedUp = Object.keys(config.data?.aws_ssoadmin_permission_set ?? {}).length;
  const fromState = Object.values<any>(config.resource?.aws_ssoadmin_account_assignment ?? {}).filter((r) =>
    String(r.permission_set_arn).includes("terraform_remote_state"),
  ).length;
  return own + lookedUp + fromState;
}

/**
 * The organization as after a rollout: accounts, and every workspace's groups, users and permission
 * sets, except those of `notYet` (the workspace applied by "one grant added": creating what exists
 * already would be a ConflictException, which the provider retries for minutes).
 */
function rolledOutSeed(definitions: string, configs: Record<string, any>, notYet?: string): EmulatorSeed {
  const seed = seedFromDefinitions(definitions);
  const rolledOut = Object.entries(configs)
    .filter(([ws]) => ws !== notYet)
    .map(([, c]) => c);
  const all = <T>(f: (c: any) => T[]) => [...new Set(rolledOut.flatMap(f))].sort();
  const ic = seed.identityCenter ?? {};
  // A resource's name attribute, or its for_each keys when the name is `each.key`.
  const named = (resources: Record<string, any> | undefined, attr: string) =>
    Object.values<any>(resources ?? {}).flatMap((r) => (r[attr] === "${each.key}" && typeof r.for_each === "object" ? Object.keys(r.for_each) : [r[attr]]));
  const groups = all((c) => named(c.resource?.aws_identitystore_group, "display_name")).filter((n) => !ic.groups?.some((g) => g.displayName === n));
  const users = all((c) => named(c.resource?.aws_identitystore_user, "user_name")).filter((n) => !ic.users?.some((u) => u.userName === n));
  return {
    ...seed,
    identityCenter: {
      ...ic,
      groups: [...(ic.groups ?? []), ...groups.map((displayName) => ({ displayName }))],
      users: [...(ic.users ?? []), ...users.map((userName) => ({ userName }))],
      permissionSets: all(permissionSetNames).map((name) => ({ name })),
    },
  };
}

/** For each workspace, a state holding only the output its apply publishes for the others. */
function publishStates(configs: Record<string, any>, emulator: Emulator, into: string): Record<string, string> {
  const arnByName = new Map([...emulator.state.identityCenter.permissionSets.values()].map((p) => [p.name, p.arn]));
  const dirs: Record<string, string> = {};
  for (const [ws, config] of Object.entries(configs)) {
    // A workspace not rolled out yet publishes nothing.
    const value = Object.fromEntries(permissionSetNames(config).flatMap((n) => (arnByName.has(n) ? [[n, arnByName.get(n)!]] : [])));
    const dir = join(into, ws);
    mkdirSync(dir, { recursive: true });
    const state = {
      version: 4,
      terraform_version: "1.11.0",
      serial: 1,
      lineage: `keyless-bench-${ws}`,
      outputs: { permission_set_arns_by_name: { value, type: ["map", "string"] } },
      resources: [],
      check_results: null,
    };
    writeFileSync(join(dir, "terraform.tfstate"), JSON.stringify(state));
    dirs[ws] = dir;
  }
  return dirs;
}

/** BASELINE_COMMIT's sources in `into` (git archive), with this checkout's node_modules. */
function baselineSources(into: string): string {
  mkdirSync(into, { recursive: true });
  const archive = spawnSync("git", ["-C", repo, "archive", BASELINE_COMMIT], { maxBuffer: 512 * 2 ** 20 });
  if (archive.status !== 0) throw new Error(`git archive ${BASELINE_COMMIT} failed (the baseline needs a git checkout of keyless): ${archive.stderr}`);
  execFileSync("tar", ["-x", "-C", into], { input: archive.stdout });
  symlinkSync(join(repo, "node_modules"), join(into, "node_modules"), "dir");
  return into;
}

/** Runs keyless synth (`entry`: a launcher or main.ts and the node flags it needs) in a fresh process; the stacks folder. */
function synthWith(cwd: string, entry: readonly string[], definitions: string, out: string): string {
  const r = spawnSync("node", [...entry, "--dir", definitions, "--out", out, "--date", DATE], { cwd, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`synth in ${cwd} failed (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  return join(out, "stacks");
}

const firstError = (r: TfResult) => (r.timedOut ? undefined : r.code === 0 ? undefined : (/Error: (.*)/.exec(r.stderr)?.[1] ?? `exit ${r.code}`));
const PLAN = ["plan", "-input=false", "-no-color", "-lock=false", "-parallelism=64"];

async function measureStack(
  emulator: Emulator,
  stackDir: string,
  work: string,
  ws: string,
  shape: TerraformRow["shape"],
  remoteStates: Record<string, string>,
  opts: { validate: boolean; timeoutSeconds?: number },
): Promise<{ row: TerraformRow; dir: string }> {
  const dir = copyStack(stackDir, mkdtempSync(join(work, `${shape}-`)));
  await prepareStack(dir, emulator, { remoteStates });
  const config = configOf(dir);
  await init(dir);
  const validate = opts.validate ? strip(await measured(() => tf(dir, ["validate", "-no-color"]))) : undefined;
  emulator.reset();
  const plan = await measured(() => tf(dir, PLAN, { timeoutSeconds: opts.timeoutSeconds }));
  const providers = [config.provider?.aws ?? []].flat().length;
  const row: TerraformRow = {
    workspace: ws,
    shape,
    assignments: assignmentCount(config),
    permissionSetsReferenced: permissionSetsReferenced(config),
    providers,
    validate,
    plan: { ...strip(plan), apiCalls: emulator.calls(), error: firstError(plan.result) },
  };
  return { row, dir };
}

function strip<T extends TfResult>(m: { result: T } & Measured): Measured {
  const { result: _, ...rest } = m;
  return rest;
}

export async function benchTerraform(definitions: string, opts: TerraformBenchOptions = {}): Promise<TerraformBench> {
  if (!terraform.available) throw new Error(`terraform cannot run here: ${terraform.why}`);
  const log = opts.log ?? ((t: string) => process.stderr.write(t + "\n"));
  const work = mkdtempSync(join(tmpdir(), "keyless-bench-tf-"));
  try {
    const stacks = synthStacks(definitions, work, DATE);
    const names = readdirSync(stacks).sort();
    const configs = Object.fromEntries(names.map((n) => [n, configOf(join(stacks, n))]));
    const emulator = await startEmulator({ seed: rolledOutSeed(definitions, configs, opts.oneGrant) });
    try {
      const published = publishStates(configs, emulator, join(work, "published"));
      const rows: TerraformRow[] = [];
      const line = (r: TerraformRow) =>
        log(
          `terraform ${r.shape} ${r.workspace} (${r.assignments} assignments, ${r.providers} providers):` +
            (r.validate ? ` validate ${r.validate.cpuSeconds.toFixed(1)} CPU-s;` : "") +
            ` plan ${r.plan.timedOut ? "> " : ""}${r.plan.cpuSeconds.toFixed(1)} CPU-s, ${r.plan.wallSeconds.toFixed(1)} s, ${r.plan.peakMemoryMB} MB` +
            (r.plan.error ? ` (failed: ${r.plan.error})` : r.plan.timedOut ? " (stopped)" : ""),
        );
      const measuredDirs: Record<string, string> = {};
      for (const ws of names.filter((n) => !opts.workspaces || opts.workspaces.includes(n))) {
        const { row, dir } = await measureStack(emulator, join(stacks, ws), work, ws, "keyless", published, { validate: true });
        rows.push(row);
        measuredDirs[ws] = dir;
        line(row);
      }
      let baselineError: string | undefined;
      let old: string | undefined;
      if (opts.baseline?.length) {
        try {
          old = synthWith(baselineSources(join(work, "baseline-src")), ["--require", "tsx/cjs", "main.ts"], definitions, join(work, "baseline-out"));
        } catch (e) {
          baselineError = (e as Error).message.split("\n").slice(0, 2).join(" ");
          log(`baseline: ${baselineError}`);
        }
      }
      if (old) {
        for (const ws of opts.baseline ?? []) {
          const { row } = await measureStack(emulator, join(old, ws), work, ws, "baseline", {}, { validate: false, timeoutSeconds: opts.baselineTimeoutSeconds ?? 600 });
          rows.push(row);
          line(row);
        }
      }
      const oneGrant = opts.oneGrant ? await oneGrantAdded(definitions, opts.oneGrant, emulator, work, published, log) : undefined;
      return { definitions, rows, oneGrant, baselineError };
    } finally {
      await emulator.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Adds one grant to workspace `ws`'s file: its first assignment's first group, with its first
 * permission set, to the first active account (inventory order) that group does not reach with it.
 */
export function addOneGrant(definitions: string, ws: string, config: any): { file: string; text: string; grant: string } {
  const file = readdirSync(definitions).find((f) => f.replace(/\.(ya?ml|json)$/, "") === ws);
  if (!file || !/\.ya?ml$/.test(file)) throw new Error(`no YAML file for workspace ${ws} in ${definitions}`);
  const doc = parse(readFileSync(join(definitions, file), "utf8"));
  const first = doc.identityCenter.assignments[0];
  const group: string = first.groups[0];
  const setKey: string = first.permissionSets[0];
  const setName: string = doc.identityCenter.permissionSets[setKey]?.name ?? setKey;
  const inventory = parse(readFileSync(join(definitions, doc.organization), "utf8"));
  const granted = new Set(Object.keys(config.locals?.[`account_assignments_${setName}`] ?? {}));
  const account = Object.entries<any>(inventory.accounts).find(
    ([key, a]) => key !== inventory.managementAccount && (a.state ?? a.status ?? "ACTIVE") === "ACTIVE" && !granted.has(`group:${group}/${a.id}`),
  );
  if (!account) throw new Error(`group ${group} already has ${setKey} in every account`);
  doc.identityCenter.assignments.push({ groups: [group], permissionSets: [setKey], targets: { accounts: [account[0]] } });
  return { file, text: stringify(doc, { lineWidth: 0 }), grant: `${group} -> ${setKey} in ${account[0]}` };
}

async function oneGrantAdded(definitions: string, ws: string, emulator: Emulator, work: string, published: Record<string, string>, log: (t: string) => void): Promise<OneGrant> {
  const stacks = join(work, "cdktf.out", "stacks");
  const config = configOf(join(stacks, ws));
  const dir = copyStack(join(stacks, ws), mkdtempSync(join(work, "grant-")));
  await prepareStack(dir, emulator, { remoteStates: published });
  await init(dir);
  log(`one grant: applying ${ws} first (${assignmentCount(config)} assignments; setup, the provider waits ~10 s per assignment)`);
  const setup = await measured(() => tf(dir, ["apply", "-input=false", "-no-color", "-lock=false", "-auto-approve", "-parallelism=256"]));
  if (setup.result.code !== 0) throw new Error(`apply of ${ws} failed:\n${setup.result.stderr.slice(0, 3000)}`);

  const changed = join(work, "definitions-changed");
  cpSync(definitions, changed, { recursive: true });
  const { file, text, grant } = addOneGrant(changed, ws, config);
  writeFileSync(join(changed, file), text);
  const out = join(work, "changed-out");
  const start = process.hrtime.bigint();
  // What `npm run synth` runs (the compiled CLI when dist/ is fresh), on the whole organization, as CI would.
  synthWith(repo, [join(repo, "scripts/synth.cjs")], changed, out);
  const synthWall = Number(process.hrtime.bigint() - start) / 1e9;
  cpSync(join(out, "stacks", ws, "cdk.tf.json"), join(dir, "cdk.tf.json"));
  await prepareStack(dir, emulator, { remoteStates: published });
  emulator.reset();
  const plan = await measured(() => tf(dir, PLAN));
  if (plan.result.code !== 0) throw new Error(`plan after adding a grant failed:\n${plan.result.stderr.slice(0, 3000)}`);
  const summary = /^(Plan: .*|No changes\..*)$/m.exec(plan.result.stdout)?.[1] ?? "?";
  const result: OneGrant = {
    workspace: ws,
    assignments: assignmentCount(config),
    permissionSetsReferenced: permissionSetsReferenced(config),
    setupApply: strip(setup),
    grant,
    synth: { wallSeconds: synthWall },
    plan: { ...strip(plan), summary, apiCalls: emulator.calls() },
    totalWallSeconds: synthWall + plan.wallSeconds,
  };
  log(`one grant (${grant}): synth ${synthWall.toFixed(1)} s + plan ${plan.wallSeconds.toFixed(1)} s (${plan.cpuSeconds.toFixed(1)} CPU-s): ${summary}`);
  return result;
}

const fmt = (m: Measured) => `${m.timedOut ? "> " : ""}${m.cpuSeconds.toFixed(1)}`;
function calls(c: Readonly<Record<string, number>>): string {
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  const top = Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, n]) => `${k.split(":")[1]} ${n}`);
  return `${total} (${top.join(", ")})`;
}

/** Permission-set API calls of a plan (Describe/List of permission sets and their policies). */
export const permissionSetCalls = (c: Readonly<Record<string, number>>) =>
  Object.entries(c)
    .filter(([k]) => /^sso-admin:(DescribePermissionSet|ListPermissionSets)$/.test(k))
    .reduce((n, [, v]) => n + v, 0);

export function terraformMarkdown(title: string, bench: TerraformBench): string {
  const lines = [
    `| ${title}: workspace | layout | assignments | aws providers | validate CPU-s | plan CPU-s | plan wall s | plan peak memory (PSS, all processes) | permission-set calls | plan API calls |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...bench.rows.map(
      (r) =>
        `| ${r.workspace} | ${r.shape === "baseline" ? `before (${BASELINE_COMMIT})` : "keyless"} | ${r.assignments} | ${r.providers} | ${r.validate ? fmt(r.validate) : "-"} | ${fmt(r.plan)}${r.plan.error ? " (failed)" : r.plan.timedOut ? " (stopped)" : ""} | ${r.plan.wallSeconds.toFixed(1)} | ${r.plan.peakMemoryMB} MB | ${permissionSetCalls(r.plan.apiCalls)} | ${calls(r.plan.apiCalls)} |`,
    ),
  ];
  if (bench.baselineError) lines.push("", `No baseline rows: ${bench.baselineError}`);
  const g = bench.oneGrant;
  if (g)
    lines.push(
      "",
      `One grant added in ${g.workspace} (${g.assignments} assignments applied; ${g.grant}): keyless synth ${g.synth.wallSeconds.toFixed(1)} s + terraform plan ${g.plan.wallSeconds.toFixed(1)} s ` +
        `(${g.plan.cpuSeconds.toFixed(1)} CPU-s, ${g.plan.peakMemoryMB} MB, ${calls(g.plan.apiCalls)}; permission-set calls ${permissionSetCalls(g.plan.apiCalls)} for ${g.permissionSetsReferenced} sets) = **${g.totalWallSeconds.toFixed(1)} s** to a plan of "${g.plan.summary}". ` +
        `Setup: the first apply of ${g.workspace} took ${g.setupApply.wallSeconds.toFixed(0)} s at -parallelism=256.`,
    );
  return lines.join("\n");
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const values = new Set(["--workspaces", "--one-grant", "--baseline-timeout"].flatMap((f) => (args.includes(f) ? [args[args.indexOf(f) + 1]] : [])));
  const dir = resolve(args.find((a) => !a.startsWith("--") && !values.has(a)) ?? "environments");
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const workspaces = value("workspaces")?.split(",");
  benchTerraform(dir, {
    workspaces,
    baseline: args.includes("--baseline")
      ? (workspaces ??
        readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => f.replace(/\.ya?ml$/, "")))
      : undefined,
    baselineTimeoutSeconds: value("baseline-timeout") ? Number(value("baseline-timeout")) : undefined,
    oneGrant: value("one-grant"),
  })
    .then((b) => process.stdout.write(terraformMarkdown(dir.split("/").pop()!, b) + "\n"))
    .catch((e) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 1;
    });
}
