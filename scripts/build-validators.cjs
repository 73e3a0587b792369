#!/usr/bin/env node
/**
 * Part of `npm run build`, after tsc: writes dist/src/validate/validators.generated.js, the schemas'
 * validators as ajv standalone code, so the compiled CLI does not compile the schemas on every run.
 * `node scripts/build-validators.cjs <file>` writes them to <file> instead (the tests compare both).
 */
"use strict";
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const standaloneCode = require("ajv/dist/standalone").default;

const dist = join(__dirname, "..", "dist", "src", "validate");
const { schemaAjv, SCHEMA_IDS, STANDALONE_VALIDATORS } = require(join(dist, "validate.js"));
const out = process.argv[2] ?? join(dist, STANDALONE_VALIDATORS);
writeFileSync(out, standaloneCode(schemaAjv({ source: true }), { ...SCHEMA_IDS }));
