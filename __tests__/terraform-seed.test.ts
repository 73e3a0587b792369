/**
 * A seeded emulator is an existing organization: a permission set that already exists in Identity
 * Center makes the apply that creates one of the same name fail with AWS's own ConflictException,
 * and nothing else of that name is created.
 */
import { Emulator, startEmulator } from "./support/emulator";
import { seedFromDefinitions } from "./support/emulator/seed-from-definitions";
import { writeDefinitions, workspace } from "./support/fixtures";
import { prepareStacks } from "./support/stacks";
import { tempDir } from "./support/temp";
import { apply, describeTerraform, init, validate } from "./support/terraform";

jest.setTimeout(300_000);

describeTerraform("a seeded organization, against terraform", () => {
  let emulator: Emulator;
  let dir: string;

  beforeAll(async () => {
    const definitions = writeDefinitions({
      "access.yaml": workspace({
        identityCenter: {
          permissionSets: { Auditor: { description: "Reads configuration", managedPolicies: ["ReadOnlyAccess"] } },
          groups: { Audit: { source: "external" } },
          assignments: [{ groups: ["Audit"], permissionSets: ["Auditor"], targets: { accounts: ["audit"] } }],
        },
      }),
    });
    const seed = seedFromDefinitions(definitions);
    // Someone made "Auditor" by hand before keyless.
    emulator = await startEmulator({ seed: { ...seed, identityCenter: { ...seed.identityCenter, permissionSets: [{ name: "Auditor", description: "hand-made" }] } } });
    // The provider retries ConflictException with backoff (25 tries, minutes): one try shows it at once.
    const stacks = await prepareStacks(definitions, tempDir("tf-seed"), emulator, "2026-11-01", { maxRetries: 1 });
    dir = stacks.dirs.access;
    await init(dir);
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it("validates (terraform validate on the prepared stack: override, mirror's provider)", async () => {
    expect((await validate(dir)).stdout).toContain("The configuration is valid");
  });

  it("fails the apply with ConflictException from CreatePermissionSet", async () => {
    await expect(apply(dir)).rejects.toThrow(/CreatePermissionSet.*ConflictException: PermissionSet with name Auditor already exists/);
    expect(emulator.calls()["sso-admin:CreatePermissionSet"]).toBe(1);
    const sets = [...emulator.state.identityCenter.permissionSets.values()];
    expect(sets.map((p) => [p.name, p.description])).toEqual([["Auditor", "hand-made"]]);
    expect(emulator.state.identityCenter.assignments).toEqual([]);
  });
});
