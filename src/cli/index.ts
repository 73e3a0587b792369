/** The `keyless` command line, for embedding (tests, other tools). */
export { runCli, runCliAsync, processIo, globalHelp, commandHelp, COMMANDS } from "./cli";
export { EXIT, UsageError, InputError, type CliIo } from "./context";
