/**
 * Generates modules/generated/*.ts from schemas/*.schema.json with json-schema-to-typescript.
 *
 *   npm run gen:types          write the files
 *   npm run gen:types -- --check   exit 1 if a file differs from what the schemas give
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateTypes, GENERATED_DIR } from "./generated-types";

const check = process.argv.includes("--check");
const root = join(__dirname, "..");

generateTypes(root).then((files) => {
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, GENERATED_DIR, name);
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = "";
    }
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(`${GENERATED_DIR}/${name} is out of date: run npm run gen:types`);
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${GENERATED_DIR}/${name}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
});
