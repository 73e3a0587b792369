import { execFileSync } from "node:child_process";
import { runCli } from "../../src/cli/cli";
import type { CliIo } from "../../src/cli/context";

/** `keyless <argv>` in-process, in `cwd`, on a fixed day: exit code and what it printed. */
export function cli(cwd: string, argv: readonly string[], today = "2026-01-15"): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {}, isTTY: false, today: () => today };
  const code = runCli([...argv], io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** git in `cwd` with a test identity and no signing, whatever the machine's git configuration says. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "pipe" }).toString();
}

/** Makes `dir` a git repository holding its files in one commit. */
export function commitAll(dir: string, message: string): void {
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", message);
}
