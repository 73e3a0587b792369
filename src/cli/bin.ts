#!/usr/bin/env node
/** The `keyless` command (package.json "bin"). Run from source with `npx tsx src/cli/bin.ts`. */
import { processIo, runCli } from "./cli";

process.exitCode = runCli(process.argv.slice(2), processIo());
