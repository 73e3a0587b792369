import type { CliIo } from "./context";
import type { OptionSpecs, OptionValues } from "./options";

/** One `keyless <command>`: its help and what it does. */
export interface Command {
  readonly name: string;
  /** One line, for `keyless --help`. */
  readonly summary: string;
  /** Paragraphs after the usage line of `keyless <command> --help`. */
  readonly details: readonly string[];
  /** Options besides the common ones. */
  readonly options: OptionSpecs;
  /** Whether the command takes a folder argument (`keyless init [folder]`). @default false */
  readonly acceptsFolder?: boolean;
  /** Returns the exit code; throws UsageError / InputError for the user's mistakes. */
  readonly run: (io: CliIo, values: OptionValues, positionals: readonly string[]) => number | Promise<number>;
  /** Commands that take a sub-command (`keyless inventory pull`): the allowed first positionals. */
  readonly subcommands?: readonly string[];
}
