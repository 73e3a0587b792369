import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Document } from "yaml";
import { JsonPath } from "../diagnostics/diagnostic";

/** A parsed definition file that can say where any of its values is written. */
export interface SourceFile {
  /** Path relative to the working directory, forward slashes. */
  readonly file: string;
  readonly data: unknown;
  /** 1-based line and column of the value at `path`, or of its nearest existing parent. */
  locate(path: JsonPath): { line: number; column: number } | undefined;
}

export interface ParseFailure {
  /** KL002 unless said: KL009 a reserved key, KL010 aliases that expand too far. */
  readonly code?: "KL009" | "KL010";
  readonly message: string;
  readonly fix?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Parses YAML or JSON (JSON is read by the same parser so that both get positions). Duplicate keys
 * are errors, not silently last-wins as in JSON.parse.
 */
export function parseSource(file: string, text: string): SourceFile | ParseFailure {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: "1.2" });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    if (e.code === "DUPLICATE_KEY") {
      const key = /^\s*("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(text.slice(e.pos[0]));
      const name = key ? key[1].replace(/^["']|["']$/g, "") : undefined;
      if (name) return { message: `key "${name}" appears twice in the same map; the second would silently replace the first`, line: pos.line, column: pos.col };
    }
    return { message: firstLine(e.message), line: pos.line, column: pos.col };
  }
  if (/\.json$/i.test(file)) {
    const notJson = jsonFailure(text, lineCounter);
    if (notJson) return notJson;
  }
  const reserved = reservedKey(doc.contents, lineCounter);
  if (reserved) return reserved;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml library stops an alias bomb ("billion laughs") by counting alias expansions.
    return {
      code: "KL010",
      message: `its aliases (*name) expand too far: ${firstLine(e instanceof Error ? e.message : String(e))}`,
      fix: `use at most ${MAX_ALIAS_COUNT} alias expansions, or write the values out`,
      line: 1,
      column: 1,
    };
  }
  return { file, data, locate: (path) => locate(doc, lineCounter, path) };
}

/** Alias expansions a document may make (the yaml library's own guard against alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/**
 * Keys that JavaScript objects treat specially: `__proto__` sets the prototype instead of a key (so
 * a Condition under it would silently vanish and an Allow become unconditional), `constructor` and
 * `prototype` name built-ins. No keyless definition uses them, so they are errors where written.
 */
export const RESERVED_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

function reservedKey(root: unknown, lines: LineCounter): ParseFailure | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && RESERVED_KEYS.includes(key)) {
          const pos = isNodeWithRange(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]) : undefined;
          return {
            code: "KL009",
            message: `the key "${key}" is reserved: JavaScript treats it specially, so its value would be silently dropped or change how the file is read`,
            fix: `rename or remove "${key}"; no keyless definition uses it`,
            line: pos?.line,
            column: pos?.col,
          };
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return undefined;
}

/**
 * YAML reads more than JSON allows (trailing commas, comments, single quotes), so a `.json` file is
 * also checked with JSON.parse: what an editor or another tool would reject is not accepted here.
 */
function jsonFailure(text: string, lines: LineCounter): ParseFailure | undefined {
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  try {
    JSON.parse(text.slice(bom));
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = / at position (\d+)/.exec(message);
    const pos = at ? lines.linePos(Number(at[1]) + bom) : undefined;
    return { message: message.replace(/ in JSON at position \d+.*$/s, "").replace(/ at position \d+.*$/s, ""), line: pos?.line, column: pos?.col };
  }
}

export const isParseFailure = (x: SourceFile | ParseFailure): x is ParseFailure => !("data" in x);

function locate(doc: Document, lines: LineCounter, path: JsonPath) {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === String(seg));
      if (!pair) break;
      // Point at the value; fall back to the key for empty values.
      node = pair.value ?? pair.key;
      if (isNodeWithRange(pair.value)) found = pair.value;
      else if (isNodeWithRange(pair.key)) found = pair.key;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (!isNodeWithRange(node)) break;
      found = node;
    } else break;
  }
  // An empty file (or one with only comments) has no node: its problems are at its start.
  if (!found?.range) return doc.contents === null ? { line: 1, column: 1 } : undefined;
  const pos = lines.linePos(found.range[0]);
  return { line: pos.line, column: pos.col };
}

function isNodeWithRange(x: unknown): x is Node {
  return typeof x === "object" && x !== null && "range" in x && Array.isArray((x as Node).range);
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
