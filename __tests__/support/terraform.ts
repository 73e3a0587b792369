/**
 * The Terraform harness: the real `terraform` binary and the real hashicorp/aws provider (from a local
 * filesystem mirror, no registry) run against the AWS API emulator.
 *
 *   const emulator = await startEmulator({ seed });
 *   await prepareStack(dir, emulator);   // override.tf.json: endpoints, dummy keys, local backend, mirror's version
 *   await init(dir); await apply(dir); expect(await plan(dir)).toMatchObject({ add: 0, change: 0, destroy: 0 });
 *
 * What the harness changes, only in the folder it is given (run it on a copy: `copyStack`):
 * - `override.tf.json` (Terraform's override mechanism; cdk.tf.json is never edited) sets, for every
 *   `aws` provider configuration and alias: the emulator's endpoints, dummy keys,
 *   `skip_metadata_api_check` and `skip_region_validation`. Credentials are still validated and the
 *   account id requested, by the emulator's STS, so `allowed_account_ids` and `assume_role` are checked.
 * - the aws provider's version constraint becomes the mirror's version (5.100.0 here; keyless pins the
 *   bindings' 6.x), so the harness plans with the provider that exists offline.
 * - the backend becomes a local backend with its state in the folder (`terraform.tfstate`): S3 and
 *   HCP Terraform (cloud) cannot be reached, and a declared local path is relative to the project
 *   (`../../../terraform.tfstate.d/...`), which from a copy would leave the test's temporary folder.
 *   `prepareStack(dir, emulator, { backend: "as-declared" })` keeps a local backend as the stack
 *   declares it (for tests about where state lives: run them in a temporary project folder).
 * - `data "terraform_remote_state" "<ws>"` (a workspace reading another's outputs) reads the local
 *   state of the stack folder named `<ws>` copied or prepared in this process (apply it first), or of
 *   the folder given in `remoteStates`; one with no known owner is left as declared.
 *
 * `terraform` missing or no mirror: `describeTerraform` skips loudly (`describe.skip`, reason in the
 * name, one console warning); with CI=true it fails instead.
 *
 * Terraform runs as child processes (never spawnSync: the emulator lives in the test process).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { Emulator } from "./emulator";

export interface PlanResult {
  add: number;
  change: number;
  destroy: number;
  import: number;
  /** `terraform show -json` of the saved plan. */
  json: any;
  cpuSeconds: number;
}

export interface TfResult {
  code: number;
  stdout: string;
  stderr: string;
  /** User + system CPU of terraform and the provider processes it ran and waited for. */
  cpuSeconds: number;
  /** Largest resident set of one process in the tree, in KiB (`/usr/bin/time`), or 0 if unknown. */
  maxRssKb: number;
  /** Stopped after `timeoutSeconds` (code 124; cpuSeconds then 0: unknown). */
  timedOut?: boolean;
}

const PROVIDER = "registry.terraform.io/hashicorp/aws";

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const p = join(dir, name);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

function mirrorVersions(root: string): string[] {
  const dir = join(root, PROVIDER);
  try {
    const entries = readdirSync(dir);
    const unpacked = entries.filter((v) => /^\d+\.\d+\.\d+$/.test(v) && readdirSync(join(dir, v)).length > 0);
    const packed = entries.map((f) => /^terraform-provider-aws_(\d+\.\d+\.\d+)_.*\.zip$/.exec(f)?.[1]).filter((v): v is string => !!v);
    return [...new Set([...unpacked, ...packed])];
  } catch {
    return [];
  }
}

