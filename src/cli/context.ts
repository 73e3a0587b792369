import type { Diagnostic } from "../diagnostics/diagnostic";

/** Exit codes, documented in `keyless --help` and the README. */
export const EXIT = {
  /** Done; findings, if any, are warnings. */
  ok: 0,
  /** The definitions have errors, or an input (a git ref, a file) is wrong: nothing written. */
  findings: 1,
  /** The command line is wrong: unknown command or option, missing value. */
  usage: 2,
  /** A bug in keyless: please report it (KEYLESS_DEBUG=1 prints the stack). */
  internal: 3,
} as const;

/** A mistake on the command line: printed with the command's usage, exit 2, no stack trace. */
export class UsageError extends Error {}

/** A problem with the user's input that is not a definition finding (git ref, output path): exit 1. */
export class InputError extends Error {}

/** Everything a command touches of the outside world, so tests can run the CLI in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (colour is used only then, and never with NO_COLOR). */
  readonly isTTY: boolean;
  /** Today as YYYY-MM-DD (UTC); injected so tests do not depend on the clock. */
  readonly today: () => string;
}

export function useColor(io: CliIo): boolean {
  return io.isTTY && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") && io.env.TERM !== "dumb";
}

/** Colours `error` and `warning` in formatted diagnostics when the terminal allows it. */
export function paint(io: CliIo, text: string): string {
  if (!useColor(io)) return text;
  return text.replace(/ error (KL\d+)/g, " \u001b[31merror\u001b[0m $1").replace(/ warning (KL\d+)/g, " \u001b[33mwarning\u001b[0m $1");
}

export const countErrors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error").length;
