/**
 * Temporary folders for tests, and the guard that none is left behind.
 *
 * - `tempDir(label)` makes `keyless-<label>-XXXXXX` in the OS temp folder, removed after the test
 *   file (after its afterAll hooks too). Use it instead of `mkdtempSync(join(tmpdir(), ...))`.
 * - Every test file runs with its own temp folder (temp-environment.ts, the jest test environment),
 *   inside the run's folder (temp-global.ts, which gives subprocesses it as TMPDIR), so tests never see
 *   other processes' folders. After the file, a `keyless-*` folder not made by tempDir() is a leak:
 *   the file fails, naming it. Everything in the file's folder is removed either way.
 * - A cache the run's test files share (Terraform's plugin cache) is `runTempDir(name)`; one that must
 *   outlive the run goes under `sharedTempDir()`, the machine's real temp folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh `keyless-<label>-XXXXXX` folder in the OS temp folder, removed after this test file. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `keyless-${label}-`));
  ((globalThis as Record<string, unknown>).__keylessTempDirs as string[] | undefined)?.push(dir);
  return dir;
}

/** The machine's temp folder (not the test file's private one), for caches shared across runs. */
export function sharedTempDir(): string {
  return process.env.KEYLESS_SHARED_TMPDIR ?? tmpdir();
}

/**
 * A folder every test file of this jest run shares (a cache: Terraform's plugin cache), made on first
 * use and removed with the run's folder at its end. Outside jest: `keyless-<name>` in the temp folder, kept.
 */
export function runTempDir(name: string): string {
  const run = process.env.KEYLESS_TEST_TMPDIR;
  const dir = run ? join(run, `run-${name}`) : join(tmpdir(), `keyless-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** What a test file left in its temp folder that is a keyless leak. */
export function leaks(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith("keyless-"))
        .sort()
    : [];
}
