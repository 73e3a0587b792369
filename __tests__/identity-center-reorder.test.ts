import { Testing } from "cdktf";
import { EnvironmentStack } from "../modules/environment-stack";
import type { AccessPlan } from "../src/plan";
import { compileFiles, workspace } from "./support/fixtures";

/** Every Terraform address of every stack: `<ws>:<type>.<name>` and `<ws>:<type>.<name>["<for_each key>"]`. */
function addresses(plan: AccessPlan): string[] {
  const out: string[] = [];
  for (const ws of plan.workspaces) {
    const json = JSON.parse(Testing.synth(new EnvironmentStack(Testing.app(), ws.name, { plan: ws })));
    for (const kind of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries<Record<string, any>>(json[kind] ?? {})) {
        for (const [name, body] of Object.entries<any>(byName)) {
          const at = `${ws.name}:${kind === "data" ? "data." : ""}${type}.${name}`;
          const local = typeof body.for_each === "string" ? /^\$\{local\.([A-Za-z0-9_-]+)\}$/.exec(body.for_each) : null;
          const each = local ? json.locals[local[1]] : body.for_each;
          if (each && typeof each === "object") for (const k of Array.isArray(each) ? each : Object.keys(each)) out.push(`${at}[${JSON.stringify(k)}]`);
          else if (typeof each === "string") out.push(`${at}[${each}]`);
          else out.push(at);
        }
      }
    }
  }
  return out.sort();
}

/** A deterministic shuffle (reverse, then rotate) of lists and of map key order, recursively. */
function shuffle(value: unknown): unknown {
  if (Array.isArray(value)) {
    const r = value.map(shuffle).reverse();
    return r.length > 2 ? [...r.slice(1), r[0]] : r;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffle(v)]));
  }
  return value;
}

const org = (extraAccounts: string[] = []) =>
  workspace({
    identityCenter: {
      permissionSets: {
        ReadOnly: { managedPolicies: ["ReadOnlyAccess", "job-function/ViewOnlyAccess"], customerManagedPolicies: [{ name: "a" }, { name: "b", path: "/x/" }] },
        Admin: { managedPolicies: ["AdministratorAccess"], permissionsBoundary: { managedPolicy: "PowerUserAccess" } },
        Ops: { inlinePolicy: { Statement: [{ Effect: "Allow", Action: ["ecs:UpdateService", "ecs:StopTask"], Resource: "*" }] } },
      },
      groups: {
        Platform: { source: "external" },
        Data: { source: "external" },
        BreakGlass: { source: "managed", members: ["alice", "bob@acme.example", "carol"] },
      },
      users: {
        alice: { source: "managed", displayName: "Alice", givenName: "Alice", familyName: "Doe" },
        carol: { source: "managed", displayName: "Carol", givenName: "Carol", familyName: "Roe" },
        "bob@acme.example": { source: "external" },
      },
      accessControlAttributes: { team: ["${path:enterprise.department}"], cost: ["${path:enterprise.costCenter}"] },
      assignments: [
        { groups: ["Platform", "Data"], permissionSets: ["ReadOnly", "Ops"], targets: { organizationalUnits: ["workloads", "security"] } },
        { groups: ["BreakGlass"], permissionSets: ["Admin", "ReadOnly"], targets: { organization: true, includeManagementAccount: true, exclude: { accounts: ["audit"] } } },
        { groups: ["Data"], permissionSets: ["Admin"], targets: { tags: { env: "dev" }, accounts: ["app-prod", ...extraAccounts] }, expires: "2027-06-30" },
      ],
    },
  });

describe("Terraform addresses", () => {
  it("are identical when every list and map is reordered", () => {
    const a = compileFiles({ "org.yaml": org() }, "2026-11-01");
    const b = compileFiles({ "org.yaml": shuffle(org()) }, "2026-11-01");
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    const before = addresses(a.plan!);
    expect(addresses(b.plan!)).toEqual(before);
    // The shuffle really reordered the definitions.
    expect(JSON.stringify(shuffle(org()))).not.toEqual(JSON.stringify(org()));
    expect(before).toContain('org:aws_ssoadmin_account_assignment.Admin["group:Data/100000000002"]');
    expect(before).toContain('org:aws_identitystore_group_membership.this["BreakGlass/bob@acme.example"]');
    expect(before).toContain('org:aws_ssoadmin_customer_managed_policy_attachment.ReadOnly["/x/b"]');
  });

  it("grow by exactly one resource when one grant is added", () => {
    const before = addresses(compileFiles({ "org.yaml": org() }, "2026-11-01").plan!);
    const after = addresses(compileFiles({ "org.yaml": org(["data-prod"]) }, "2026-11-01").plan!);
    expect(after.filter((x) => !before.includes(x))).toEqual(['org:aws_ssoadmin_account_assignment.Admin["group:Data/100000000003"]']);
    expect(before.filter((x) => !after.includes(x))).toEqual([]);
  });
});
