import { Testing } from "cdktf";
import { EnvironmentStack } from "../modules/environment-stack";
import { compileFiles, inventory, workspace } from "./support/fixtures";

/** The org stack's Terraform JSON for a workspace whose guardrails are given. */
function synthGuardrails(guardrails: object): Record<string, Record<string, Record<string, Record<string, unknown>>>> {
  const inv = inventory() as { organizationalUnits: Record<string, Record<string, unknown>> };
  inv.organizationalUnits.workloads.attachedPolicies = ["FullAWSAccess", "aws-guardrails-A"];
  const result = compileFiles({ "shared/organization.yaml": inv, "org.yaml": workspace({ guardrails }) });
  const ws = result.plan!.workspaces[0];
  return JSON.parse(Testing.synth(new EnvironmentStack(Testing.app(), ws.name, { plan: ws })));
}

describe("guardrails in Terraform", () => {
  const json = synthGuardrails({
    denyIamUsers: { targets: { organizationalUnits: ["workloads"], accounts: ["app-dev"] }, exemptRoles: ["BreakGlass"] },
    policies: { "deny-leaving": { document: { Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] }, targets: { root: true } } },
  });
  const policies = json.resource.aws_organizations_policy;
  const attachments = json.resource.aws_organizations_policy_attachment;

  it("creates each SCP with literal minified content, addressed by name", () => {
    expect(Object.keys(policies).sort()).toEqual(["deny_iam_users", "policy_deny-leaving"]);
    expect(policies.deny_iam_users.type).toBe("SERVICE_CONTROL_POLICY");
    expect(policies["policy_deny-leaving"].content).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}');
  });

  it("attaches each SCP through for_each keyed by target name", () => {
    expect(attachments.deny_iam_users.for_each).toEqual({ "account:app-dev": "100000000005", "ou:workloads": "ou-ab12-22222222" });
    expect(attachments["policy_deny-leaving"].for_each).toEqual({ root: "r-ab12" });
  });

  it("never touches FullAWSAccess or the policies the inventory lists: only keyless SCPs are attached", () => {
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/FullAWSAccess|p-FullAWSAccess|aws-guardrails-A/);
    expect(json.data?.aws_organizations_policy).toBeUndefined();
    for (const a of Object.values(attachments)) expect(a.policy_id).toMatch(/^\$\{aws_organizations_policy\.[\w-]+\.id\}$/);
  });
});
