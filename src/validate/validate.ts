import Ajv2020, { ErrorObject, ValidateFunction } from "ajv/dist/2020";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DiagnosticCode } from "../diagnostics/codes";
import { diagnostic, Diagnostic, JsonPath } from "../diagnostics/diagnostic";
import { closest } from "../diagnostics/suggest";
import { SourceFile } from "../load/source-file";
import { schemasDir } from "../paths";

export type SchemaKind = "workspace" | "organization";

let validators: Record<SchemaKind, ValidateFunction> | undefined;

/** The validator module `npm run build` writes beside the compiled validate.js (scripts/build-validators.cjs). */
export const STANDALONE_VALIDATORS = "validators.generated.js";

/** An Ajv instance holding every schema of `schemas/`; `source: true` keeps the code for ajv's standalone output. */
export function schemaAjv(opts: { source?: boolean } = {}): Ajv2020 {
  // optimize: false: ajv's code-optimizing pass cost ~30 ms of every run's ~70 ms schema compilation
  // and gained nothing measurable validating 50,000 assignments (bench/). validateSchema: false skips
  // compiling the draft 2020-12 meta-schema (~25 ms CPU): strict compilation still rejects unknown
  // keywords and keyword values of the wrong type ("minLength value must be number").
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    verbose: true,
    allowUnionTypes: true,
    code: { optimize: false, source: opts.source ?? false },
    validateSchema: false,
  });
  const dir = schemasDir();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort()) {
    ajv.addSchema(JSON.parse(readFileSync(join(dir, f), "utf8")));
  }
  return ajv;
}

export const SCHEMA_IDS: Readonly<Record<SchemaKind, string>> = { workspace: "workspace.schema.json", organization: "organization.schema.json" };

/**
 * The compiled CLI (dist/) loads the validators `npm run build` generated from the schemas, which
 * saves compiling them on every run (~100 ms, a fifth of a small synth); the sources compile them.
 */
function compileValidators(): Record<SchemaKind, ValidateFunction> {
  const generated = join(__dirname, STANDALONE_VALIDATORS);
  if (existsSync(generated)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(generated) as Record<SchemaKind, ValidateFunction>;
    return { workspace: mod.workspace, organization: mod.organization };
  }
  const ajv = schemaAjv();
  return { workspace: ajv.getSchema(SCHEMA_IDS.workspace)!, organization: ajv.getSchema(SCHEMA_IDS.organization)! };
}

/** Validates one parsed file against its schema; every error located. */
export function validateSource(kind: SchemaKind, source: SourceFile): Diagnostic[] {
  validators ??= compileValidators();
  const validate = validators[kind];
  if (validate(source.data)) return [];
  return toDiagnostics(validate.errors ?? [], source);
}

