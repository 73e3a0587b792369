/**
 * Temporary folders for tests, and the guard that none is left behind.
 *
 * - `tempDir(label)` makes `keyless-<label>-XXXXXX` in the OS temp folder and removes it after the
 *   test file's last test. Use it instead of `mkdtempSync(join(tmpdir(), ...))`.
 * - This file is a jest `setupFilesAfterEnv`: every test file runs with its own temp folder (inside
 *   the run's folder, which temp-global.ts makes and gives subprocesses as TMPDIR), so tests never
 *   see other processes' folders. After the file's tests, a `keyless-*` folder still there is a
 *   leak: the file fails, naming the folders (they are removed anyway). Anything else there (cdktf's
 *   `Testing.app()` folders) is removed silently.
 * - A cache the run's test files share (Terraform's plugin cache) is `runTempDir(name)`; one that must
 *   outlive the run goes under `sharedTempDir()`, the machine's real temp folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** A fresh `keyless-<label>-XXXXXX` folder in the OS temp folder, removed after this test file. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `keyless-${label}-`));
  made.push(dir);
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
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith("keyless-")).sort() : [];
}

if (typeof afterAll === "function" && process.env.KEYLESS_TEST_TMPDIR) {
  // The test file's own temp folder. `os.tmpdir()` is patched rather than TMPDIR set, because jest
  // gives each test file a copy of process.env that node's os module does not read; core modules are
  // shared, so the patch reaches cdktf's Testing.app() too. Subprocesses use the run's folder.
  const os = require("node:os") as typeof import("node:os");
  const original = os.tmpdir;
  const own = mkdtempSync(join(process.env.KEYLESS_TEST_TMPDIR, "file-"));
  os.tmpdir = () => own;
  afterAll(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
    const left = leaks(own);
    os.tmpdir = original;
    rmSync(own, { recursive: true, force: true });
    if (left.length) {
      throw new Error(`this test file left ${left.length} temporary folder(s) behind: ${left.join(", ")}; make them with tempDir() from __tests__/support/temp.ts, which removes them`);
    }
  });
}
