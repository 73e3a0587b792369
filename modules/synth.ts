import { App } from "cdktf";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AccessPlan, WorkspacePlan } from "../src/plan";
import { EnvironmentStack } from "./environment-stack";
import { AccountAssignments } from "./identity-center/account-assignments";
import { MovedBlocks } from "./moved-blocks";
import { withTokenOnlyResolve } from "./resolve-tokens";
import { collectBlockPaths } from "./hcl/block-paths";
import { writeHclStack } from "./hcl/write-hcl";
import { COMPARISON_FILE } from "../src/stack/previous-output";

export interface SynthOptions {
  /** Where the Terraform goes: `<outdir>/stacks/<workspace>/cdk.tf.json`. */
  readonly outdir: string;
  /** `json`: `cdk.tf.json` as cdktf writes it; `hcl`: `main.tf` in native syntax instead. @default "json" */
  readonly format?: "json" | "hcl";
  /**
   * The plan holds only some workspaces (`synth --workspace`): the stacks of the others are left as
   * they are. @default false: the stack folder of a workspace that is no longer defined is removed,
   * unless it holds files keyless did not write (state, `.terraform/`), which are never deleted
   */
  readonly partial?: boolean;
}

export interface SynthResult {
  /** Stacks of workspaces no longer defined, kept because they hold Terraform's own files. */
  readonly orphanedStacks: readonly string[];
}

/**
 * The files keyless writes in a stack folder; synth replaces these and nothing else, so Terraform's
 * own files there (`.terraform/`, `.terraform.lock.hcl`, `*.tfstate*`, overrides) survive every synth.
 */
export const KEYLESS_STACK_FILES: ReadonlySet<string> = new Set(["cdk.tf.json", "cdk.tf", "main.tf", "metadata.json", COMPARISON_FILE]);

/**
 * Synthesizes one stack per workspace into a fresh folder beside `outdir` (a failure leaves the
 * previous output exactly as it was), then moves keyless's files into place, one rename each.
 */
