/**
 * The layer rules of ARCHITECTURE.md, checked over the import graph of src/, modules/ and main.ts:
 * no runtime import cycle between files and no import cycle at all between areas, only type imports from src/ into modules/ (except
 * the one lazy engine entry), the CDKTF engine only inside modules/, and AWS-reading code (src/aws/)
 * only behind the CLI commands. A failure names the files and lines to change.
 */
import { join } from "node:path";
import { findCycles, groupEdges, ImportEdge, importGraph, importsOf, sourceFiles } from "./support/imports";

const ROOT = join(__dirname, "..");

/** The rule registry (every KL code, data only): a layer of its own, below src/diagnostics, though it lives in src/rules/. */
const REGISTRY = ["src/rules/rule-info.ts", "src/rules/catalog/"];

/**
 * The area a file belongs to: a folder directly under src/ or modules/ (`src/compile`,
 * `modules/identity-center`), a file directly in one of them (`src/plan.ts`), or the rule registry.
 */
export function areaOf(file: string): string {
  if (REGISTRY.some((p) => file === p || (p.endsWith("/") && file.startsWith(p)))) return "src/rules/catalog (registry)";
  const parts = file.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
}

/** The files of src/ that may load modules/ at run time: the emit entry points, each loading the engine lazily. */
const EMIT_ENTRIES: Readonly<Record<string, readonly string[]>> = {
  "src/cli/commands/synth.ts": ["modules/synth.ts"],
};

const ENGINE = /^(cdktf|@cdktf\/[^/]+|constructs)(\/|$)/;
const AWS_SDK = /^@aws-sdk\//;
const isOwn = (to: string) => to === "main.ts" || to.startsWith("src/") || to.startsWith("modules/");
const at = (e: ImportEdge) => `${e.from}:${e.line} imports ${e.specifier}`;

describe("layers", () => {
  const files = sourceFiles(ROOT, ["src", "modules", "main.ts"]);
  const edges = importGraph(ROOT, files);
  const own = edges.filter((e) => isOwn(e.to));

  it("reads the whole tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toEqual(expect.arrayContaining(["main.ts", "src/compile/compile.ts", "modules/index.ts"]));
    expect(own.length).toBeGreaterThan(300);
  });

  it("every relative import names a file that exists", () => {
    expect(edges.filter((e) => e.to.startsWith("unresolved:")).map(at)).toEqual([]);
  });

  it("has no runtime import cycle between files", () => {
    // Between files, a cycle matters at run time (a module sees another half-initialized); types
    // referring to each other inside one area are harmless. Between areas, type imports count too.
    const cycles = findCycles(
      groupEdges(
        own.filter((e) => !e.typeOnly),
        (f) => f,
        true,
      ),
    );
    expect(cycles.map((c) => c.join(" -> "))).toEqual([]);
  });

  it("has no import cycle between areas (type-only imports count)", () => {
    const byArea = groupEdges(own, areaOf);
    const cycles = findCycles(byArea).map((cycle) => {
      // Name the imports behind each step, so the message says what to change.
      const steps = cycle.slice(1).map((to, i) => {
        const witness = own.filter((e) => areaOf(e.from) === cycle[i] && areaOf(e.to) === to).map(at);
        return `${cycle[i]} -> ${to} (${witness.slice(0, 3).join("; ")}${witness.length > 3 ? `; +${witness.length - 3}` : ""})`;
      });
      return steps.join("\n  ");
    });
    expect(cycles).toEqual([]);
  });

  it("src/ imports only types from modules/, except the emit entry points", () => {
    const bad = own.filter((e) => e.from.startsWith("src/") && e.to.startsWith("modules/") && !e.typeOnly && !EMIT_ENTRIES[e.from]?.includes(e.to));
    expect(bad.map(at)).toEqual([]);
  });

  it("the emit entry points load modules/ lazily (require inside a function), so importing them loads no engine", () => {
    for (const [file, targets] of Object.entries(EMIT_ENTRIES)) {
      const runtime = own.filter((e) => e.from === file && targets.includes(e.to) && !e.typeOnly);
      expect([file, runtime.length, runtime.filter((e) => !e.lazy).map(at)]).toEqual([file, targets.length, []]);
    }
  });

  it("only modules/ imports the CDKTF engine (cdktf, @cdktf/*, constructs)", () => {
    const bad = edges.filter((e) => ENGINE.test(e.to) && !e.from.startsWith("modules/"));
    expect(bad.map(at)).toEqual([]);
  });

  it("AWS-reading code (src/aws/) is imported only by the CLI, and only it imports the AWS SDK", () => {
    const intoAws = own.filter((e) => e.to.startsWith("src/aws/") && !e.from.startsWith("src/aws/") && !e.from.startsWith("src/cli/"));
    const sdk = edges.filter((e) => AWS_SDK.test(e.to) && !e.from.startsWith("src/aws/"));
    expect([...intoAws, ...sdk].map(at)).toEqual([]);
  });
});

describe("the import graph reader", () => {
  it("tells type-only imports from runtime ones, and sees require and import()", () => {
    const text = [
      `import type { A } from "./a";`,
      `import { type B, type C } from "./b";`,
      `import { D, type E } from "./d";`,
      `export type { F } from "./f";`,
      `export { G } from "./g";`,
      `const h = require("./h");`,
      `type I = typeof import("./i");`,
      `void import("cdktf");`,
      `function load() { return require("../modules/synth"); }`,
    ].join("\n");
    expect(importsOf(ROOT, "src/x.ts", text).map((e) => [e.specifier, e.to, e.typeOnly, e.lazy, e.line])).toEqual([
      ["./a", "unresolved:src/a", true, false, 1],
      ["./b", "unresolved:src/b", true, false, 2],
      ["./d", "unresolved:src/d", false, false, 3],
      ["./f", "unresolved:src/f", true, false, 4],
      ["./g", "unresolved:src/g", false, false, 5],
      ["./h", "unresolved:src/h", false, false, 6],
      ["./i", "unresolved:src/i", true, false, 7],
      ["cdktf", "cdktf", false, false, 8],
      ["../modules/synth", "modules/synth.ts", false, true, 9],
    ]);
  });

  it("finds a cycle and names it from its first node", () => {
    const g = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a", "d"])],
      ["d", new Set<string>()],
    ]);
    expect(findCycles(g)).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(new Map([["a", new Set(["b"])]]))).toEqual([]);
  });

  it("puts the rule registry in an area of its own", () => {
    expect(areaOf("src/rules/catalog/guardrails.ts")).toBe("src/rules/catalog (registry)");
    expect(areaOf("src/rules/catalog/index.ts")).toBe("src/rules/catalog (registry)");
    expect(areaOf("src/rules/runner.ts")).toBe("src/rules");
    expect(areaOf("src/plan.ts")).toBe("src/plan.ts");
    expect(areaOf("modules/identity-center/permission-set.ts")).toBe("modules/identity-center");
  });
});
