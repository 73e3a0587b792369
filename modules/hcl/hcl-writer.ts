import type { BlockPaths } from "./block-paths";
import { quoteTemplate, soleInterpolation } from "./template";

/**
 * Writes a synthesized stack (Terraform JSON syntax, as cdktf writes `cdk.tf.json`) as native HCL in
 * the layout `terraform fmt` gives: two-space indents, `=` aligned within runs of one-line attributes,
 * blank lines between blocks. cdktf's `"//"` metadata is dropped; provider references are unquoted;
 * policy documents are heredocs holding exactly the JSON the stack sends, so both forms plan the same.
 */
export function toHcl(tf: Record<string, unknown>, blocks: BlockPaths): string {
  const w = new Writer(blocks);
  for (const kind of Object.keys(tf)) if (!TOP_LEVEL.includes(kind)) throw new Error(`keyless hcl: top-level "${kind}" is not supported`);
  for (const kind of TOP_LEVEL) {
    const v = tf[kind];
    if (v !== undefined) w.topLevel(kind, v);
  }
  return w.text();
}

const TOP_LEVEL = ["//", "terraform", "provider", "variable", "locals", "data", "resource", "moved", "import", "removed", "output"];
const META_FIRST = ["count", "for_each", "provider"];
const META_LAST = ["depends_on", "lifecycle"];
/** Attributes whose strings are references, not templates (`provider = aws.x`, `depends_on = [a.b]`). */
const REFERENCES = new Set(["provider", "depends_on", "ignore_changes", "replace_triggered_by", "from", "to"]);
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if", "endif", "endfor", "else"]);

type Line = { readonly indent: number; readonly text: string; readonly key?: undefined } | { readonly indent: number; readonly key: string; readonly text: string };
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class Writer {
  private readonly lines: Line[] = [];
  constructor(private readonly blocks: BlockPaths) {}

  text(): string {
    return format(this.lines);
  }

  topLevel(kind: string, v: unknown): void {
    const value = v as Record<string, Json>;
    switch (kind) {
      case "//":
        return;
      case "terraform":
        return this.block("terraform", [], 0, () => this.terraformBody(value));
      case "locals":
        return this.block("locals", [], 0, () => this.body(value, 1, undefined, ""));
      case "provider":
        for (const [name, configs] of Object.entries(value)) {
          for (const body of Array.isArray(configs) ? configs : [configs])
            this.block("provider", [name], 0, () => this.body(body as Record<string, Json>, 1, `provider.${name}`, ""));
        }
        return;
      case "resource":
      case "data":
        for (const [type, byName] of Object.entries(value)) {
          for (const [name, body] of Object.entries(byName as Record<string, Json>))
            this.block(kind, [type, name], 0, () => this.body(body as Record<string, Json>, 1, `${kind}.${type}`, ""));
        }
        return;
      case "output":
      case "variable":
        for (const [name, body] of Object.entries(value)) this.block(kind, [name], 0, () => this.body(body as Record<string, Json>, 1, undefined, ""));
        return;
      case "moved":
      case "import":
      case "removed":
        for (const body of Array.isArray(v) ? v : [v]) this.block(kind, [], 0, () => this.body(body as Record<string, Json>, 1, undefined, ""));
        return;
    }
  }

  private terraformBody(tf: Record<string, Json>): void {
    const order = ["required_version", "required_providers"];
    const keys = [...order.filter((k) => k in tf), ...Object.keys(tf).filter((k) => !order.includes(k))];
    for (const key of keys) {
      const v = tf[key];
      if (key === "//") continue;
      if (key === "backend") {
        for (const [type, body] of Object.entries(v as Record<string, Json>)) this.block("backend", [type], 1, () => this.body(body as Record<string, Json>, 2, undefined, ""));
      } else if (key === "cloud") {
        this.block("cloud", [], 1, () => this.body(v as Record<string, Json>, 2, "terraform.cloud", ""));
      } else if (key === "required_providers") {
        this.block("required_providers", [], 1, () => this.body(v as Record<string, Json>, 2, undefined, ""));
      } else this.attribute(key, v, 1, false);
    }
  }

  private block(type: string, labels: readonly string[], indent: number, body: () => void): void {
    if (indent === 0 && this.lines.length) this.lines.push({ indent: 0, text: "" });
    const head = [type, ...labels.map((l) => JSON.stringify(l))].join(" ");
    const before = this.lines.length;
    this.lines.push({ indent, text: `${head} {` });
    body();
    if (this.lines.length === before + 1) this.lines[before] = { indent, text: `${head} {}` };
    else this.lines.push({ indent, text: "}" });
  }

  /** A block body: meta-arguments first, then attributes, then nested blocks, then depends_on/lifecycle. */
  private body(obj: Record<string, Json>, indent: number, schema: string | undefined, path: string): void {
    const keys = Object.keys(obj).filter((k) => k !== "//");
    const isBlock = (k: string) =>
      k === "lifecycle" || (schema === "terraform.cloud" ? k === "workspaces" : schema !== undefined && !!this.blocks.get(schema)?.has(path ? `${path}.${k}` : k));
    const first = META_FIRST.filter((k) => keys.includes(k));
    const last = META_LAST.filter((k) => keys.includes(k));
    const middle = keys.filter((k) => !first.includes(k) && !last.includes(k));
    const attrs = middle.filter((k) => !isBlock(k));
    const nested = middle.filter((k) => isBlock(k));
    if (keys.includes("dynamic")) throw new Error("keyless hcl: dynamic blocks are not supported");
    for (const k of [...first, ...attrs]) this.attribute(k, obj[k], indent, REFERENCES.has(k));
    for (const k of [...nested, ...last]) {
      if (k === "depends_on") {
        this.attribute(k, obj[k], indent, true);
        continue;
      }
      const v = obj[k];
      const sub = path ? `${path}.${k}` : k;
      for (const item of Array.isArray(v) ? v : [v]) {
        if (this.lines[this.lines.length - 1]?.text.endsWith("{") === false) this.lines.push({ indent: 0, text: "" });
        this.block(k, [], indent, () =>
          k === "lifecycle" ? this.lifecycle(item as Record<string, Json>, indent + 1) : this.body(item as Record<string, Json>, indent + 1, schema, sub),
        );
      }
    }
  }

  private lifecycle(obj: Record<string, Json>, indent: number): void {
    for (const [k, v] of Object.entries(obj)) {
      if (k === "precondition" || k === "postcondition") {
        // Nested blocks: `precondition { condition = ..., error_message = "..." }`.
        for (const rule of Array.isArray(v) ? v : [v])
          this.block(k, [], indent, () => Object.entries(rule as Record<string, Json>).forEach(([rk, rv]) => this.attribute(rk, rv, indent + 1, false)));
        continue;
      }
      this.attribute(k, v, indent, REFERENCES.has(k));
    }
  }

  private attribute(key: string, value: Json, indent: number, references: boolean): void {
    const name = objectKey(key);
    const policy = typeof value === "string" ? policyDocument(value) : undefined;
    if (policy !== undefined) {
      // `<<-EOT` strips the indentation, `chomp` the final newline: the value is exactly `policy`.
      this.lines.push({ indent, text: `${name} = chomp(<<-EOT` });
      this.lines.push({ indent: indent + 1, text: policy });
      this.lines.push({ indent: indent + 1, text: "EOT" });
      this.lines.push({ indent, text: ")" });
      return;
    }
    const inline = inlineExpression(value, references);
    if (inline !== undefined) {
      this.lines.push({ indent, key: name, text: inline });
      return;
    }
    if (Array.isArray(value)) {
      this.lines.push({ indent, text: `${name} = [` });
      for (const item of value) this.listItem(item, indent + 1, references);
      this.lines.push({ indent, text: "]" });
      return;
    }
    this.lines.push({ indent, text: `${name} = {` });
    for (const [k, v] of Object.entries(value as Record<string, Json>)) this.attribute(k, v, indent + 1, false);
    this.lines.push({ indent, text: "}" });
  }

  private listItem(item: Json, indent: number, references: boolean): void {
    const inline = inlineExpression(item, references);
    if (inline !== undefined) {
      this.lines.push({ indent, text: `${inline},` });
      return;
    }
    if (Array.isArray(item)) {
      this.lines.push({ indent, text: "[" });
      for (const i of item) this.listItem(i, indent + 1, references);
      this.lines.push({ indent, text: "]," });
      return;
    }
    if (typeof item === "string") throw new Error("keyless hcl: a policy document inside a list is not supported");
    this.lines.push({ indent, text: "{" });
    for (const [k, v] of Object.entries(item as Record<string, Json>)) this.attribute(k, v, indent + 1, false);
    this.lines.push({ indent, text: "}," });
  }
}

