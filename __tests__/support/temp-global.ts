/**
 * jest globalSetup/globalTeardown: the run gets its own temp folder (`keyless-jest-XXXXXX` in the
 * machine's), given to the workers and every subprocess as TMPDIR; each test file's own folder goes
 * under it (see temp.ts). At the end it is removed, and what was left in it is reported loudly.
 * process.env set here is the real one, and reaches the workers.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** tsx keeps its transform cache in the temp folder: link the machine's, so CLI subprocesses start warm. */
const TSX_CACHE = `tsx-${process.getuid?.() ?? 0}`;

export async function setup(): Promise<void> {
  const shared = process.env.KEYLESS_SHARED_TMPDIR ?? tmpdir();
  const root = mkdtempSync(join(shared, "keyless-jest-"));
  try {
    mkdirSync(join(shared, TSX_CACHE), { recursive: true });
    symlinkSync(join(shared, TSX_CACHE), join(root, TSX_CACHE), "dir");
  } catch {
    // Without the link tsx only starts cold.
  }
  process.env.KEYLESS_SHARED_TMPDIR = shared;
  process.env.KEYLESS_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
}

export async function teardown(): Promise<void> {
  const root = process.env.KEYLESS_TEST_TMPDIR;
  if (!root) return;
  const left = readdirSync(root).filter((f) => f !== TSX_CACHE && !f.startsWith("run-"));
  rmSync(root, { recursive: true, force: true });
  if (left.length) {
    process.stderr.write(
      `\nkeyless: the tests left ${left.length} temporary folder(s) or file(s) behind (${left.slice(0, 10).join(", ")}${left.length > 10 ? ", …" : ""}), removed with ${root}; make them with tempDir() from __tests__/support/temp.ts\n`,
    );
  }
}

export default setup;
