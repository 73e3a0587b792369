/** The schema -> TypeScript generation, shared by `npm run gen:types` and the drift test. */
import { compileFromFile } from "json-schema-to-typescript";
import { join } from "node:path";

export const GENERATED_DIR = "modules/generated";

/** Top-level definition file kinds; each gets one generated file. */
export const GENERATED_SCHEMAS: Readonly<Record<string, string>> = {
  "workspace.ts": "workspace.schema.json",
  "organization.ts": "organization.schema.json",
};

const banner = (schema: string) =>
  [
    "/* eslint-disable */",
    "/**",
    ` * GENERATED from schemas/${schema} by \`npm run gen:types\` (json-schema-to-typescript).`,
    " * Do not edit: change the schema and regenerate. A test fails when this file drifts.",
    " */",
  ].join("\n");

/** Returns generated file name -> contents, without writing anything. */
export async function generateTypes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(GENERATED_SCHEMAS)) {
    out[file] = await compileFromFile(join(root, "schemas", schema), {
      cwd: join(root, "schemas"),
      bannerComment: banner(schema),
      additionalProperties: false,
      unreachableDefinitions: false,
      strictIndexSignatures: false,
      ignoreMinAndMaxItems: true,
      format: true,
      style: { singleQuote: false, printWidth: 110 },
    });
  }
  return out;
}
