/**
 * The definitions reference in README.md, generated from schemas/*.schema.json at run time: one table
 * per object, every property with its type, whether it is required, its default and its description.
 * Regenerate with `npm run gen:reference` after any schema change; a test fails when it drifts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type Schema = Record<string, any>;

export const REFERENCE_START = "<!-- reference:start -->";
export const REFERENCE_END = "<!-- reference:end -->";

/** Objects shown as one value rather than expanded (their own docs say what they hold). */
const LEAVES = new Set(["PolicyDocument", "PolicyStatement"]);

class Schemas {
  private readonly byId = new Map<string, Schema>();
  constructor(dir: string) {
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith(".schema.json"))
      .sort()) {
      const s = JSON.parse(readFileSync(join(dir, f), "utf8")) as Schema;
      this.byId.set(s.$id ?? f, s);
    }
  }
  root(id: string): { schema: Schema; file: string } {
    return { schema: this.byId.get(id)!, file: id };
  }
  /** Follows `$ref` (local or across files) until a schema without one; sibling keywords win. */
  deref(schema: Schema, file: string): { schema: Schema; file: string; ref?: string } {
    let s = schema;
    let f = file;
    let ref: string | undefined;
    const siblings: Schema = {};
    for (let i = 0; s.$ref && i < 20; i++) {
      for (const [k, v] of Object.entries(s)) if (k !== "$ref" && !(k in siblings)) siblings[k] = v;
      const [target, pointer = ""] = (s.$ref as string).split("#");
      if (target) f = target;
      ref = `${f}#${pointer}`;
      let next: any = this.byId.get(f);
      for (const part of pointer.split("/").filter(Boolean)) next = next?.[part];
      if (!next) throw new Error(`cannot resolve $ref ${s.$ref} in ${file}`);
      s = next;
    }
    return { schema: { ...s, ...siblings }, file: f, ref };
  }
}

const esc = (t: string) => t.replace(/\|/g, "\\|").replace(/\n+/g, " ");

function typeOf(s: Schema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v: unknown) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (s.title && LEAVES.has(s.title)) return "IAM policy document";
  if (s.anyOf || s.oneOf) return "one of several forms";
  const t = Array.isArray(s.type) ? s.type.join(" \\| ") : s.type;
  if (t === "array") return "list";
  if (t === "object" && !s.properties && s.additionalProperties && typeof s.additionalProperties === "object") return "map";
  return t ?? "any";
}

function describe(s: Schema): string {
  const parts = [s.description ?? ""];
  if (s.pattern && !s.description) parts.push(`Pattern \`${s.pattern}\`.`);
  if (s.default !== undefined && !/Default:/.test(s.description ?? "")) parts.push(`Default: \`${JSON.stringify(s.default)}\`.`);
  return esc(parts.filter(Boolean).join(" ")) || "·";
}

/** Renders the reference for the workspace file and the organization inventory. */
export function generateReference(root: string): string {
  const schemas = new Schemas(join(root, "schemas"));
  const out: string[] = [];
  const done = new Map<string, string>();

  const section = (path: string, schema: Schema, file: string, depth: number) => {
    const { schema: s, file: f, ref } = schemas.deref(schema, file);
    if (ref && done.has(ref)) {
      out.push("", `\`${path}\`: the same as ${done.get(ref)} above.`);
      return;
    }
    if (ref) done.set(ref, `\`${path}\``);
    const heading = depth === 0 ? "###" : "####";
    out.push("", depth === 0 ? `${heading} ${path}` : `${heading} \`${path}\`${s.title ? ` (${s.title})` : ""}`, "");
    if (s.description && depth > 0) out.push(esc(s.description), "");
    const required = new Set<string>(s.required ?? []);
    const rows: string[][] = [];
    const nested: [string, Schema, string][] = [];
    for (const [name, raw] of Object.entries<Schema>(s.properties ?? {})) {
      if (name === "$schema") continue;
      const { schema: p } = schemas.deref(raw, f);
      rows.push([`\`${name}\``, typeOf(p), required.has(name) ? "yes" : "", describe(p)]);
      collect(depth === 0 ? name : `${path}.${name}`, raw, f, nested);
    }
    if (rows.length) out.push("| property | type | required | description |", "| --- | --- | --- | --- |", ...rows.map((r) => `| ${r.join(" | ")} |`));
    else if (s.additionalProperties) out.push(`A map: each value is described below.`);
    for (const [p, sch, fl] of nested) section(p, sch, fl, depth + 1);
  };

  /** Queues the objects under a property (its own properties, map values, list items) for a section. */
  const collect = (path: string, raw: Schema, file: string, nested: [string, Schema, string][]) => {
    const { schema: s, file: f } = schemas.deref(raw, file);
    if (s.title && LEAVES.has(s.title)) return;
    if (s.properties) nested.push([path, raw, file]);
    else if (s.additionalProperties && typeof s.additionalProperties === "object") collect(`${path}.<name>`, s.additionalProperties, f, nested);
    else if (s.items && typeof s.items === "object") collect(`${path}[]`, s.items, f, nested);
  };

  out.push("Generated from `schemas/` by `npm run gen:reference`; do not edit by hand.");
  const ws = schemas.root("workspace.schema.json");
  out.push("", `One file per workspace in the definitions folder. ${esc(ws.schema.description ?? "")}`);
  section("Workspace file (`environments/<workspace>.yaml`)", ws.schema, ws.file, 0);
  const org = schemas.root("organization.schema.json");
  out.push("", `The organization inventory that every workspace names. ${esc(org.schema.description ?? "")}`);
  section("Organization inventory (`environments/shared/organization.yaml`)", org.schema, org.file, 0);
  return out.join("\n").trim() + "\n";
}

/** README text with the part between the markers replaced. */
export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${REFERENCE_START} ... ${REFERENCE_END} markers`);
  return `${readme.slice(0, start + REFERENCE_START.length)}\n${reference}${readme.slice(end)}`;
}
