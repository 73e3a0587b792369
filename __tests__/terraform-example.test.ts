/**
 * The example organization (environments/) through the real terraform and hashicorp/aws provider,
 * against the AWS API emulator: every stack inits, validates, applies, and re-plans with no changes.
 *
 * Order: `org` owns the permission sets that `dev` and `prod` look up by name, so org applies first and
 * dev and prod then apply in parallel; init, validate and the re-plans run all three in parallel.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesize } from "../modules/synth";
import { runSynth } from "../src/run-synth";
import { Emulator, startEmulator } from "./support/emulator";
import { seedFromDefinitions } from "./support/emulator/seed-from-definitions";
import { apply, copyStack, describeTerraform, init, plan, planChanges, prepareStack, removeTemp, validate } from "./support/terraform";

const ROOT = join(__dirname, "..");
const ENVIRONMENTS = join(ROOT, "environments");
const STACKS = ["org", "dev", "prod"] as const;
const WRITES = /^(Create|Put|Attach|Detach|Delete|Update|Provision|Tag|Untag|Add|Remove|Enable)/;

jest.setTimeout(300_000);

describeTerraform("the example organization, applied with terraform against the AWS API emulator", () => {
  let work: string;
  let emulator: Emulator;
  const dirs: Record<string, string> = {};
  const config: Record<string, any> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "keyless-tf-example-"));
    const outdir = join(work, "cdktf.out");
    const errors: string[] = [];
    const code = runSynth({ dir: ENVIRONMENTS, outdir, evaluationDate: "2026-11-01", synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    emulator = await startEmulator({ seed: seedFromDefinitions(ENVIRONMENTS) });
    for (const s of STACKS) {
      dirs[s] = copyStack(join(outdir, "stacks", s), mkdtempSync(join(work, "tf-")));
      config[s] = JSON.parse(readFileSync(join(dirs[s], "cdk.tf.json"), "utf8"));
      await prepareStack(dirs[s], emulator);
    }
    await Promise.all(STACKS.map((s) => init(dirs[s])));
  });

  afterAll(async () => {
    await emulator?.stop();
    if (work) removeTemp(work);
  });

  it("validates every stack", async () => {
    const results = await Promise.all(STACKS.map((s) => validate(dirs[s])));
    for (const r of results) expect(r.stdout).toContain("The configuration is valid");
  });

  it("applies every stack: org first (it owns the permission sets the others look up), then dev and prod together", async () => {
    await apply(dirs.org);
    await Promise.all([apply(dirs.dev), apply(dirs.prod)]);
    expect(emulator.unhandled).toEqual([]);

    // What AWS now holds is what the stacks declare.
    const declared = (type: string) => STACKS.reduce((n, s) => n + Object.values<any>(config[s].resource?.[type] ?? {}).reduce((m, r) => m + (r.for_each && typeof r.for_each === "object" ? Object.keys(r.for_each).length : 1), 0), 0);
    const st = emulator.state;
    expect(st.identityCenter.assignments.length).toBe(declared("aws_ssoadmin_account_assignment"));
    expect(st.identityCenter.permissionSets.size).toBe(declared("aws_ssoadmin_permission_set"));
    expect([...st.organization.policies.values()].filter((p) => !p.awsManaged).length).toBe(declared("aws_organizations_policy"));
    const roles = [...st.iam.values()].flatMap((a) => [...a.roles.values()]).filter((r) => r.name !== "OrganizationAccountAccessRole");
    expect(roles.length).toBe(declared("aws_iam_role"));
    // Policies arrive verbatim: the SCP content in AWS is byte-for-byte what the stack wrote.
    const scp = Object.values<any>(config.org.resource.aws_organizations_policy)[0];
    expect([...st.organization.policies.values()].find((p) => p.name === scp.name)?.content).toBe(scp.content);
  });

  it("re-plans every stack with no changes, reading only", async () => {
    emulator.reset();
    const plans = await Promise.all(STACKS.map((s) => plan(dirs[s], { json: false })));
    for (const [i, p] of plans.entries()) {
      // A perpetual diff shows here as a count; planChanges is only for the failure message.
      const changes = p.add + p.change + p.destroy + p.import ? planChanges(await plan(dirs[STACKS[i]])) : [];
      expect({ stack: STACKS[i], add: p.add, change: p.change, destroy: p.destroy, import: p.import, changes }).toEqual({ stack: STACKS[i], add: 0, change: 0, destroy: 0, import: 0, changes: [] });
    }
    expect(emulator.log.filter((c) => WRITES.test(c.operation) && c.service !== "sts").map((c) => `${c.service}:${c.operation}`)).toEqual([]);
    expect(emulator.unhandled).toEqual([]);
  });
});
