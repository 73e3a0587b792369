/**
 * The Terraform harness for people: runs the real terraform and provider on synthesized stacks against
 * the AWS API emulator (in this process, for the duration of the run), on copies in a temporary folder.
 *
 *   npm run tf -- <stack dir>... [init] [validate] [plan] [apply] [destroy] [--seed <definitions dir>|--no-seed] [--keep]
 *   npm run synth && npm run tf -- cdktf.out/stacks/org cdktf.out/stacks/dev init apply plan
 *   npm run tf -- --check       prints the terraform and provider mirror the harness uses (exit 1 if missing)
 *
 * Commands run in order, each on every stack in the order given (a workspace that looks up another's
 * permission sets comes after it). The emulator is seeded from the definitions (default `environments/`
 * when it exists): the inventory's organization, the external groups and users, the customer-managed
 * policies. What the harness changes is written to each copy's `override.tf.json` (see
 * __tests__/support/terraform.ts): endpoints, dummy keys, a local backend instead of S3/cloud, and the
 * provider version the local mirror has. The emulator's state is lost when the command ends, so give
 * every step in one run.
 */
import { existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startEmulator } from "../__tests__/support/emulator";
import { seedFromDefinitions } from "../__tests__/support/emulator/seed-from-definitions";
import { apply, copyStack, destroy, init, plan, planChanges, prepareStack, removeTemp, terraform, validate } from "../__tests__/support/terraform";

const COMMANDS = ["init", "validate", "plan", "apply", "destroy"] as const;
type Command = (typeof COMMANDS)[number];

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run tf -- <stack dir>... [${COMMANDS.join("|")}]... [--seed <definitions dir>|--no-seed] [--keep]\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "--check") {
    if (!terraform.available) {
      process.stderr.write(`terraform tests cannot run: ${terraform.why}\n`);
      return 1;
    }
    process.stdout.write(`terraform: ${terraform.binary}; hashicorp/aws ${terraform.providerVersion} mirrored in ${terraform.mirror}\n`);
    return 0;
  }
  const stacks: string[] = [];
  const commands: Command[] = [];
  let seedDir: string | undefined = existsSync("environments") ? "environments" : undefined;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") seedDir = argv[++i] ?? usage("--seed needs a folder");
    else if (a === "--no-seed") seedDir = undefined;
    else if (a === "--keep") keep = true;
    else if ((COMMANDS as readonly string[]).includes(a)) commands.push(a as Command);
    else if (existsSync(a) && statSync(a).isDirectory()) {
      if (!existsSync(join(a, "cdk.tf.json"))) usage(`${a}: no cdk.tf.json (a synthesized stack folder, e.g. cdktf.out/stacks/dev)`);
      stacks.push(resolve(a));
    } else usage(`unknown argument or missing folder: ${a}`);
  }
  if (!stacks.length) usage("give at least one stack folder");
  if (!terraform.available) {
    process.stderr.write(`terraform cannot run here: ${terraform.why}\n`);
    return 1;
  }
  if (!commands.length) commands.push("init", "validate", "plan");

  const emulator = await startEmulator({ seed: seedDir ? seedFromDefinitions(seedDir) : undefined });
  const work = mkdtempSync(join(tmpdir(), "keyless-tf-"));
  process.stdout.write(
    `emulator ${emulator.endpoint}${seedDir ? `, seeded from ${seedDir}` : ", empty"}; terraform ${terraform.binary}, ` +
      `hashicorp/aws ${terraform.providerVersion} from ${terraform.mirror} (the stacks' version pin is overridden)\n` +
      `working on copies in ${work}${keep ? " (kept)" : ""}; S3/cloud backends become local state there\n`,
  );
  try {
    const dirs = stacks.map((s) => copyStack(s, mkdtempSync(join(work, "s-"))));
    for (const d of dirs) await prepareStack(d, emulator);
    for (const command of commands) {
      for (const d of dirs) {
        const name = d.split("/").pop();
        if (command === "plan") {
          const p = await plan(d);
          process.stdout.write(`${name}: plan ${p.add} to add, ${p.change} to change, ${p.destroy} to destroy, ${p.import} to import (${p.cpuSeconds.toFixed(1)} CPU-s)\n`);
          for (const line of planChanges(p)) process.stdout.write(`  ${line}\n`);
        } else {
          const run = { init, validate, apply, destroy }[command];
          const r = await run(d);
          process.stdout.write(`${name}: ${command} ok (${r.cpuSeconds.toFixed(1)} CPU-s)\n`);
        }
      }
    }
    const calls = Object.entries(emulator.calls()).sort(([a], [b]) => a.localeCompare(b));
    process.stdout.write(`API calls: ${calls.map(([k, n]) => `${k} ${n}`).join(", ")}\n`);
    if (emulator.unhandled.length) process.stdout.write(`operations the emulator lacks: ${[...new Set(emulator.unhandled)].join(", ")}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  } finally {
    await emulator.stop();
    if (!keep) removeTemp(work);
  }
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