export function synthesize(plan: AccessPlan, options: SynthOptions): SynthResult {
  const tmp = `${options.outdir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    writeManifest(tmp, synthesizeWorkspaces(tmp, plan.workspaces, options.format ?? "json"));
    return commit(tmp, options);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** cdktf's manifest entries, by stack. */
type StackManifests = Record<string, unknown>;

/**
 * Synthesizes `workspaces` into `tmp/stacks/<name>/`, one cdktf app each, and returns their manifest
 * entries. One app per workspace, synthesized before the next is built: only one workspace's
 * constructs are alive at a time (all of a large organization's at once grew the heap past 500 MB and
 * the synth a second slower).
 */
function synthesizeWorkspaces(tmp: string, workspaces: readonly WorkspacePlan[], format: "json" | "hcl"): StackManifests {
  // cdktf captures a stack trace for every token it creates; formatting them (through source maps
  // under tsx) took a third of a large synth. Nothing reads them unless synthesis fails.
  // Capturing them at all (every Intrinsic and Lazy token asks for an unlimited stack) cost another
  // half second: during synthesis the capture is a no-op, so a token's creation stack is empty.
  const prepareStackTrace = Error.prepareStackTrace;
  const captureStackTrace = Error.captureStackTrace;
  Error.prepareStackTrace = () => "";
  Error.captureStackTrace = () => {};
  try {
    const manifests: StackManifests = {};
    for (const ws of workspaces) {
      // skipValidation: the input is validated by the compiler; cdktf's app validations would only
      // run `terraform version` in a child process (for the cloud backend) and check provider
      // presence, which EnvironmentStack guarantees.
      const app = new App({ outdir: tmp, stackTraces: false, hclOutput: false, skipValidation: true });
      const stack = new EnvironmentStack(app, ws.name, { plan: ws });
      const maps = new Map<string, (indent: string) => string>();
      for (const c of stack.node.findAll()) {
        const later = c instanceof AccountAssignments ? c.deferMaps(`keyless:map:${c.node.path}`) : c instanceof MovedBlocks ? c.defer(`keyless:moved:${c.node.path}`) : undefined;
        for (const [marker, render] of later ?? []) maps.set(JSON.stringify(marker), render);
      }
      const blocks = format === "hcl" ? collectBlockPaths(stack) : undefined;
      // cdktf's resolve only where a token is (modules/resolve-tokens.ts): the same document.
      withTokenOnlyResolve(() => app.synth());
      Object.assign(manifests, app.manifest.stacks);
      if (maps.size) spliceMaps(join(tmp, "stacks", ws.name, "cdk.tf.json"), maps);
      if (blocks) writeHclStack(join(tmp, "stacks", ws.name), blocks);
    }
    return manifests;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.captureStackTrace = captureStackTrace;
  }
}

/** manifest.json of all the stacks, as cdktf writes one (keys sorted, two-space indent). */
function writeManifest(tmp: string, stacks: StackManifests): void {
  // The last app's manifest, with every stack: the bytes cdktf writes for one app of all of them.
  const app = new App({ outdir: tmp, stackTraces: false, hclOutput: false, skipValidation: true });
  Object.assign(app.manifest.stacks, stacks);
  app.manifest.writeToFile();
}

/** Moves the synthesized files from `tmp` into `outdir`, keeping every file keyless does not own. */
function commit(tmp: string, options: SynthOptions): SynthResult {
  const { outdir } = options;
  const written = existsSync(join(tmp, "stacks")) ? readdirSync(join(tmp, "stacks")).sort() : [];
  const previous = existsSync(join(outdir, "stacks")) ? readdirSync(join(outdir, "stacks")).sort() : [];
  const kept: string[] = [];
  const orphanedStacks: string[] = [];
  for (const ws of previous) {
    if (written.includes(ws) || !isDirectory(join(outdir, "stacks", ws))) continue;
    if (options.partial) kept.push(ws);
    else if (readdirSync(join(outdir, "stacks", ws)).some((f) => !KEYLESS_STACK_FILES.has(f))) {
      kept.push(ws);
      orphanedStacks.push(ws);
    } else rmSync(join(outdir, "stacks", ws), { recursive: true, force: true });
  }
  for (const ws of written) {
    const from = join(tmp, "stacks", ws);
    const to = join(outdir, "stacks", ws);
    mkdirSync(to, { recursive: true });
    const files = readdirSync(from);
    for (const f of files) renameSync(join(from, f), join(to, f));
    // A file keyless wrote last time in another format: stale, so it goes.
    for (const f of readdirSync(to)) if (KEYLESS_STACK_FILES.has(f) && !files.includes(f)) rmSync(join(to, f), { force: true });
  }
  const manifest = join(tmp, "manifest.json");
  mkdirSync(outdir, { recursive: true });
  if (kept.length) writeFileSync(manifest, mergeManifests(join(outdir, "manifest.json"), manifest, kept));
  renameSync(manifest, join(outdir, "manifest.json"));
  return { orphanedStacks };
}

/** cdktf's manifest of the stacks just written, plus the entries of the stacks kept from the previous one. */
function mergeManifests(previousFile: string, currentFile: string, kept: readonly string[]): string {
  const current = JSON.parse(readFileSync(currentFile, "utf8"));
  let previous: { stacks?: Record<string, unknown> } = {};
  try {
    previous = JSON.parse(readFileSync(previousFile, "utf8"));
  } catch {
    // no previous manifest: the kept stacks are listed without one
  }
  const stacks: Record<string, unknown> = { ...current.stacks };
  for (const ws of kept) stacks[ws] = previous.stacks?.[ws] ?? { name: ws, synthesizedStackPath: `stacks/${ws}/cdk.tf.json`, workingDirectory: `stacks/${ws}` };
  const sorted: Record<string, unknown> = {};
  for (const ws of Object.keys(stacks).sort()) sorted[ws] = stacks[ws];
  return JSON.stringify({ ...current, stacks: sorted }, null, 2) + "\n";
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Puts each deferred map or list in place of its JSON-quoted marker, indented like the marker's line.
 * One pass: the markers are found in file order and the text is joined once (replacing them one by
 * one copied the whole file per marker, a second of a large synth).
 */
function spliceMaps(file: string, maps: ReadonlyMap<string, (indent: string) => string>): void {
  const text = readFileSync(file, "utf8");
  const found = [...maps.keys()].map((quoted) => {
    const at = text.indexOf(quoted);
    if (at < 0) throw new Error(`keyless: ${quoted} is missing from ${file}`);
    return { at, quoted };
  });
  found.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let from = 0;
  for (const { at, quoted } of found) {
    const lineStart = text.lastIndexOf("\n", at) + 1;
    parts.push(text.slice(from, at), maps.get(quoted)!(/^ */.exec(text.slice(lineStart, at))![0]));
    from = at + quoted.length;
  }
  parts.push(text.slice(from));
  writeFileSync(file, parts.join(""));
}
