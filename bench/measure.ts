/** Running a command in a fresh process and measuring its wall time and peak RSS. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

export interface Measured {
  readonly ms: number;
  /** Peak RSS of the largest process of the command's tree (GNU time's %M), in MB; undefined without /usr/bin/time. */
  readonly rssMB?: number;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(GNU_TIME);

/** Runs `cmd args` to completion under /usr/bin/time (when present), timing it from here. */
export function measure(cmd: string, args: readonly string[], options: { cwd: string; tmp: string; env?: NodeJS.ProcessEnv }): Measured {
  const timeFile = join(options.tmp, `time-${process.pid}-${Date.now()}.txt`);
  const [file, argv] = hasGnuTime ? [GNU_TIME, ["-f", "%M", "-o", timeFile, cmd, ...args]] : [cmd, [...args]];
  const start = performance.now();
  const r = spawnSync(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  let rssMB: number | undefined;
  if (hasGnuTime && existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the format line when it fails.
    const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
    const kb = Number(last);
    if (Number.isFinite(kb)) rssMB = kb / 1024;
    rmSync(timeFile, { force: true });
  }
  return { ms, rssMB, status: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? String(r.error ?? "") };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const max = (xs: readonly (number | undefined)[]): number | undefined => {
  const ok = xs.filter((x): x is number => typeof x === "number");
  return ok.length ? Math.max(...ok) : undefined;
};

/** Throws with the command's output when it failed: a benchmark of a failing run means nothing. */
export function ensureOk(what: string, m: Measured): Measured {
  if (m.status !== 0) throw new Error(`${what} failed (exit ${m.status}):\n${m.stderr.slice(-3000)}\n${m.stdout.slice(-1000)}`);
  return m;
}
