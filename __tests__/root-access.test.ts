/**
 * Member-account root users (issue 14, class 4): centralized root access management is emitted as
 * aws_iam_organizations_features in the management account, one owner organization-wide, and the
 * plan says whether the guardrail also denies the root users (for the report). The root-deny
 * statement itself is proven with iam-simulate in scp-simulate.test.ts.
 */
import { Testing } from "cdktf";
import { EnvironmentStack } from "../modules/environment-stack";
import { compileFiles, ignoring, messages, UNREACHED, workspace } from "./support/fixtures";

const withRoot = (rootAccessManagement: object, denyIamUsers: object | undefined = { targets: { root: true } }) =>
  workspace({ guardrails: { rootAccessManagement, ...(denyIamUsers ? { denyIamUsers } : {}) } });

describe("centralized root access management", () => {
  it("plans both features by default and says the guardrail denies the root users", () => {
    const result = compileFiles({ "org.yaml": withRoot({}) });
    expect(messages(ignoring(result, UNREACHED))).toBe("");
    const ws = result.plan!.workspaces[0];
    expect(ws.guardrails.rootAccessManagement).toEqual({
      features: ["RootCredentialsManagement", "RootSessions"],
      rootUserDenied: true,
      declaredAt: ["guardrails", "rootAccessManagement"],
    });
    const out = JSON.parse(Testing.synth(new EnvironmentStack(Testing.app(), ws.name, { plan: ws })));
    expect(out.resource.aws_iam_organizations_features).toEqual({
      root_access_management: expect.objectContaining({ enabled_features: ["RootCredentialsManagement", "RootSessions"] }),
    });
    // In the management account: the default provider, not a member account's alias.
    expect(out.resource.aws_iam_organizations_features.root_access_management.provider).toBeUndefined();
  });

  it("plans the features asked for, and no root deny when the guardrail opts out", () => {
    const result = compileFiles({
      "org.yaml": withRoot(
        { features: ["RootSessions"] },
        { targets: { root: true }, allow: { rootUser: "Root sign-in stays possible until the hardware MFA rollout in March 2027." } },
      ),
    });
    const ws = result.plan!.workspaces[0];
    expect(ws.guardrails.rootAccessManagement?.features).toEqual(["RootSessions"]);
    expect(ws.guardrails.rootAccessManagement?.rootUserDenied).toBe(false);
    expect(JSON.parse(ws.guardrails.policies[0].content).Statement.map((s: { Sid: string }) => s.Sid)).not.toContain("DenyMemberRootUser");
  });

  it("emits nothing when not asked", () => {
    const ws = compileFiles({ "org.yaml": workspace() }).plan!.workspaces[0];
    expect(ws.guardrails.rootAccessManagement).toBeUndefined();
    expect(JSON.parse(Testing.synth(new EnvironmentStack(Testing.app(), ws.name, { plan: ws }))).resource?.aws_iam_organizations_features).toBeUndefined();
  });

  it("has one owner in the organization", () => {
    const result = compileFiles({ "a.yaml": withRoot({}, undefined), "b.yaml": withRoot({}, undefined) });
    expect(messages(result)).toMatch(/error KL205 .*root access management/);
  });
});
