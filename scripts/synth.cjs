#!/usr/bin/env node
/**
 * `npm run synth` (and cdktf.json's app): `keyless synth` with main.ts's command line, on the fast path.
 *
 * `npm ci` builds the CLI into dist/ (the `prepare` script). When that build is newer than every
 * TypeScript source (main.ts, src/, modules/) and schema, this runs it with plain node: no TypeScript at run
 * time, about half the start-up. When a source is newer (you edited one, or pulled), it runs main.ts
 * through tsx instead, so the output always comes from the sources, and says how to get the fast path
 * back. Plain JavaScript on purpose: it decides before anything is compiled.
 */
"use strict";
const { existsSync, readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const stamp = join(root, "dist", ".built");

/** The newest modification time of a file ending in `ext` under `path` (or of `path` itself when it is a file). */
function newest(path, ext) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return path.endsWith(ext) ? stat.mtimeMs : 0;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry), ext));
  return max;
}

function builtIsFresh() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  // The schemas too: the build compiles them into dist/ (scripts/build-validators.cjs).
  return ["main.ts", "src", "modules"].every((p) => newest(join(root, p), ".ts") <= built) && newest(join(root, "schemas"), ".json") <= built;
}

const argv = process.argv.slice(2);
if (process.env.KEYLESS_SYNTH_TSX !== "1" && builtIsFresh()) {
  const { processIo, runCli } = require(join(root, "dist", "src", "cli", "cli.js"));
  process.exitCode = runCli(["synth", ...argv], processIo());
} else {
  if (process.env.KEYLESS_SYNTH_TSX !== "1")
    process.stderr.write(
      `keyless: ${existsSync(stamp) ? "a source file is newer than dist/" : "dist/ is not built"}; running the TypeScript sources through tsx (slower). npm run build restores the fast path.\n`,
    );
  require("tsx/cjs");
  require(join(root, "main.ts"));
}
