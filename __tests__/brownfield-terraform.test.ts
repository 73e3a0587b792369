/**
 * Adopting the hand-made organization for real: the shared AWS emulator is seeded with it (32
 * accounts, nested OUs, predefined and custom permission sets, assignments to groups and a user, SCPs,
 * a GitHub OIDC provider and roles); `keyless inventory pull` and `keyless import` read it through the
 * real SDK over HTTP; the synthesized stack plans with the real terraform and hashicorp/aws provider as
 * imports only (0 to add, 0 to change, 0 to destroy) and applies, writing nothing to AWS.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliAsync } from "../src/cli/cli";
import type { CliIo } from "../src/cli/context";
import { brownfieldSeed } from "./support/brownfield-seed";
import { Emulator, keyForAccount, startEmulator } from "./support/emulator";
import { addBoundaries, emulatorSeedOf } from "./support/emulator/brownfield-seed";
import { apply, describeTerraform, init, plan, planChanges, prepareStack } from "./support/terraform";
import { tempDir } from "./support/temp";

jest.setTimeout(300_000);

const WRITES = /^(Create|Put|Attach|Detach|Delete|Update|Provision|Tag|Untag|Add|Remove|Enable)/;

describeTerraform("adopting an existing organization: import plans as imports only and applies", () => {
  const seed = brownfieldSeed();
  // Documents as keyless writes them (lists in order, the trust statement's Sid): adopting them rewrites
  // nothing. Documents in another form are reported by keyless import and shown as changes (see
  // brownfield-adoption.test.ts).
  seed.scps.find((p) => p.name === "DenyOtherRegions")!.content = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Deny", NotAction: ["iam:*", "organizations:*", "sts:*"], Resource: "*", Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-central-1", "eu-west-1"] } } },
    ],
  });
  const deploy = seed.accounts.find((a) => a.id === "333333333302")!.roles!.find((r) => r.name === "app-deploy")!;
  const trust = JSON.parse(deploy.trust);
  trust.Statement[0].Sid = "GithubActions";
  deploy.trust = JSON.stringify(trust);
  let emulator: Emulator;
  let cwd: string;
  let stack: string;
  let imports: number;
  let cpu = 0;
  const steps: string[] = [];

  const keyless = async (argv: string[]) => {
    const out: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      cwd,
      env: { AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: keyForAccount(seed.managementAccountId), AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "eu-west-1" },
      isTTY: false,
      today: () => "2026-12-01",
    };
    const code = await runCliAsync(argv, io);
    return { code, out: out.join("\n") };
  };

  beforeAll(async () => {
    emulator = await startEmulator({ seed: emulatorSeedOf(seed) });
    addBoundaries(emulator.state, seed);
    cwd = tempDir("brownfield-tf");
    for (const argv of [
      ["inventory", "pull"],
      ["import", "--account", "shared-services"],
      ["synth", "--out", "cdktf.out"],
    ]) {
      const r = await keyless(argv);
      expect([argv.join(" "), r.code, r.code ? r.out : ""]).toEqual([argv.join(" "), 0, ""]);
      if (argv[0] === "import") expect(r.out).not.toContain("Rewritten by the first apply");
    }
    imports = JSON.parse(readFileSync(join(cwd, "environments", "imports", "adopted.json"), "utf8")).imports.length;
    stack = join(cwd, "cdktf.out", "stacks", "adopted");
    await prepareStack(stack, emulator);
    const i = await init(stack);
    cpu += i.cpuSeconds;
    steps.push(`init ${i.cpuSeconds.toFixed(1)}`);
  });

  afterAll(async () => {
    await emulator?.stop();
    // The harness keeps its CLI config and plugin cache in the temp folder; they are this file's.
    for (const f of readdirSync(tmpdir())) if (f.startsWith("keyless-terraform-")) rmSync(join(tmpdir(), f), { recursive: true, force: true });
  });

  it("the first plan only imports: every adopted object, nothing added, changed or destroyed", async () => {
    emulator.reset();
    const quick = await plan(stack, { json: false });
    cpu += quick.cpuSeconds;
    steps.push(`plan ${quick.cpuSeconds.toFixed(1)}`);
    // The JSON of the plan (a second plan and show) only to say what changes, when something does.
    const p = quick.change + quick.add + quick.destroy ? await plan(stack) : quick;
    const changes = p.json ? planChanges(p).filter((c) => !/: no-op$/.test(c)) : [];
    const updates = (p.json?.resource_changes ?? [])
      .filter((rc: any) => rc.change.actions.some((a: string) => a !== "no-op"))
      .map((rc: any) => {
        const changed = Object.keys({ ...rc.change.before, ...rc.change.after }).filter((k) => JSON.stringify(rc.change.before?.[k]) !== JSON.stringify(rc.change.after?.[k]));
        return `${rc.address}: ${rc.change.actions} ${changed.map((k) => `${k}: ${JSON.stringify(rc.change.before?.[k])} -> ${JSON.stringify(rc.change.after?.[k])}`).join("; ")}`;
      });
    expect({ add: p.add, change: p.change, destroy: p.destroy, import: p.import, updates }).toEqual({ add: 0, change: 0, destroy: 0, import: imports, updates: [] });
    expect(changes).toEqual([]);
    expect(imports).toBeGreaterThan(60);
    expect(Object.keys(emulator.calls()).filter((c) => WRITES.test(c.split(":")[1]))).toEqual([]);
  });

  it("applies: everything imported, nothing added, changed or destroyed, nothing of substance written", async () => {
    const before = JSON.stringify([...emulator.state.identityCenter.permissionSets.values()].map((p) => [p.name, p.sessionDuration, p.inlinePolicy, p.managedPolicies, p.tags]));
    emulator.reset();
    const applied = await apply(stack);
    cpu += applied.cpuSeconds;
    steps.push(`apply ${applied.cpuSeconds.toFixed(1)}`);
    expect(emulator.unhandled).toEqual([]);
    // Apply plans again (refreshing every object) before it imports: its summary is the re-plan.
    expect(/Apply complete! Resources: .*\./.exec(applied.stdout)?.[0]).toBe(`Apply complete! Resources: ${imports} imported, 0 added, 0 changed, 0 destroyed.`);
    expect(Object.keys(emulator.calls()).filter((c) => WRITES.test(c.split(":")[1]))).toEqual([]);
    expect(JSON.stringify([...emulator.state.identityCenter.permissionSets.values()].map((p) => [p.name, p.sessionDuration, p.inlinePolicy, p.managedPolicies, p.tags]))).toBe(
      before,
    );
  });

  it("inventory check, against the same emulator, finds an account created since", async () => {
    expect((await keyless(["inventory", "check"])).code).toBe(0);
    emulator.state.organization.accounts.set("777777777701", {
      id: "777777777701",
      name: "Search Prod",
      email: "search@acme.example",
      parentId: "ou-r00t-70d10004",
      state: "ACTIVE",
      tags: { environment: "prod" },
    });
    const r = await keyless(["inventory", "check"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("New accounts (1):\n  search-prod (777777777701) in workloads/prod, ACTIVE");
  });

  it("stays within the Terraform budget of these tests (30 CPU-s)", () => {
    console.log(`brownfield terraform: ${imports} imports, ${cpu.toFixed(1)} CPU-s (${steps.join(", ")})`);
    expect(cpu).toBeLessThan(30);
  });
});
