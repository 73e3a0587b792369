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
    expect(assignments.ContractorRO.permission_set_arn).toBe("${aws_ssoadmin_permission_set.ContractorRO.arn}");
    expect(tf.locals.account_assignments_ContractorRO).toEqual({
      "group:Contractors/100000000002": { account_id: "100000000002", principal: "group:Contractors", principal_type: "GROUP" },
      "group:Contractors/100000000005": { account_id: "100000000005", principal: "group:Contractors", principal_type: "GROUP" },
    });
    expect(Object.keys(tf.locals.account_assignments_ReadOnly)).toEqual(["group:Platform/100000000002", "group:Platform/100000000003", "group:Platform/100000000005"]);
  });

  it("depend on their own permission set's policies, boundary and inline policy, and nothing else", () => {
    expect(assignments.ContractorRO.depends_on).toEqual([
      "aws_ssoadmin_managed_policy_attachment.ContractorRO",
      "aws_ssoadmin_customer_managed_policy_attachment.ContractorRO",
      "aws_ssoadmin_permissions_boundary_attachment.ContractorRO",
      "aws_ssoadmin_permission_set_inline_policy.ContractorRO",
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

  it("keep every address when a permission set key is renamed (same AWS name)", () => {
    const defs = org() as any;
    defs.identityCenter.permissionSets.Contractors = defs.identityCenter.permissionSets.Contractor;
    delete defs.identityCenter.permissionSets.Contractor;
    defs.identityCenter.assignments[1].permissionSets = ["Contractors"];
    const after = synth({ "org.yaml": defs }).org;
    const { "//": _a, ...resources } = after.resource;
    const { "//": _b, ...before } = tf.resource;
    const strip = (r: any) => JSON.parse(JSON.stringify(r, (k, v) => (k === "//" ? undefined : v)));
    expect(strip(resources)).toEqual(strip(before));
  });

  it("move permission sets from their key-derived addresses of earlier versions", () => {
    const moved: { from: string; to: string }[] = tf.moved;
    expect(moved.filter((m) => !m.from.startsWith("aws_ssoadmin_account_assignment.this["))).toEqual([
      { from: "aws_ssoadmin_customer_managed_policy_attachment.Contractor", to: "aws_ssoadmin_customer_managed_policy_attachment.ContractorRO" },
      { from: "aws_ssoadmin_managed_policy_attachment.Contractor", to: "aws_ssoadmin_managed_policy_attachment.ContractorRO" },
      { from: "aws_ssoadmin_permission_set.Contractor", to: "aws_ssoadmin_permission_set.ContractorRO" },
      { from: "aws_ssoadmin_permission_set_inline_policy.Contractor", to: "aws_ssoadmin_permission_set_inline_policy.ContractorRO" },
      { from: "aws_ssoadmin_permissions_boundary_attachment.Contractor", to: "aws_ssoadmin_permissions_boundary_attachment.ContractorRO" },
    ]);
  });

  it("never move from an address the stack declares (one set's key is another's AWS name)", () => {
    const defs = org() as any;
    defs.identityCenter.permissionSets.ContractorRO = { name: "Other", managedPolicies: ["ReadOnlyAccess"] };
    defs.identityCenter.assignments[0].permissionSets.push("ContractorRO");
    const after = synth({ "org.yaml": defs }).org;
    const froms = after.moved.map((m: { from: string }) => m.from);
    expect(froms).not.toContain("aws_ssoadmin_permission_set.ContractorRO");
    expect(froms).toContain("aws_ssoadmin_permission_set.Contractor");
    expect(Object.keys(after.resource.aws_ssoadmin_permission_set).sort()).toEqual(["Bare", "ContractorRO", "Other", "ReadOnly"]);
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
        assignments: [{ users: ["contractor@example.com"], groups: ["Contractors"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] }, expires }],
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

describe("permission sets of other workspaces", () => {
  const files = (orgBackend: unknown) => ({
    "org.yaml": workspace({
      ...(orgBackend ? { backend: orgBackend } : {}),
      identityCenter: { permissionSets: { ReadOnly: { name: "ReadOnlyAccess", managedPolicies: ["ReadOnlyAccess"] } } },
    }),
    "dev.yaml": workspace({
      identityCenter: {
        groups: { Developers: { source: "external" } },
        assignments: [{ groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] } }],
      },
    }),
  });

  it("are read from the owner's published output, with no Identity Center lookup", () => {
    const { org: owner, dev } = synth(files({ s3: { bucket: "state", key: "keyless/org.tfstate", region: "eu-west-1", roleArn: "arn:aws:iam::100000000000:role/state-reader" } }));
    expect(owner.output.permission_set_arns_by_name.value).toEqual({ ReadOnlyAccess: "${aws_ssoadmin_permission_set.ReadOnlyAccess.arn}" });
    expect(dev.data.aws_ssoadmin_permission_set).toBeUndefined();
    expect(dev.data.terraform_remote_state.org).toEqual({
      backend: "s3",
      config: { bucket: "state", key: "keyless/org.tfstate", region: "eu-west-1", assume_role: { role_arn: "arn:aws:iam::100000000000:role/state-reader" } },
      defaults: { permission_set_arns_by_name: {} },
    });
    const r = dev.resource.aws_ssoadmin_account_assignment.ReadOnlyAccess;
    expect(r.permission_set_arn).toBe('${lookup(data.terraform_remote_state.org.outputs.permission_set_arns_by_name, "ReadOnlyAccess", null)}');
    expect(r.lifecycle.precondition).toEqual([
      {
        condition: '${lookup(data.terraform_remote_state.org.outputs.permission_set_arns_by_name, "ReadOnlyAccess", null) != null}',
        error_message:
          "keyless: permission set ReadOnlyAccess belongs to workspace org, whose state publishes no ARN for it yet (output permission_set_arns_by_name). Apply workspace org first, then plan this one again.",
      },
    ]);
  });

  it("find a local owner state where the owner's backend keeps it, relative to the consumer's stack folder", () => {
    const { org: owner, dev } = synth(files(undefined));
    expect(dev.data.terraform_remote_state.org.backend).toBe("local");
    expect(dev.data.terraform_remote_state.org.config.path).toBe(owner.terraform.backend.local.path);
  });

  it("read an HCP Terraform owner through the remote backend", () => {
    const { dev } = synth(files({ cloud: { organization: "acme", workspace: "keyless-org" } }));
    expect(dev.data.terraform_remote_state.org).toMatchObject({
      backend: "remote",
      config: { organization: "acme", hostname: "app.terraform.io", workspaces: { name: "keyless-org" } },
    });
  });
});

describe("external principals pinned by identity store id", () => {
  const GROUP_ID = "a1b2c3d4e5-11111111-2222-3333-4444-555555555555";
  const USER_ID = "22222222-3333-4444-5555-666666666666";
  const files = () => ({
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
        groups: { Developers: { source: "external", id: GROUP_ID }, Platform: { source: "external" } },
        users: { "jane@acme.example": { source: "external", id: USER_ID } },
        assignments: [{ groups: ["Developers", "Platform"], users: ["jane@acme.example"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] } }],
      },
    }),
  });

  it("are used as given and never looked up, so an IdP rename breaks no plan", () => {
    const result = compileFiles(files(), "2026-11-01");
    const ic = result.plan!.workspaces[0].identityCenter;
    expect({ groups: ic.groupLookups, pinned: ic.pinnedGroups, users: ic.userLookups, pinnedUsers: ic.pinnedUsers }).toEqual({
      groups: ["Platform"],
      pinned: [{ name: "Developers", id: GROUP_ID }],
      users: [],
      pinnedUsers: [{ name: "jane@acme.example", id: USER_ID }],
    });
    const tf = synth(files()).org;
    expect(tf.locals.principal_ids).toEqual({
      "group:Developers": GROUP_ID,
      "group:Platform": '${data.aws_identitystore_group.lookup["Platform"].group_id}',
      "user:jane@acme.example": USER_ID,
    });
    expect(tf.data.aws_identitystore_group.lookup.for_each).toBe('${toset(["Platform"])}');
    expect(tf.data.aws_identitystore_user).toBeUndefined();
    // The grant's address is the same as when the group was looked up by name.
    expect(Object.keys(tf.locals.account_assignments_ReadOnly)).toContain("group:Developers/100000000005");
  });

  it("must be external: a managed group or user gets its id from AWS", () => {
    const defs = files() as any;
    defs["org.yaml"].identityCenter.groups.Developers.source = "managed";
    const result = compileFiles(defs, "2026-11-01");
    expect(result.diagnostics.map((d) => `${d.code} ${d.path.join(".")}`)).toContain("KL317 identityCenter.groups.Developers.id");
  });
});
