/**
 * The example organization (environments/) through the real terraform and hashicorp/aws provider,
 * against the AWS API emulator: every stack applies, then re-plans with no changes.
 *
 * Order: `org` owns the permission sets that `dev` and `prod` read (its state's outputs, through
 * terraform_remote_state), so org applies first and dev and prod then apply in parallel; the re-plans
 * run all three in parallel. There is no separate `terraform validate` here (apply validates first;
 * each command costs a provider start per alias): terraform-seed.test.ts runs validate.
 */
import { join } from "node:path";
import { Emulator, startEmulator } from "./support/emulator";
import { seedFromDefinitions } from "./support/emulator/seed-from-definitions";
import { prepareStacks, PreparedStacks, WRITE_OPERATION } from "./support/stacks";
import { tempDir } from "./support/temp";
import { apply, describeTerraform, init, plan, planChanges, stateResources } from "./support/terraform";

const ENVIRONMENTS = join(__dirname, "..", "environments");
const STACKS = ["org", "dev", "prod"] as const;

jest.setTimeout(300_000);

describeTerraform("the example organization, applied with terraform against the AWS API emulator", () => {
  let emulator: Emulator;
  let stacks: PreparedStacks;
  const dir = (s: string) => stacks.dirs[s];

  beforeAll(async () => {
    emulator = await startEmulator({ seed: seedFromDefinitions(ENVIRONMENTS) });
    stacks = await prepareStacks(ENVIRONMENTS, tempDir("tf-example"), emulator, "2026-11-01");
    expect(Object.keys(stacks.dirs).sort()).toEqual([...STACKS].sort());
    await Promise.all(STACKS.map((s) => init(dir(s))));
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it("applies every stack: org first (it owns the permission sets the others read), then dev and prod together", async () => {
    await apply(dir("org"));
    await Promise.all([apply(dir("dev")), apply(dir("prod"))]);
    expect(emulator.unhandled).toEqual([]);

    // What AWS holds is what Terraform's state says it made.
    const inState = (type: string) => STACKS.reduce((n, s) => n + stateResources(dir(s)).filter((r) => r.type === type).length, 0);
    const st = emulator.state;
    expect(inState("aws_ssoadmin_account_assignment")).toBeGreaterThan(0);
    expect(st.identityCenter.assignments.length).toBe(inState("aws_ssoadmin_account_assignment"));
    expect(st.identityCenter.permissionSets.size).toBe(inState("aws_ssoadmin_permission_set"));
    expect([...st.organization.policies.values()].filter((p) => !p.awsManaged).length).toBe(inState("aws_organizations_policy"));
    const roles = [...st.iam.values()].flatMap((a) => [...a.roles.values()]).filter((r) => r.name !== "OrganizationAccountAccessRole");
    expect(roles.length).toBe(inState("aws_iam_role"));
    // Policies arrive verbatim: the SCP content in AWS is byte-for-byte what the stack wrote.
    const scp = Object.values<any>(stacks.config.org.resource.aws_organizations_policy)[0];
    expect([...st.organization.policies.values()].find((p) => p.name === scp.name)?.content).toBe(scp.content);
  });

  it("re-plans every stack with no changes, reading only", async () => {
    emulator.reset();
    const plans = await Promise.all(STACKS.map((s) => plan(dir(s), { json: false })));
    for (const [i, p] of plans.entries()) {
      // A perpetual diff shows here as a count; planChanges (a second plan, with show -json) names it.
      const changes = p.add + p.change + p.destroy + p.import ? planChanges(await plan(dir(STACKS[i]))) : [];
      expect({ stack: STACKS[i], add: p.add, change: p.change, destroy: p.destroy, import: p.import, changes }).toEqual({
        stack: STACKS[i],
        add: 0,
        change: 0,
        destroy: 0,
        import: 0,
        changes: [],
      });
    }
    expect(emulator.log.filter((c) => WRITE_OPERATION.test(c.operation) && c.service !== "sts").map((c) => `${c.service}:${c.operation}`)).toEqual([]);
    expect(emulator.unhandled).toEqual([]);
  });
});
