#!/usr/bin/env node
/** The `keyless` command (package.json "bin"). Run from source with `npx tsx src/cli/bin.ts`. */
import { processIo, runCliAsync } from "./cli";

void runCliAsync(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
