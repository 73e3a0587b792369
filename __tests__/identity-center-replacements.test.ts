import { join } from "node:path";
import { terraformName } from "../modules/names";
import { synthesize } from "../modules/synth";
import { permissionSetReplacements } from "../src/stack/replacements";
import { readPreviousStacks } from "../src/stack/previous-output";
import type { AccessPlan, PermissionSetPlan, WorkspacePlan } from "../src/plan";
import { runSynth } from "../src/run-synth";
import { workspace, writeDefinitions } from "./support/fixtures";
import { tempDir } from "./support/temp";

/** A previous cdk.tf.json holding these permission sets (address -> AWS name). */
const stack = (sets: Record<string, string>) => ({
  resource: { aws_ssoadmin_permission_set: Object.fromEntries(Object.entries(sets).map(([a, name]) => [a, { name, session_duration: "PT1H" }])) },
});

const ps = (key: string, name = key): PermissionSetPlan => ({ key, name, sessionDuration: "PT1H", tags: {}, managedPolicyArns: [], customerManagedPolicies: [] });
const plan = (sets: Record<string, PermissionSetPlan[]>): AccessPlan => ({
  partition: "aws",
  workspaces: Object.entries(sets).map(([name, permissionSets]) => ({ name, file: `${name}.yaml`, identityCenter: { permissionSets } }) as unknown as WorkspacePlan),
});
const found = (previous: Record<string, unknown>, next: AccessPlan) =>
  permissionSetReplacements(previous, next).map((d) => `${d.code} ${d.severity} ${d.file} ${d.path.join(".")}: ${d.message}`);

describe("permission set replacement hazards", () => {
  it("reports a new name at the same address", () => {
    expect(found({ org: stack({ ReadOnly: "ReadOnly", Admin: "Admin" }) }, plan({ org: [ps("ReadOnly", "ReadOnlyAccess"), ps("Admin")] }))).toEqual([
      'KL313 warning org.yaml identityCenter.permissionSets.ReadOnly.name: permission set ReadOnly is renamed from "ReadOnly" to "ReadOnlyAccess": AWS replaces it, recreating its AWSReservedSSO_ReadOnly_* role as AWSReservedSSO_ReadOnlyAccess_* in every assigned account; users are signed out and policies or EKS access entries that name the old role ARN stop working',
    ]);
  });

  it("is silent when only the key is renamed: permission sets are addressed by their AWS name", () => {
    expect(found({ org: stack({ ReadOnly: "ReadOnly" }) }, plan({ org: [ps("Viewer", "ReadOnly")] }))).toEqual([]);
  });

  it("reads the key from the construct path of an output addressed by AWS name", () => {
    const previous = { org: { resource: { aws_ssoadmin_permission_set: { RO: { name: "RO", "//": { metadata: { path: "org/permission_set_ReadOnly/permission_set" } } } } } } };
    expect(found(previous, plan({ org: [ps("ReadOnly", "ReadOnlyAccess")] }))).toEqual([
      'KL313 warning org.yaml identityCenter.permissionSets.ReadOnly.name: permission set ReadOnly is renamed from "RO" to "ReadOnlyAccess": AWS replaces it, recreating its AWSReservedSSO_RO_* role as AWSReservedSSO_ReadOnlyAccess_* in every assigned account; users are signed out and policies or EKS access entries that name the old role ARN stop working',
    ]);
  });

  it("reports a permission set moved to another workspace, with the hand-over steps", () => {
    const out = permissionSetReplacements({ org: stack({ Billing: "Billing" }), finance: stack({}) }, plan({ org: [], finance: [ps("Billing")] }));
    expect(out.map((d) => [d.file, d.message.split(":")[0]])).toEqual([["finance.yaml", 'permission set "Billing" moves from workspace org to workspace finance']]);
    expect(out[0].fix).toContain("removed block with lifecycle { destroy = false } for aws_ssoadmin_permission_set.Billing");
  });

  it("is silent for unchanged, added and deleted permission sets, and for a first synth", () => {
    expect(found({ org: stack({ A: "A", Gone: "Gone" }) }, plan({ org: [ps("A"), ps("New")] }))).toEqual([]);
    expect(found({}, plan({ org: [ps("A", "B")] }))).toEqual([]);
    expect(found({ org: "not a stack", dev: { resource: { aws_ssoadmin_permission_set: { X: {} } } } }, plan({ org: [ps("X", "Y")] }))).toEqual([]);
  });

  it("matches previous addresses through terraformName, for keys with odd characters", () => {
    const address = terraformName("Read.Only");
    expect(address).not.toBe("Read.Only");
    const out = permissionSetReplacements({ org: stack({ [address]: "Read.Only" }) }, plan({ org: [ps("Read.Only", "ReadOnly")] }));
    expect(out.map((d) => d.path.join("."))).toEqual(["identityCenter.permissionSets.Read.Only.name"]);
    expect(permissionSetReplacements({ org: stack({ [address]: "Read.Only" }) }, plan({ org: [ps("Read.Only")] }))).toEqual([]);
  });

  it("is printed by npm run synth before the new output replaces the old", () => {
    const defs = (name?: string) =>
      writeDefinitions({
        "org.yaml": workspace({
          identityCenter: {
            permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"], ...(name ? { name } : {}) } },
            groups: { Platform: { source: "external" } },
            assignments: [{ groups: ["Platform"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] } }],
          },
        }),
      });
    const outdir = join(tempDir("hazard"), "cdktf.out");
    const run = (dir: string) => {
      const stderr: string[] = [];
      const code = runSynth({ dir, outdir, evaluationDate: "2026-11-01", synthesize, stdout: () => {}, stderr: (t) => stderr.push(t) });
      return { code, stderr: stderr.join("\n") };
    };
    expect(run(defs())).toEqual({ code: 0, stderr: "" });
    expect(Object.keys(readPreviousStacks(outdir))).toEqual(["org"]);
    const second = run(defs("ReadOnlyAccess"));
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("warning KL313 at $.identityCenter.permissionSets.ReadOnly.name");
    expect(second.stderr).toContain('renamed from "ReadOnly" to "ReadOnlyAccess"');
    // The comparison is with what was there before: a third identical run is quiet again.
    expect(run(defs("ReadOnlyAccess")).stderr).toBe("");
  }, 30_000);
});
