/**
 * KL601/KL602/KL605 decide "administrator" through the policy model (issue 14, class 9): hand-written
 * administrator access that string checks missed is found, narrower access is not.
 */
import { compileFiles, workspace } from "./support/fixtures";

const admins = (permissionSets: Record<string, unknown>) => {
  const result = compileFiles({
    "prod.yaml": workspace({
      rules: { production: true, adminGroups: ["Platform"] },
      identityCenter: {
        permissionSets,
        groups: { Developers: { source: "external" } },
        assignments: [{ groups: ["Developers"], permissionSets: Object.keys(permissionSets), targets: { accounts: ["app-prod"] } }],
      },
    }),
  });
  return result.diagnostics.filter((d) => d.code === "KL601").map((d) => /permission set "(\w+)"/.exec(d.message)![1]);
};

const inline = (...Statement: object[]) => ({ inlinePolicy: { Statement } });

describe("administrator permission sets, decided semantically", () => {
  it("finds administrator access however it is written", () => {
    expect(
      admins({
        NotActionAllow: inline({ Effect: "Allow", NotAction: ["s3:*"], Resource: "*" }),
        IamStar: inline({ Effect: "Allow", Action: "iam:*", Resource: "*" }),
        IamFull: { managedPolicies: ["IAMFullAccess"] },
        AlwaysTrue: inline({ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringLike: { "aws:PrincipalArn": "*" } } }),
        NotResource: inline({ Effect: "Allow", Action: "iam:PutRolePolicy", NotResource: "arn:aws:iam::*:role/BreakGlass" }),
        PowerPass: { managedPolicies: ["PowerUserAccess"], ...inline({ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }) },
      }).sort(),
    ).toEqual(["AlwaysTrue", "IamFull", "IamStar", "NotActionAllow", "NotResource", "PowerPass"]);
  });

  it("leaves narrower access alone", () => {
    expect(
      admins({
        Power: { managedPolicies: ["PowerUserAccess"] },
        ReadOnly: { managedPolicies: ["ReadOnlyAccess"] },
        RegionOnly: inline({ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }),
        OwnRoles: inline({ Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::*:role/team-a/*" }),
        PassOwn: { managedPolicies: ["PowerUserAccess"], ...inline({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::*:role/team-a/*" }) },
      }),
    ).toEqual([]);
  });
});
