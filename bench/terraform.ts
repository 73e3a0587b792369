/**
 * The benchmark's Terraform rows: what a user waits for. For each workspace of a definitions folder:
 * `terraform validate` and a first `terraform plan` (empty state) against the AWS API emulator (seeded
 * from the definitions), with CPU seconds of terraform and its provider processes, wall time, peak
 * memory summed over the process tree (sampled from /proc), and the API calls of the plan by operation.
 *
 *   npx tsx bench/terraform.ts [<definitions dir>] [--workspaces a,b]
 *   npm run bench -- --terraform            (the same for the example organization, after the synth rows)
 *
 * A workspace whose state others read (terraform_remote_state) is planned first, then applied (not
 * measured), so the others plan as on a rollout; a plan that fails is reported with its first error.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startEmulator } from "../__tests__/support/emulator";
import { seedFromDefinitions } from "../__tests__/support/emulator/seed-from-definitions";
import { prepareStacks } from "../__tests__/support/stacks";
import { init, terraform, tf, TfResult } from "../__tests__/support/terraform";

export interface TerraformRow {
  readonly workspace: string;
  readonly providers: number;
  readonly validate: Measured;
  readonly plan: Measured & { readonly apiCalls: Readonly<Record<string, number>>; readonly error?: string };
}
interface Measured {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly peakMemoryMB: number;
}

/** Sum of resident memory of `root` and all its descendants, in bytes (Linux /proc; 0 elsewhere). */
function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(e), Number(fields[1]));
    } catch {
      /* exited */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, n = 0; p && n < 64; p = parent.get(p), n++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
    } catch {
      /* exited */
    }
  }
  return total;
}

/** Runs `fn` while sampling the peak memory of this process's children (terraform and its providers). */
async function measured<T extends TfResult>(fn: () => Promise<T>): Promise<{ result: T } & Measured> {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(process.pid) - process.memoryUsage().rss);
  }, 250);
  const start = process.hrtime.bigint();
  try {
    const result = await fn();
    const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { result, cpuSeconds: result.cpuSeconds, wallSeconds, peakMemoryMB: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

export async function benchTerraform(definitions: string, opts: { workspaces?: string[]; log?: (t: string) => void } = {}): Promise<TerraformRow[]> {
  if (!terraform.available) throw new Error(`terraform cannot run here: ${terraform.why}`);
  const log = opts.log ?? ((t: string) => process.stderr.write(t + "\n"));
  const work = mkdtempSync(join(tmpdir(), "keyless-bench-tf-"));
  const emulator = await startEmulator({ seed: seedFromDefinitions(definitions) });
  try {
    const stacks = await prepareStacks(definitions, work, emulator, "2026-11-01");
    // Workspaces whose state others read come first, and are applied after their plan is measured.
    const owners = new Set(Object.values(stacks.config).flatMap((c) => Object.keys(c.data?.terraform_remote_state ?? {})));
    const names = Object.keys(stacks.dirs)
      .filter((s) => !opts.workspaces || opts.workspaces.includes(s) || owners.has(s))
      .sort((a, b) => Number(owners.has(b)) - Number(owners.has(a)) || a.localeCompare(b));
    const rows: TerraformRow[] = [];
    for (const name of names) {
      const dir = stacks.dirs[name];
      await init(dir);
      const validate = await measured(() => tf(dir, ["validate", "-no-color"]));
      emulator.reset();
      const plan = await measured(() => tf(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-parallelism=64"]));
      const error = plan.result.code === 0 ? undefined : (/Error: (.*)/.exec(plan.result.stderr)?.[1] ?? `exit ${plan.result.code}`);
      const providers = [stacks.config[name].provider?.aws ?? []].flat().length;
      const { result: _v, ...v } = validate;
      const { result: _p, ...p } = plan;
      rows.push({ workspace: name, providers, validate: v, plan: { ...p, apiCalls: emulator.calls(), error } });
      if (owners.has(name)) {
        const applied = await tf(dir, ["apply", "-input=false", "-no-color", "-lock=false", "-auto-approve", "-parallelism=64"]);
        if (applied.code !== 0) throw new Error(`apply of ${name} (read by other workspaces) failed:\n${applied.stderr.slice(0, 2000)}`);
      }
      log(
        `terraform ${name}: validate ${v.cpuSeconds.toFixed(1)} CPU-s; plan ${p.cpuSeconds.toFixed(1)} CPU-s, ${p.wallSeconds.toFixed(1)} s, ${p.peakMemoryMB} MB${error ? ` (failed: ${error})` : ""}`,
      );
    }
    return rows;
  } finally {
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export function terraformMarkdown(title: string, rows: readonly TerraformRow[]): string {
  const calls = (c: Readonly<Record<string, number>>) => {
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    const top = Object.entries(c)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, n]) => `${k.split(":")[1]} ${n}`);
    return `${total} (${top.join(", ")})`;
  };
  return [
    `| ${title}: workspace | aws providers | validate CPU-s | plan CPU-s | plan wall s | plan peak memory (all processes) | plan API calls |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(
      (r) =>
        `| ${r.workspace} | ${r.providers} | ${r.validate.cpuSeconds.toFixed(1)} | ${r.plan.cpuSeconds.toFixed(1)}${r.plan.error ? " (failed)" : ""} | ${r.plan.wallSeconds.toFixed(1)} | ${r.plan.peakMemoryMB} MB | ${calls(r.plan.apiCalls)} |`,
    ),
  ].join("\n");
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const ws = args.indexOf("--workspaces");
  const dir = resolve(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--workspaces") ?? "environments");
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  benchTerraform(dir, { workspaces: ws >= 0 ? args[ws + 1].split(",") : undefined })
    .then((rows) => process.stdout.write(terraformMarkdown(dir.split("/").pop()!, rows) + "\n"))
    .catch((e) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 1;
    });
}
