/**
 * Regenerates the definitions reference in README.md (between the reference markers) from schemas/.
 *
 *   npm run gen:reference              rewrite README.md
 *   npm run gen:reference -- --check   exit 1 if README.md differs from what the schemas give
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateReference, withReference } from "./reference";

const root = join(__dirname, "..");
const path = join(root, "README.md");
const current = readFileSync(path, "utf8");
const next = withReference(current, generateReference(root));
if (current === next) console.log("README.md reference is up to date");
else if (process.argv.includes("--check")) {
  console.error("README.md reference is out of date: run npm run gen:reference");
  process.exitCode = 1;
} else {
  writeFileSync(path, next);
  console.log("wrote the reference in README.md");
}
