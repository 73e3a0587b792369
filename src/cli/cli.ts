import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths";
import type { Command } from "./command";
import { auditCommand } from "./commands/audit";
import { diffCommand } from "./commands/diff";
import { importCommand } from "./commands/import";
import { initCommand } from "./commands/init";
import { inventoryCommand } from "./commands/inventory";
import { profilesCommand } from "./commands/profiles";
import { reportCommand } from "./commands/report";
import { synthCommand } from "./commands/synth";
import { validateCommand } from "./commands/validate";
import { CliIo, EXIT, InputError, UsageError } from "./context";
import { GitBaseError } from "../report/git-base";
import { parseDate } from "../compile/identity-center/expiry";
import { COMMON_OPTIONS, optionHelp, parseOptions } from "./options";

export const COMMANDS: readonly Command[] = [
  initCommand,
  validateCommand,
  synthCommand,
  reportCommand,
  diffCommand,
  profilesCommand,
  inventoryCommand,
  importCommand,
  auditCommand,
];

const EXIT_HELP = [
  "Exit codes:",
  "  0  done (warnings, if any, are printed)",
  "  1  the definitions have errors, or an input is wrong (git ref, output path): nothing written",
  "  2  usage error: unknown command or option, missing or bad value",
  "  3  internal error: a bug in keyless (KEYLESS_DEBUG=1 prints the stack trace)",
];

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "keyless: compile AWS access definitions into Terraform, and show who gets what access.",
    "",
    "Usage: keyless <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options every command takes:",
    ...optionHelp(COMMON_OPTIONS),
    "",
    "Run `keyless <command> --help` for a command's options. Output is plain text when it is not a terminal or NO_COLOR is set.",
    "",
    ...EXIT_HELP,
  ].join("\n");
}

export function commandHelp(c: Command): string {
  return [
    `Usage: keyless ${c.name} [options]`,
    "",
    `${c.summary[0].toUpperCase()}${c.summary.slice(1)}.`,
    ...c.details.map((d) => d),
    "",
    "Options:",
    ...optionHelp({ ...c.options, ...COMMON_OPTIONS }),
    "",
    ...EXIT_HELP,
  ].join("\n");
}

/**
 * Runs `keyless <argv>` and returns the exit code. Nothing here calls process.exit or reads process
 * state directly: `bin.ts` passes the real world in, tests pass their own. Commands that talk to AWS
 * (inventory, import, audit) are asynchronous: run them with `runCliAsync`.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const code = dispatch(argv, io);
  if (typeof code === "number") return code;
  code.catch(() => undefined);
  io.stderr(`keyless ${argv[0]}: this command talks to AWS and is asynchronous: call runCliAsync`);
  return EXIT.internal;
}

/** `runCli` for every command, the asynchronous ones (inventory, import, audit) included. */
export async function runCliAsync(argv: readonly string[], io: CliIo): Promise<number> {
  return dispatch(argv, io);
}

function dispatch(argv: readonly string[], io: CliIo): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(globalHelp());
    return EXIT.usage;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? commandHelp(topic) : globalHelp());
    return EXIT.ok;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(version());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr(`keyless: unknown command "${first}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. Run keyless --help.`);
    return EXIT.usage;
  }
  try {
    const specs = { ...command.options, ...COMMON_OPTIONS };
    const { values, positionals } = parseOptions(rest, specs);
    if (values.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    // A bad --date is a bad option value: exit 2 like every other (README, exit codes).
    if (typeof values.date === "string" && parseDate(values.date) === undefined) {
      throw new UsageError(`--date must be a calendar date YYYY-MM-DD, for example --date 2026-11-01, not "${values.date}" (leave it out to use today, UTC)`);
    }
    const sub = command.subcommands;
    if (sub && !sub.includes(positionals[0] ?? ""))
      throw new UsageError(`expected one of ${sub.map((s) => `"${s}"`).join(", ")} after ${command.name}${positionals[0] ? `, not "${positionals[0]}"` : ""}`);
    const allowed = (sub ? 1 : 0) + (command.acceptsFolder ? 1 : 0);
    if (positionals.length > allowed) throw new UsageError(`unexpected argument "${positionals[allowed]}" (options start with --)`);
    const code = command.run(io, values, positionals);
    return typeof code === "number" ? code : code.catch((e: unknown) => failure(command, io, e));
  } catch (e) {
    return failure(command, io, e);
  }
}

function failure(command: Command, io: CliIo, e: unknown): number {
  if (e instanceof UsageError) {
    io.stderr(`keyless ${command.name}: ${e.message}\nRun keyless ${command.name} --help for its options.`);
    return EXIT.usage;
  }
  if (e instanceof InputError || e instanceof GitBaseError) {
    io.stderr(`keyless ${command.name}: ${e.message}`);
    return EXIT.findings;
  }
  io.stderr(`keyless ${command.name}: internal error (a bug, please report it): ${(e as Error)?.message ?? String(e)}`);
  if (io.env.KEYLESS_DEBUG) io.stderr(String((e as Error)?.stack ?? e));
  return EXIT.internal;
}

/** The real process's world. */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t + "\n"),
    stderr: (t) => process.stderr.write(t + "\n"),
    cwd: process.cwd(),
    env: process.env,
    isTTY: !!process.stderr.isTTY,
    today: () => new Date().toISOString().slice(0, 10),
  };
}
