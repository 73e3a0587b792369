/**
 * The CDKTF app: environments/ -> compile -> one stack per workspace -> cdktf.out/.
 * Run by `npm run synth` (tsx) and by `cdktf synth` (cdktf.json), which sets CDKTF_OUTDIR.
 * It is `keyless synth` (src/cli/): the same options, output and exit codes.
 *
 *   npm run synth -- [--dir environments] [--out cdktf.out] [--date YYYY-MM-DD] [--workspace NAME]
 */
import { processIo, runCli } from "./src/cli/cli";

process.exitCode = runCli(["synth", ...process.argv.slice(2)], processIo());
