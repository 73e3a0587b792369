import { parseArgs } from "node:util";
import { UsageError } from "./context";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  /** `<value>` placeholder in help. */
  readonly value?: string;
  readonly help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** Options every command takes. */
export const COMMON_OPTIONS: OptionSpecs = {
  dir: { type: "string", value: "<folder>", help: "folder of workspace definitions (default: environments)" },
  workspace: { type: "string", multiple: true, value: "<name>", help: "only this workspace (repeatable)" },
  date: { type: "string", value: "<YYYY-MM-DD>", help: "evaluate grant expiry on this day (default: today, UTC)" },
  help: { type: "boolean", help: "show this help" },
};

/** Parses argv strictly; unknown options and missing values are usage errors. */
export function parseOptions(argv: readonly string[], specs: OptionSpecs): { values: OptionValues; positionals: string[] } {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = {};
  for (const [name, s] of Object.entries(specs)) options[name] = s.multiple ? { type: s.type, multiple: true } : { type: s.type };
  try {
    const r = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { values: r.values as OptionValues, positionals: r.positionals };
  } catch (e) {
    if (!String((e as { code?: string }).code).startsWith("ERR_PARSE_ARGS_")) throw e;
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

export function optionHelp(specs: OptionSpecs): string[] {
  const rows = Object.entries(specs).map(([name, s]) => [`--${name}${s.value ? ` ${s.value}` : ""}`, s.help]);
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`);
}

export const str = (v: OptionValues[string]): string | undefined => (typeof v === "string" ? v : undefined);

export function oneOf<T extends string>(name: string, v: OptionValues[string], allowed: readonly T[], fallback: T): T {
  const s = str(v);
  if (s === undefined) return fallback;
  if (!allowed.includes(s as T)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, not "${s}"`);
  return s as T;
}
