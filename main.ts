/**
 * The CDKTF app: environments/ -> compile -> one stack per workspace -> cdktf.out/.
 * Run by `npm run synth` (tsx) and by `cdktf synth` (cdktf.json), which sets CDKTF_OUTDIR.
 *
 *   npm run synth -- [--dir environments] [--out cdktf.out] [--date YYYY-MM-DD]
 */
import { synthesize } from "./modules/synth";
import { runSynth } from "./src/run-synth";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

try {
  process.exitCode = runSynth({
    dir: arg("dir") ?? "environments",
    outdir: arg("out") ?? process.env.CDKTF_OUTDIR ?? "cdktf.out",
    evaluationDate: arg("date"),
    synthesize,
  });
} catch (e) {
  process.stderr.write(`keyless: internal error (a bug, please report it): ${(e as Error).message}\n`);
  if (process.env.KEYLESS_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 2;
}
