import { Testing } from "cdktf";
import { EnvironmentStack } from "../modules/environment-stack";
import type { WorkspacePlan } from "../src/plan";
import { compileFiles, inventory, workspace } from "./support/fixtures";

/** The synthesized JSON of each workspace of a compiled fixture. */
function synth(files: Record<string, unknown>): Record<string, any> {
  const result = compileFiles(files, "2026-11-01");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out: Record<string, any> = {};
  for (const ws of result.plan!.workspaces as WorkspacePlan[]) out[ws.name] = JSON.parse(Testing.synth(new EnvironmentStack(Testing.app(), ws.name, { plan: ws })));
  return out;
}

const org = () =>
  workspace({
    identityCenter: {
      permissionSets: {
        ReadOnly: { managedPolicies: ["ReadOnlyAccess"] },
        Contractor: {
          name: "ContractorRO",
          managedPolicies: ["ReadOnlyAccess"],
          customerManagedPolicies: [{ name: "deny-data", path: "/acme/" }],
          permissionsBoundary: { managedPolicy: "ReadOnlyAccess" },
          inlinePolicy: { Statement: [{ Effect: "Deny", Action: ["secretsmanager:GetSecretValue"], Resource: "*" }] },
        },
        Bare: {},
      },
      groups: { Platform: { source: "external" }, Contractors: { source: "external" } },
      assignments: [
        { groups: ["Platform"], permissionSets: ["ReadOnly", "Bare"], targets: { organizationalUnits: ["workloads"] } },
        { groups: ["Contractors"], permissionSets: ["Contractor"], targets: { accounts: ["app-dev", "app-prod"] } },
      ],
    },
  });

describe("account assignments in Terraform", () => {
  const { org: tf } = synth({ "org.yaml": org() });
  const assignments = tf.resource.aws_ssoadmin_account_assignment;

  it("are one resource per permission set, named after its AWS name, iterating over a local map", () => {
    expect(Object.keys(assignments).sort()).toEqual(["Bare", "ContractorRO", "ReadOnly"]);
    for (const [name, r] of Object.entries<any>(assignments)) {
      // A reference, not a literal map: Terraform evaluates for_each once per instance.
      expect(r.for_each).toBe(`\${local.account_assignments_${name}}`);
      expect(r.principal_id).toBe("${local.principal_ids[each.value.principal]}");
      expect(r.target_id).toBe("${each.value.account_id}");
    }
    expect(assignments.ContractorRO.permission_set_arn).toBe("${aws_ssoadmin_permission_set.Contractor.arn}");
    expect(tf.locals.account_assignments_ContractorRO).toEqual({
      "group:Contractors/100000000002": { account_id: "100000000002", principal: "group:Contractors", principal_type: "GROUP" },
      "group:Contractors/100000000005": { account_id: "100000000005", principal: "group:Contractors", principal_type: "GROUP" },
    });
    expect(Object.keys(tf.locals.account_assignments_ReadOnly)).toEqual(["group:Platform/100000000002", "group:Platform/100000000003", "group:Platform/100000000005"]);
  });

  it("depend on their own permission set's policies, boundary and inline policy, and nothing else", () => {
    expect(assignments.ContractorRO.depends_on).toEqual([
      "aws_ssoadmin_managed_policy_attachment.Contractor",
      "aws_ssoadmin_customer_managed_policy_attachment.Contractor",
      "aws_ssoadmin_permissions_boundary_attachment.Contractor",
      "aws_ssoadmin_permission_set_inline_policy.Contractor",
    ]);
    expect(assignments.ReadOnly.depends_on).toEqual(["aws_ssoadmin_managed_policy_attachment.ReadOnly"]);
    expect(assignments.Bare.depends_on).toBeUndefined();
  });

  it("move every grant from its address in the single resource of earlier versions", () => {
    const moved: { from: string; to: string }[] = tf.moved;
    const grants = Object.entries<any>(tf.locals)
      .filter(([k]) => k.startsWith("account_assignments_"))
      .reduce((n, [, m]) => n + Object.keys(m).length, 0);
    expect(moved.filter((m) => m.from.startsWith("aws_ssoadmin_account_assignment.this["))).toHaveLength(grants);
    expect(moved).toContainEqual({
      from: 'aws_ssoadmin_account_assignment.this["group:Contractors/Contractor/app-dev"]',
      to: 'aws_ssoadmin_account_assignment.ContractorRO["group:Contractors/100000000005"]',
    });
    expect(moved.map((m) => m.from)).toEqual([...moved.map((m) => m.from)].sort());
  });

  it("keep their addresses when an account is renamed in the inventory (same account id)", () => {
    const renamed = inventory() as any;
    renamed.accounts["application-dev"] = renamed.accounts["app-dev"];
    delete renamed.accounts["app-dev"];
    const defs = org() as any;
    defs.identityCenter.assignments[1].targets.accounts = ["application-dev", "app-prod"];
    const after = synth({ "shared/organization.yaml": renamed, "org.yaml": defs }).org;
    expect(after.resource.aws_ssoadmin_account_assignment).toEqual(assignments);
    expect(after.locals).toEqual(tf.locals);
  });
});

describe("principals and permission sets of expired grants", () => {
  const defs = (expires: string) => ({
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
        groups: { Platform: { source: "external" } },
        users: { "contractor@example.com": { source: "external" } },
        assignments: [{ groups: ["Platform"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] } }],
      },
    }),
    "dev.yaml": workspace({
      identityCenter: {
        groups: { Contractors: { source: "external" } },
        users: { "contractor@example.com": { source: "external" } },
        assignments: [
          { users: ["contractor@example.com"], groups: ["Contractors"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] }, expires },
        ],
      },
    }),
  });

  it("are looked up while a grant is in force", () => {
    const dev = synth(defs("2027-01-01")).dev;
    expect(Object.keys(dev.locals.principal_ids)).toEqual(["group:Contractors", "user:contractor@example.com"]);
    expect(dev.data.aws_identitystore_user.lookup.for_each).toContain("contractor@example.com");
    expect(dev.data.aws_identitystore_group.lookup.for_each).toContain("Contractors");
  });

  it("are not looked up once every grant naming them expired, so a deprovisioned IdP user breaks no plan", () => {
    const result = compileFiles(defs("2026-10-01"), "2026-11-01");
    const dev = result.plan!.workspaces.find((w) => w.name === "dev")!;
    expect(dev.identityCenter.assignments).toEqual([]);
    expect(dev.identityCenter.userLookups).toEqual([]);
    expect(dev.identityCenter.groupLookups).toEqual([]);
    expect(dev.identityCenter.permissionSetLookups).toEqual([]);
    const tf = synth(defs("2026-10-01")).dev;
    expect(tf.data?.aws_identitystore_user).toBeUndefined();
    expect(tf.data?.aws_identitystore_group).toBeUndefined();
    expect(tf.resource?.aws_ssoadmin_account_assignment).toBeUndefined();
  });
});