/** A value that fits on one line: scalars, empty collections, short lists of scalars. */
function inlineExpression(value: Json, references: boolean): string | undefined {
  if (value === null) return "null";
  if (typeof value === "boolean" || typeof value === "number") return JSON.stringify(value);
  if (typeof value === "string") {
    if (references) return soleInterpolation(value) ?? value;
    return soleInterpolation(value) ?? quoteTemplate(value);
  }
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    if (value.some((v) => v !== null && typeof v === "object")) return undefined;
    const items = value.map((v) => inlineExpression(v, references)!);
    const text = `[${items.join(", ")}]`;
    return text.length <= 100 && !items.some((i) => i.startsWith("chomp(")) ? text : undefined;
  }
  return Object.keys(value).length ? undefined : "{}";
}

/** The JSON text of a literal IAM/SCP policy document, for a heredoc; undefined for anything else. */
function policyDocument(s: string): string | undefined {
  if (!s.startsWith("{") || !s.endsWith("}") || s.includes("\n") || !s.includes('"Statement"')) return undefined;
  try {
    const doc = JSON.parse(s.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"));
    return doc && typeof doc === "object" && "Statement" in doc ? s : undefined;
  } catch {
    return undefined;
  }
}

function objectKey(k: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) && !KEYWORDS.has(k)) return k;
  if (/[$%]\{/.test(k)) throw new Error(`keyless hcl: key ${JSON.stringify(k)} looks like a template`);
  return quoteTemplate(k);
}

/** `terraform fmt`'s layout: indentation, and `=` aligned over consecutive one-line attributes. */
function format(lines: readonly Line[]): string {
  const out: string[] = [];
  let run: { indent: number; key: string; text: string }[] = [];
  const flush = () => {
    const width = Math.max(...run.map((l) => [...l.key].length));
    for (const l of run) out.push(`${"  ".repeat(l.indent)}${l.key}${" ".repeat(width - [...l.key].length)} = ${l.text}`);
    run = [];
  };
  for (const l of lines) {
    if (l.key !== undefined) {
      run.push(l);
      continue;
    }
    if (run.length) flush();
    out.push(l.text ? `${"  ".repeat(l.indent)}${l.text}` : "");
  }
  if (run.length) flush();
  return out.join("\n") + "\n";
}
