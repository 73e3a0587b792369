import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, stringify } from "yaml";
import { tempDir } from "./temp";

/** The benchmark generator's seeded PRNG (mulberry32): shuffles are reproducible. */
export { prng } from "../../bench/generate";

export const EXAMPLE_DIR = join(__dirname, "..", "..", "environments");

/** The example organization's workspace files as data: file name -> parsed content. */
export function exampleWorkspaces(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readdirSync(EXAMPLE_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    out[f] = parse(readFileSync(join(EXAMPLE_DIR, f), "utf8"));
  }
  return out;
}

/** A copy of the example organization (inventory included) with the workspace files replaced. */
export function writeExampleVariant(workspaces: Record<string, unknown>): string {
  const dir = tempDir("variant");
  cpSync(join(EXAMPLE_DIR, "shared"), join(dir, "shared"), { recursive: true });
  for (const [f, data] of Object.entries(workspaces)) writeFileSync(join(dir, f), f.endsWith(".json") ? JSON.stringify(data) : stringify(data));
  return dir;
}

/**
 * Shuffles every list and the key order of every map, recursively. Lists under `keep` keys (policy
 * statements, whose order is part of the document) keep their order but are still shuffled inside.
 */
export function deepShuffle(value: unknown, random: () => number, keep: ReadonlySet<string> = new Set(["Statement"]), key = ""): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => deepShuffle(v, random, keep));
    if (keep.has(key)) return items;
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = deepShuffle((value as Record<string, unknown>)[k], random, keep, k);
    return out;
  }
  return value;
}

/** Every Terraform address in a synthesized stack, with for_each keys expanded: `type.name["key"]`. */
export function terraformAddresses(stackJson: string): string[] {
  const tf = JSON.parse(stackJson);
  const out: string[] = [];
  for (const [kind, prefix] of [
    ["resource", ""],
    ["data", "data."],
  ] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(tf[kind] ?? {})) {
      for (const [name, body] of Object.entries<any>(byName)) {
        const base = `${prefix}${type}.${name}`;
        const each = body.for_each;
        const local = typeof each === "string" ? /^\$\{local\.([A-Za-z0-9_-]+)\}$/.exec(each) : null;
        if (local && tf.locals?.[local[1]] && typeof tf.locals[local[1]] === "object") for (const k of Object.keys(tf.locals[local[1]])) out.push(`${base}[${JSON.stringify(k)}]`);
        else if (each && typeof each === "object") for (const k of Object.keys(each)) out.push(`${base}[${JSON.stringify(k)}]`);
        else if (typeof each === "string") {
          // toset([...]) of literals
          const m = /^\$\{toset\((\[.*\])\)\}$/.exec(each);
          if (m) for (const k of JSON.parse(m[1])) out.push(`${base}[${JSON.stringify(k)}]`);
          else out.push(`${base}[*]`);
        } else out.push(base);
      }
    }
  }
  return out.sort();
}

/** Every file under dir: relative path -> contents. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}