/** The folder holding `registry.terraform.io/`: $KEYLESS_TF_MIRROR, /opt/tf-plugins, else a bounded search. */
function findMirror(): string | undefined {
  const candidates = [
    process.env.KEYLESS_TF_MIRROR,
    "/opt/tf-plugins",
    join(process.env.HOME ?? "/root", ".terraform.d/plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ];
  for (const c of candidates) if (c && mirrorVersions(c).length) return c;
  // As `find / -maxdepth 6 -type d -path '*registry.terraform.io/hashicorp/aws'`, skipping virtual and package folders.
  const skip = new Set(["proc", "sys", "dev", "run", "node_modules", ".git", "tmp"]);
  let level = ["/"];
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: import("node:fs").Dirent[] = [];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (!e.isDirectory() || skip.has(e.name)) continue;
        const p = join(dir, e.name);
        if (e.name === "registry.terraform.io") {
          if (mirrorVersions(dir).length) return dir;
        } else next.push(p);
      }
    }
    level = next;
  }
  return undefined;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function detect(): { available: boolean; why?: string; binary?: string; mirror?: string; providerVersion?: string } {
  const binary = process.env.KEYLESS_TERRAFORM ?? findOnPath("terraform");
  if (!binary) return { available: false, why: "terraform is not on PATH (set KEYLESS_TERRAFORM to its path)" };
  const mirror = findMirror();
  if (!mirror) return { available: false, why: `no filesystem mirror of ${PROVIDER} found (set KEYLESS_TF_MIRROR to the folder holding registry.terraform.io/)`, binary };
  const providerVersion = mirrorVersions(mirror).sort(compareVersions).pop()!;
  return { available: true, binary, mirror, providerVersion };
}

const detected = detect();

/** Whether the Terraform tests can run here, and why not. */
export const terraform: { available: boolean; why?: string; binary?: string; mirror?: string; providerVersion?: string } = detected;

let warned = false;
/** `describe` when terraform and the mirror are here; else a loud skip, or with CI=true a failure. */
export function describeTerraform(name: string, fn: () => void): void {
  if (terraform.available) return describe(name, fn);
  if (process.env.CI === "true") {
    return describe(name, () => {
      it("has terraform and the hashicorp/aws mirror (CI=true: they are required)", () => {
        throw new Error(`Terraform tests cannot run: ${terraform.why}`);
      });
    });
  }
  if (!warned) {
    warned = true;
    console.warn(`\n*** Terraform tests SKIPPED: ${terraform.why}. They run when terraform and a hashicorp/aws mirror are installed. ***\n`);
  }
  describe.skip(`${name} [SKIPPED: ${terraform.why}]`, fn);
}

/** Shared across runs, outside the per-test-file temp folders (stable names that do not start with `keyless-`). */
const sharedDir = () => process.env.KEYLESS_SHARED_TMPDIR ?? tmpdir();
const pluginCache = () => join(sharedDir(), "terraform-plugin-cache-for-keyless");

/**
 * A packed mirror (zip archives) is unpacked into the shared plugin cache once; an unpacked mirror needs
 * no cache: init links `.terraform/providers/...` to the mirror itself (~0.5 CPU-s). Terraform's cache
 * is not safe for concurrent installs ("mkdir ...: file exists"), so it is used only when it saves work.
 */
function mirrorIsPacked(): boolean {
  const dir = join(terraform.mirror!, PROVIDER);
  return readdirSync(dir).some((f) => f.endsWith(".zip"));
}

/** The CLI config (filesystem mirror only; plugin cache for packed mirrors): one file per mirror, written atomically. */
function cliConfigFile(): string {
  if (!terraform.available) throw new Error(`terraform is not available: ${terraform.why}`);
  const cache = pluginCache();
  mkdirSync(cache, { recursive: true });
  const text = [
    ...(mirrorIsPacked() ? [`plugin_cache_dir = ${JSON.stringify(cache)}`] : []),
    "disable_checkpoint = true",
    "provider_installation {",
    `  filesystem_mirror {`,
    `    path    = ${JSON.stringify(terraform.mirror)}`,
    `    include = ["registry.terraform.io/*/*"]`,
    "  }",
    "}",
    "",
  ].join("\n");
  const file = join(cache, `cli-${createHash("sha256").update(text).digest("hex").slice(0, 12)}.tfrc`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  return file;
}

const endpoints = new Map<string, string>();
/** The harness's default GOGC for terraform and its providers (see childEnv). */
export const HARNESS_GOGC = "400";

function childEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(AWS_|TF_)/.test(k)) env[k] = v;
  const endpoint = endpoints.get(dir);
  return {
    ...env,
    TF_CLI_CONFIG_FILE: cliConfigFile(),
    ...(mirrorIsPacked() ? { TF_PLUGIN_CACHE_DIR: pluginCache() } : {}),
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    // Each provider process spends ~2.5 CPU-s starting, much of it in Go's GC while it builds ~500 MB of
    // schemas; a lazier GC cuts that (measured on a plan of the example org stack: GOGC=400 -27% CPU, +27% peak RSS per process). Set GOGC to override.
    GOGC: process.env.GOGC ?? HARNESS_GOGC,
    ...(process.env.KEYLESS_TF_LOG ? { TF_LOG: process.env.KEYLESS_TF_LOG, TF_LOG_PATH: join(dir, "terraform.log") } : {}),
    // Belt and braces: the override sets every endpoint; anything it missed still stays on 127.0.0.1.
    ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : { AWS_ENDPOINT_URL: "http://127.0.0.1:9" }),
    AWS_ACCESS_KEY_ID: "AKIAKEYLESSHARNESS00",
    AWS_SECRET_ACCESS_KEY: "keyless-harness-dummy-secret",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_REGION: "eu-west-1",
  };
}

