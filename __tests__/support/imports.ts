/**
 * The import graph of keyless's own code, for the layer test (__tests__/architecture.test.ts).
 * Parsed with TypeScript's own parser (no type checking): `import`/`export … from`, `import x =
 * require()`, `require("…")`, `import("…")` and `typeof import("…")` types. An import is type-only
 * when it says so (`import type`, `export type`, or every named binding `type`); an import TypeScript
 * would elide because its names are only used as types still counts as a runtime import here, so
 * write `import type` where a layer rule depends on it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import * as ts from "typescript";

export interface ImportEdge {
  /** Importing file, relative to the root, forward slashes. */
  readonly from: string;
  /** Imported file relative to the root (`src/plan.ts`), or the package name (`cdktf`, `node:fs`). */
  readonly to: string;
  /** The specifier as written. */
  readonly specifier: string;
  readonly typeOnly: boolean;
  /** `require("…")` or `import("…")` inside a function body: loaded on first call, not when the file is. */
  readonly lazy: boolean;
  /** 1-based line of the import. */
  readonly line: number;
}

/** Every `.ts` file (not `.d.ts`) under `dirs` (and the single files named), relative to `root`. */
export function sourceFiles(root: string, entries: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = join(root, rel);
    if (statSync(abs).isDirectory()) for (const e of readdirSync(abs).sort()) walk(`${rel}/${e}`);
    else if (rel.endsWith(".ts") && !rel.endsWith(".d.ts")) out.push(rel);
  };
  for (const e of entries) if (existsSync(join(root, e))) walk(e);
  return out;
}

/** A relative specifier resolved to a file the way Node/TypeScript would (`./x` -> `x.ts` or `x/index.ts`). */
function resolveSpecifier(root: string, from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const base = join(dirname(from), specifier).split("\\").join("/");
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate;
  }
  return `unresolved:${base}`;
}

/** The imports of one file's text. */
export function importsOf(root: string, file: string, text: string): ImportEdge[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean, lazy = false) =>
    out.push({ from: file, to: resolveSpecifier(root, file, specifier), specifier, typeOnly, lazy, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  const inFunction = (node: ts.Node): boolean => !!ts.findAncestor(node, (n) => ts.isFunctionLike(n));
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node, node.moduleSpecifier.text, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if ((ts.isIdentifier(callee) && callee.text === "require") || callee.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0].text, false, inFunction(node));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The import edges of every file. */
export function importGraph(root: string, files: readonly string[]): ImportEdge[] {
  return files.flatMap((f) => importsOf(root, f, readFileSync(join(root, f), "utf8")));
}

/**
 * The cycles of a directed graph: one shortest cycle per strongly connected component (Tarjan), as
 * the list of nodes along it, starting and ending with the same node, in a stable order.
 */
export function findCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const strongConnect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of [...(edges.get(v) ?? [])].sort()) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.has(v)) components.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) strongConnect(n);
  return components.map((c) => shortestCycle(c[0], new Set(c), edges)).sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

/** Breadth-first from `start` back to itself, inside one component. */
function shortestCycle(start: string, component: ReadonlySet<string>, edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of [...(edges.get(v) ?? [])].sort()) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Edges grouped by a node function (file -> its area), without self-loops unless `keepSelf`. */
export function groupEdges(edges: readonly ImportEdge[], node: (file: string) => string | undefined, keepSelf = false): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = node(e.from);
    const b = node(e.to);
    if (a === undefined || b === undefined || (a === b && !keepSelf)) continue;
    if (!out.has(a)) out.set(a, new Set());
    out.get(a)!.add(b);
  }
  return out;
}
