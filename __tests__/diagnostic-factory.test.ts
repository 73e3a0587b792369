/**
 * The one diagnostic factory (`diagnostic()` in src/diagnostics/diagnostic.ts): severity from the
 * registry, position from the source, keys in one order. And every `reporter.error(...)` /
 * `reporter.warn(...)` in src/ names a code of that severity, so the method name never lies.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diagnostic, type Locator } from "../src/diagnostics/diagnostic";
import { isRuleId, RULES } from "../src/rules/catalog";
import { sourceFiles } from "./support/imports";

const ROOT = join(__dirname, "..");
const source: Locator = { file: "environments/prod.yaml", locate: (path) => (path.length ? { line: 10 + path.length, column: 3 } : { line: 1, column: 1 }) };

describe("diagnostic()", () => {
  it("takes the severity from the registry", () => {
    expect(diagnostic({ code: "KL201", source, path: ["a"], message: "m" }).severity).toBe("error");
    expect(diagnostic({ code: "KL604", source, path: ["a"], message: "m" }).severity).toBe("warning");
  });

  it("locates the path in the source, unless a position is given", () => {
    expect(diagnostic({ code: "KL201", source, path: ["a", 0], message: "m" })).toMatchObject({ file: "environments/prod.yaml", line: 12, column: 3 });
    expect(diagnostic({ code: "KL002", file: "x.yaml", line: 4, column: 7, message: "m" })).toMatchObject({ file: "x.yaml", path: [], line: 4, column: 7 });
    expect(diagnostic({ code: "KL201", source, file: "other.yaml", message: "m" })).toMatchObject({ file: "other.yaml", line: 1 });
  });

  it("puts keys in one order and leaves out the undefined ones", () => {
    expect(JSON.stringify(diagnostic({ code: "KL604", subject: "group:G", fix: "f", message: "m", path: ["p"], source }))).toBe(
      '{"code":"KL604","severity":"warning","file":"environments/prod.yaml","path":["p"],"line":11,"column":3,"message":"m","fix":"f","subject":"group:G"}',
    );
    expect(Object.keys(diagnostic({ code: "KL003", file: "defs", message: "m" }))).toEqual(["code", "severity", "file", "path", "message"]);
  });
});

describe("reporter calls", () => {
  const calls = sourceFiles(ROOT, ["src"]).flatMap((f) =>
    [...readFileSync(join(ROOT, f), "utf8").matchAll(/\.(error|warn)\(\s*"(KL\d{3})"/g)].map((m) => ({
      at: `${f}: ${m[1]}("${m[2]}")`,
      expected: m[1] === "warn" ? "warning" : "error",
      code: m[2],
    })),
  );

  it("are found", () => {
    expect(calls.length).toBeGreaterThan(30);
  });

  it("name a registered code of the severity the method says", () => {
    expect(calls.filter((c) => !isRuleId(c.code) || RULES[c.code].severity !== c.expected).map((c) => c.at)).toEqual([]);
  });
});

describe("the registry's catalog files", () => {
  it("never declare one code twice (a second entry would silently replace the first in RULES)", () => {
    const catalog = sourceFiles(ROOT, ["src/rules/catalog"]);
    const seen = new Map<string, string[]>();
    for (const f of catalog) for (const m of readFileSync(join(ROOT, f), "utf8").matchAll(/^\s*(KL\d{3}):/gm)) seen.set(m[1], [...(seen.get(m[1]) ?? []), f]);
    expect(catalog.length).toBeGreaterThan(5);
    expect([...seen].filter(([, files]) => files.length > 1).map(([code, files]) => `${code}: ${files.join(", ")}`)).toEqual([]);
    expect(seen.size).toBe(Object.keys(RULES).length);
  });

  it("write entries by name (KLnnn: maker({ severity, summary, ... })), never as positional calls", () => {
    const positional = sourceFiles(ROOT, ["src/rules/catalog"]).flatMap((f) =>
      [...readFileSync(join(ROOT, f), "utf8").matchAll(/^\s*(KL\d{3}):\s*(?:\.\.\.)?\w+\(\s*(?!\{)/gm)].map((m) => `${f}: ${m[1]} (use ruleMaker from src/rules/rule-info.ts)`),
    );
    expect(positional).toEqual([]);
  });
});