let timings = 0;
/** Terraform processes still running: stopped if this process exits first (a test that timed out). */
const running = new Set<import("node:child_process").ChildProcess>();
process.once("exit", () => {
  for (const c of running) c.kill("SIGTERM");
});

/** Runs terraform in `dir` (a child process); measures its CPU, with its provider processes. */
/** Runs terraform in `dir`; with `timeoutSeconds`, its whole process group is killed when that has passed. */
export async function tf(dir: string, args: string[], opts: { timeoutSeconds?: number } = {}): Promise<TfResult> {
  const timing = join(sharedDir(), `terraform-time-for-keyless-${process.pid}-${++timings}`);
  // A run that may be killed gets a temporary folder of its own: the sockets terraform and its
  // providers keep there (plugin*) outlive a SIGKILL, and go with the folder.
  const scratch = opts.timeoutSeconds === undefined ? undefined : mkdtempSync(join(sharedDir(), "terraform-tmp-for-keyless-"));
  const useTime = existsSync("/usr/bin/time");
  const [cmd, argv] = useTime ? ["/usr/bin/time", ["-o", timing, "-f", "%U %S %M", terraform.binary!, ...args]] : [terraform.binary!, args];
  try {
    return await new Promise<TfResult>((resolve, reject) => {
      const env = scratch ? { ...childEnv(dir), TMPDIR: scratch } : childEnv(dir);
      const child = spawn(cmd, argv, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: opts.timeoutSeconds !== undefined });
      running.add(child);
      let timedOut = false;
      const timer =
        opts.timeoutSeconds === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              try {
                process.kill(-child.pid!, "SIGKILL");
              } catch {
                /* exited meanwhile */
              }
            }, opts.timeoutSeconds * 1000);
      child.on("exit", () => {
        running.delete(child);
        clearTimeout(timer);
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => err.push(b));
      child.on("error", reject);
      child.on("close", (code) => {
        let cpuSeconds = 0;
        let maxRssKb = 0;
        let stderr = Buffer.concat(err).toString("utf8");
        if (useTime && existsSync(timing)) {
          const line = readFileSync(timing, "utf8").trim().split("\n").pop() ?? "";
          const [u, s, m] = line.split(" ").map(Number);
          if (Number.isFinite(u) && Number.isFinite(s)) cpuSeconds = u + s;
          if (Number.isFinite(m)) maxRssKb = m;
          stderr = stderr.replace(/^Command exited with non-zero status \d+\n/m, "");
        }
        if (timedOut) resolve({ code: 124, stdout: Buffer.concat(out).toString("utf8"), stderr, cpuSeconds: 0, maxRssKb: 0, timedOut });
        else resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr, cpuSeconds, maxRssKb });
      });
    });
  } finally {
    rmSync(timing, { force: true });
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function check(what: string, dir: string, r: TfResult): TfResult {
  if (r.code !== 0) {
    const out = r.stdout.trim().split("\n").slice(-15).join("\n");
    const err = r.stderr.trim().split("\n").slice(0, 80).join("\n");
    throw new Error(`terraform ${what} failed in ${dir} (exit ${r.code}):\n${err}\n--- end of stdout:\n${out}`);
  }
  return r;
}

/** Resource-level parallelism: the provider's waiters sleep (assignments 10 s), they do not compute. */
export const PARALLELISM = Number(process.env.KEYLESS_TF_PARALLELISM ?? 64);

/**
 * `terraform init` from the mirror. With a packed mirror the first init unpacks into the shared plugin
 * cache alone, under a lock folder, and marks the cache ready for the others.
 */
export async function init(dir: string): Promise<TfResult> {
  const run = async () => check("init", dir, await tf(dir, ["init", "-input=false", "-no-color", "-lock=false"]));
  const ready = join(pluginCache(), `.keyless-ready-aws-${terraform.providerVersion}`);
  if (!mirrorIsPacked() || existsSync(ready)) return run();
  const lock = join(pluginCache(), ".keyless-lock");
  mkdirSync(pluginCache(), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(ready)) return run();
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    const r = await run();
    writeFileSync(ready, "");
    return r;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function validate(dir: string): Promise<TfResult> {
  return check("validate", dir, await tf(dir, ["validate", "-no-color"]));
}

/**
 * Plans to a saved plan file (`tfplan`); counts come from the plan's summary line, and `json` from
 * `show -json` of the saved plan unless `{ json: false }` (show starts a provider process: ~2 CPU-s).
 */
export async function plan(dir: string, opts: { json?: boolean; args?: string[] } = {}): Promise<PlanResult> {
  const r = check("plan", dir, await tf(dir, ["plan", "-input=false", "-no-color", "-lock=false", `-parallelism=${PARALLELISM}`, "-out=tfplan", ...(opts.args ?? [])]));
  const counts = summary(r.stdout);
  if (opts.json === false) return { ...counts, json: undefined, cpuSeconds: r.cpuSeconds };
  const shown = check("show", dir, await tf(dir, ["show", "-json", "-no-color", "tfplan"]));
  return { ...counts, json: JSON.parse(shown.stdout), cpuSeconds: r.cpuSeconds + shown.cpuSeconds };
}

/** "Plan: 1 to import, 2 to add, 0 to change, 1 to destroy." / "No changes." -> counts. */
function summary(stdout: string): { add: number; change: number; destroy: number; import: number } {
  const counts = { add: 0, change: 0, destroy: 0, import: 0 };
  const line = /^Plan: (.*)\.$/m.exec(stdout)?.[1];
  if (!line) {
    if (!/No changes\./.test(stdout)) throw new Error(`terraform plan printed neither a plan summary nor "No changes.":\n${stdout.slice(-2000)}`);
    return counts;
  }
  for (const m of line.matchAll(/(\d+) to (import|add|change|destroy)/g)) counts[m[2] as keyof typeof counts] = Number(m[1]);
  return counts;
}

export async function apply(dir: string, extra: string[] = []): Promise<TfResult> {
  return check("apply", dir, await tf(dir, ["apply", "-input=false", "-no-color", "-lock=false", "-auto-approve", `-parallelism=${PARALLELISM}`, ...extra]));
}

export async function destroy(dir: string): Promise<TfResult> {
  return check("destroy", dir, await tf(dir, ["destroy", "-input=false", "-no-color", "-lock=false", "-auto-approve", `-parallelism=${PARALLELISM}`]));
}

/** The resources a plan would change, as "address: actions" lines (for readable failures). */
export function planChanges(p: PlanResult): string[] {
  return (p.json?.resource_changes ?? [])
    .filter((rc: any) => rc.mode === "managed" && !(rc.change.actions.length === 1 && rc.change.actions[0] === "no-op"))
    .map((rc: any) => `${rc.address}: ${rc.change.actions.join(",")}`);
}

/** The managed resource instances in the state of a stack prepared with the default in-folder backend. */
export function stateResources(dir: string): { type: string; name: string; key?: string | number; address: string }[] {
  const file = join(dir, "terraform.tfstate");
  if (!existsSync(file)) return [];
  const state = JSON.parse(readFileSync(file, "utf8"));
  return (state.resources ?? [])
    .filter((r: any) => r.mode === "managed")
    .flatMap((r: any) =>
      (r.instances ?? []).map((i: any) => ({
        type: r.type,
        name: r.name,
        key: i.index_key,
        address: `${r.module ? `${r.module}.` : ""}${r.type}.${r.name}${i.index_key === undefined ? "" : `[${JSON.stringify(i.index_key)}]`}`,
      })),
    );
}

/** A copy of a synthesized stack folder in a fresh temporary folder (the caller removes it, e.g. `removeTemp`). */
export function copyStack(stackDir: string, into = mkdtempSync(join(tmpdir(), "keyless-tf-"))): string {
  const dest = join(into, stackName(stackDir));
  cpSync(stackDir, dest, { recursive: true });
  knownStacks.set(stackName(dest), dest);
  return dest;
}

interface ProviderBlock {
  alias?: string;
  [k: string]: unknown;
}

function providerBlocks(config: any): ProviderBlock[] {
  const aws = config.provider?.aws;
  if (!aws) return [{}];
  const list: ProviderBlock[] = Array.isArray(aws) ? aws : [aws];
  return list.some((p) => !p.alias) ? list : [{}, ...list];
}

/**
 * Points the stack in `stackDir` at the emulator: writes `override.tf.json` (see the header) and
 * remembers the endpoint for `tf` in that folder. Reads the stack's `cdk.tf.json`.
 */
export interface PrepareOptions {
  /** "in-folder": local state in the stack folder (default); "as-declared": keep a declared local backend. */
  readonly backend?: "in-folder" | "as-declared";
  /**
   * The provider's `max_retries` (its default is 25). The provider retries some AWS errors, for
   * example SSO Admin's ConflictException, with backoff for minutes: a test that expects one sets 1.
   * @default the provider's default
   */
  readonly maxRetries?: number;
  /** `terraform_remote_state` data source name -> the prepared stack folder whose state it reads. @default the copied/prepared folder of that name */
  readonly remoteStates?: Readonly<Record<string, string>>;
}

/** Stack folders copied or prepared in this process, by folder name: where terraform_remote_state finds them. */
const knownStacks = new Map<string, string>();
const stackName = (dir: string) => dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;

function remoteStateOverrides(config: any, opts: PrepareOptions): Record<string, unknown> | undefined {
  const remote = config.data?.terraform_remote_state;
  if (!remote) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(remote)) {
    const owner = opts.remoteStates?.[name] ?? knownStacks.get(name);
    // Unknown owner: left as declared (an S3/cloud remote state then fails at plan, naming it), or
    // pointed elsewhere by the caller (opts.remoteStates).
    if (owner) out[name] = { backend: "local", config: { path: join(owner, "terraform.tfstate") } };
  }
  return Object.keys(out).length ? out : undefined;
}

export async function prepareStack(stackDir: string, emulator: Emulator, opts: PrepareOptions = {}): Promise<void> {
  if (!terraform.available) throw new Error(`terraform is not available: ${terraform.why}`);
  const config = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
  const e = emulator.endpoint;
  const provider = providerBlocks(config).map((p) => ({
    ...(p.alias ? { alias: p.alias } : {}),
    access_key: "AKIAKEYLESSHARNESS00",
    secret_key: "keyless-harness-dummy-secret",
    skip_metadata_api_check: true,
    skip_region_validation: true,
    ...(opts.maxRetries === undefined ? {} : { max_retries: opts.maxRetries }),
    endpoints: [{ ssoadmin: e, identitystore: e, organizations: e, iam: e, sts: e }],
  }));
  const backend = config.terraform?.backend ?? {};
  const keepBackend = opts.backend === "as-declared" && Object.keys(backend).length === 1 && backend.local && !config.terraform?.cloud;
  const override: any = {
    "//": "Written by the keyless Terraform harness (__tests__/support/terraform.ts) for tests against the AWS API emulator; not for real use.",
    terraform: {
      required_providers: { aws: { source: "hashicorp/aws", version: terraform.providerVersion } },
      ...(keepBackend ? {} : { backend: { local: { path: "terraform.tfstate" } } }),
    },
    provider: { aws: provider },
  };
  const remote = remoteStateOverrides(config, opts);
  if (remote) override.data = { terraform_remote_state: remote };
  writeFileSync(join(stackDir, "override.tf.json"), JSON.stringify(override, null, 2) + "\n");
  endpoints.set(stackDir, e);
  knownStacks.set(stackName(stackDir), stackDir);
}

/** Removes a temporary folder the tests made. */
export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
