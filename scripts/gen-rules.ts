/**
 * Writes RULES.md from the rule registry (src/rules/catalog/index.ts).
 *
 *   npm run gen:rules              write RULES.md
 *   npm run gen:rules -- --check   exit 1 if RULES.md differs from what the registry gives
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rulesMarkdown } from "../src/rules/rules-markdown";

const path = join(__dirname, "..", "RULES.md");
const text = rulesMarkdown();
let current = "";
try {
  current = readFileSync(path, "utf8");
} catch {
  current = "";
}
if (process.argv.includes("--check")) {
  if (current !== text) console.error("RULES.md is out of date: run npm run gen:rules");
  process.exitCode = current === text ? 0 : 1;
} else if (current !== text) {
  writeFileSync(path, text);
  console.log("wrote RULES.md");
}
