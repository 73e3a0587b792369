import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

describe("generated types", () => {
  // json-schema-to-typescript formats with prettier 3, which needs real ESM: run it in its own process.
  it("match the schemas exactly (run npm run gen:types after changing a schema)", () => {
    const run = () => execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/gen-types.ts", "--check"], { cwd: ROOT, stdio: "pipe" }).toString();
    let failure = "";
    try {
      run();
    } catch (e: any) {
      failure = `${e.stderr}`;
    }
    expect(failure).toBe("");
  }, 30_000);

  it("are marked as generated", () => {
    const text = readFileSync(join(ROOT, "modules/generated/workspace.ts"), "utf8");
    expect(text).toContain("GENERATED from schemas/workspace.schema.json by `npm run gen:types`");
  });
});