function toDiagnostics(errors: readonly ErrorObject[], source: SourceFile): Diagnostic[] {
  // anyOf/oneOf report one error per failed branch; keep only the summary at the union itself.
  const unions = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.schemaPath + "/");
  const kept = errors.filter((e) => !unions.some((u) => e.schemaPath.startsWith(u)) && e.keyword !== "propertyNames");
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of kept) {
    const d = describe(e);
    const path = [...pointerToPath(e.instancePath), ...d.extra];
    const key = `${path.join("\u0000")}|${d.code}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic({ code: d.code, source, path, message: d.message, fix: d.fix }));
  }
  return out;
}

interface Described {
  code: DiagnosticCode;
  message: string;
  fix?: string;
  extra: (string | number)[];
}

function describe(e: ErrorObject): Described {
  const p = e.params as Record<string, any>;
  const schema = (e.parentSchema ?? {}) as Record<string, any>;
  const hint = schema.description ? ` (${schema.description})` : "";
  const keyPrefix = e.propertyName !== undefined ? `key "${e.propertyName}": ` : "";
  const extra: (string | number)[] = e.propertyName !== undefined ? [e.propertyName] : [];
  switch (e.keyword) {
    case "type": {
      const found = kindOf(e.data);
      const fix = p.type === "string" && typeof e.data === "number" ? quoteFix(e.data, schema.pattern) : `write ${article(p.type)}`;
      return { code: "KL101", message: `found ${found}, expected ${article(p.type)}`, fix, extra };
    }
    case "required": {
      const prop = p.missingProperty as string;
      const desc = schema.properties?.[prop]?.description;
      return {
        code: "KL102",
        message: `missing required property "${prop}"`,
        fix: `add "${prop}"${desc ? `: ${desc}` : ""}`,
        extra,
      };
    }
    case "additionalProperties": {
      const prop = p.additionalProperty as string;
      const allowed = Object.keys(schema.properties ?? {}).filter((k) => k !== "$schema");
      const near = closest(prop, allowed);
      return {
        code: "KL103",
        message: `unknown property "${prop}"; allowed here: ${allowed.join(", ")}`,
        fix: near ? `did you mean "${near}"?` : `remove "${prop}" or move it where it belongs`,
        extra: [prop],
      };
    }
    case "enum":
    case "const": {
      const allowed = (p.allowedValues ?? [p.allowedValue]) as unknown[];
      return {
        code: "KL104",
        message: `${keyPrefix}found ${kindOf(e.data)}, expected one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`,
        fix: `use one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`,
        extra,
      };
    }
    case "pattern":
    case "format":
      return {
        code: "KL105",
        message: `${keyPrefix}found ${kindOf(e.propertyName ?? e.data)}, which does not match the expected format${hint || ` ${p.pattern ?? p.format}`}`,
        fix: schema.description ? `write ${lowerFirst(schema.description)}` : `match ${p.pattern ?? p.format}`,
        extra,
      };
    case "minLength":
    case "maxLength":
    case "minItems":
    case "maxItems":
    case "minProperties":
    case "maxProperties":
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const bound = p.limit;
      const what = sizeWord(e.keyword);
      return {
        code: "KL106",
        message: `${keyPrefix}${what.found(e.data)}, expected ${what.bound} ${bound}${hint}`,
        fix: what.fix(bound, schema),
        extra,
      };
    }
    case "uniqueItems":
      return {
        code: "KL107",
        message: `items ${p.j} and ${p.i} are the same`,
        fix: "remove the duplicate",
        extra,
      };
    case "anyOf":
    case "oneOf":
      return {
        code: "KL101",
        message: `found ${kindOf(e.data)}, expected ${schema.title ? unionWords(schema.title) : "a different shape"}${hint}`,
        fix: "see the schema's description of this property",
        extra,
      };
    default:
      return { code: "KL107", message: `${keyPrefix}${e.message ?? e.keyword}`, extra };
  }
}

/**
 * YAML reads unquoted digits as a number, dropping leading zeros: when the schema wants exactly N
 * digits (an account id), the value as written had the zeros the number lost.
 */
function quoteFix(n: number, pattern: unknown): string {
  const digits = typeof pattern === "string" ? /^\^\[0-9\]\{(\d+)\}\$$/.exec(pattern) : null;
  const text = String(n);
  if (digits && /^\d+$/.test(text) && text.length < Number(digits[1])) {
    return `quote the value as written, with its leading zeros: '${text.padStart(Number(digits[1]), "0")}' (YAML read the unquoted digits as the number ${text})`;
  }
  return `quote the value: '${text}' (YAML reads unquoted digits as a number, dropping leading zeros)`;
}

function unionWords(title: string): string {
  if (title === "StringOrList") return "a string or a list of strings";
  if (title === "PolicyPrincipal") return `"*" or a principal object (AWS, Service, Federated, CanonicalUser)`;
  return title;
}

function sizeWord(keyword: string) {
  const lengthOf = (d: unknown) => (typeof d === "string" ? d.length : Array.isArray(d) ? d.length : d && typeof d === "object" ? Object.keys(d).length : d);
  switch (keyword) {
    case "minLength":
      return { found: (d: unknown) => `found ${lengthOf(d)} characters`, bound: "at least", fix: (b: number) => `use at least ${b} character(s)` };
    case "maxLength":
      return { found: (d: unknown) => `found ${lengthOf(d)} characters`, bound: "at most", fix: (b: number) => `shorten it to ${b} characters or fewer` };
    case "minItems":
      return { found: (d: unknown) => `found ${lengthOf(d)} item(s)`, bound: "at least", fix: (b: number) => `list at least ${b} item(s)` };
    case "maxItems":
      return { found: (d: unknown) => `found ${lengthOf(d)} items`, bound: "at most", fix: (b: number) => `list at most ${b} items` };
    case "minProperties":
      return {
        found: (d: unknown) => `found ${lengthOf(d)} properties`,
        bound: "at least",
        fix: (b: number, s: any) => (s.properties ? `set at least ${b} of: ${Object.keys(s.properties).join(", ")}` : `add at least ${b} entr${b === 1 ? "y" : "ies"}`),
      };
    case "maxProperties":
      return {
        found: (d: unknown) => `found ${lengthOf(d)} properties (${Object.keys((d as object) ?? {}).join(", ")})`,
        bound: "at most",
        fix: (b: number) => `keep at most ${b}`,
      };
    default:
      return {
        found: (d: unknown) => `found ${JSON.stringify(d)}`,
        bound: keyword.includes("in") ? "at least" : "at most",
        fix: (b: number) => `use a value ${keyword.includes("in") ? "of at least" : "of at most"} ${b}`,
      };
  }
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return "nothing (null)";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return JSON.stringify(v.length > 80 ? v.slice(0, 77) + "..." : v);
  return `${typeof v} ${JSON.stringify(v)}`;
}

function article(type: string | string[]): string {
  const t = Array.isArray(type) ? type.join(" or ") : type;
  return { object: "an object", array: "a list", integer: "an integer" }[t] ?? `a ${t}`;
}

/** "The root id" -> "the root id"; "OWNER/REPO", "YYYY-MM-DD", "GitHub ..." keep their capitals. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]*(?=[\s,.:;(]|$)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function pointerToPath(pointer: string): JsonPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
