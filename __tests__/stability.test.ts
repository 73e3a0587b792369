import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { synthesize } from "../modules/synth";
import { runSynth } from "../src/run-synth";
import { deepShuffle, EXAMPLE_DIR, exampleWorkspaces, prng, terraformAddresses, writeExampleVariant } from "./support/definitions";
import { tempDir } from "./support/temp";

const DATE = "2026-11-01";

/** Synthesizes a definitions folder: workspace -> cdk.tf.json text. */
function synthStacks(dir: string): Record<string, string> {
  const outdir = join(tempDir("stab"), "out");
  const errors: string[] = [];
  const code = runSynth({ dir, outdir, evaluationDate: DATE, synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
  expect({ code, errors }).toEqual({ code: 0, errors: [] });
  const stacks: Record<string, string> = {};
  for (const ws of readdirSync(join(outdir, "stacks")).sort()) stacks[ws] = readFileSync(join(outdir, "stacks", ws, "cdk.tf.json"), "utf8");
  return stacks;
}

describe("stability of the output", () => {
  const original = synthStacks(EXAMPLE_DIR);

  it.each([1, 2, 3])("shuffling every list and map of the example (seed %i) changes no byte of the Terraform", (seed) => {
    const shuffled: Record<string, unknown> = {};
    for (const [f, data] of Object.entries(exampleWorkspaces())) shuffled[f] = deepShuffle(data, prng(seed));
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(exampleWorkspaces()));
    expect(synthStacks(writeExampleVariant(shuffled))).toEqual(original);
  });

  it("adding one grant adds exactly one Terraform address", () => {
    const workspaces = exampleWorkspaces() as Record<string, any>;
    const dev = workspaces["dev.yaml"];
    const before = new Set(terraformAddresses(original.dev));
    // A grant the example does not have yet: DataEngineers get ReadOnly in the staging app account.
    dev.identityCenter.assignments.push({ groups: ["DataEngineers"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-staging"] } });
    const after = synthStacks(writeExampleVariant(workspaces));
    const added = terraformAddresses(after.dev).filter((a) => !before.has(a));
    const removed = [...before].filter((a) => !terraformAddresses(after.dev).includes(a));
    expect({ added, removed }).toEqual({ added: ['aws_ssoadmin_account_assignment.ReadOnly["group:DataEngineers/555555555501"]'], removed: [] });
    // Other workspaces are untouched.
    for (const ws of Object.keys(original).filter((w) => w !== "dev")) expect(after[ws]).toBe(original[ws]);
  });
});
