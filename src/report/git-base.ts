import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { parse } from "yaml";

/** A problem the user can fix (wrong ref, not a repository): reported without a stack trace. */
export class GitBaseError extends Error {}

export interface BaseDefinitions {
  /** Temporary folder holding the base commit's files at their repository paths. */
  readonly root: string;
  /** The definitions folder inside `root`, or undefined when the base commit has none. */
  readonly dir?: string;
  readonly cleanup: () => void;
}

function git(args: string[], cwd: string): Buffer {
  return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 512 * 1024 * 1024 });
}

const stderrOf = (e: unknown) => String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim();

/**
 * Writes the definitions folder `dir` (and the organization inventory its workspaces name, when it
 * lives outside `dir`) as they are at git `ref` into a temporary folder, with `git archive`.
 */
export function materializeBase(ref: string, dir: string, cwd = process.cwd()): BaseDefinitions {
  let top: string;
  try {
    top = git(["rev-parse", "--show-toplevel"], cwd).toString().trim();
  } catch (e) {
    throw new GitBaseError(`--base needs a git repository: ${stderrOf(e)}`);
  }
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
  } catch {
    throw new GitBaseError(`git ref "${ref}" is not a commit here (in CI, fetch it first: git fetch origin ${ref.replace(/^origin\//, "")})`);
  }
  const rel = relative(top, resolve(cwd, dir)).split(sep).join("/");
  if (rel.startsWith("..") || isAbsolute(rel)) throw new GitBaseError(`--dir ${dir} is outside the git repository ${top}`);
  const root = mkdtempSync(join(tmpdir(), "keyless-base-"));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  const extract = (paths: string[]): boolean => {
    let tar: Buffer;
    try {
      tar = git(["archive", "--format=tar", ref, "--", ...paths], top);
    } catch {
      return false; // the paths do not exist at that commit
    }
    execFileSync("tar", ["-x", "-f", "-", "-C", root], { input: tar, stdio: ["pipe", "ignore", "pipe"] });
    return true;
  };
  if (!extract([rel || "."])) return { root, cleanup };
  const baseDir = join(root, rel);
  const outside = new Set<string>();
  for (const f of readdirSync(baseDir)) {
    if (!/\.(ya?ml|json)$/.test(f)) continue;
    try {
      const org = (parse(readFileSync(join(baseDir, f), "utf8")) as { organization?: unknown })?.organization;
      if (typeof org !== "string") continue;
      const p = posix.normalize(posix.join(rel || ".", org));
      if (!p.startsWith("..") && !(p + "/").startsWith((rel || ".") + "/")) outside.add(p);
    } catch {
      // Unreadable files are reported by the compiler when it loads them.
    }
  }
  if (outside.size) extract([...outside].sort());
  return { root, dir: baseDir, cleanup };
}
