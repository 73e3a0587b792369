/**
 * The generated deny-IAM-users guardrail, evaluated by an independent IAM policy evaluator
 * (@cloud-copilot/iam-simulate, AGPL, a dev dependency used only here). The SCP is the one the
 * compiler emits, read back from the plan, attached beside FullAWSAccess; the principal's own policy
 * allows everything, so any denial comes from the guardrail.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { CREDENTIAL_STATUS_ACTIONS, LONG_LIVED_CREDENTIAL_ACTIONS } from "../src/policy/deny-iam-users";
import { compileFiles, ignoring, messages, UNUSED, workspace } from "./support/fixtures";

const ACCOUNT = "100000000002";
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app-deployer`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/BreakGlass`;
const SSO_ADMIN = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PlatformAdmin_0a1b2c3d4e5f6789`;
const SSO_READONLY = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_0a1b2c3d4e5f6789`;

function guardrail(options: Record<string, unknown> = {}): object {
  const result = compileFiles({
    "org.yaml": workspace({
      identityCenter: { permissionSets: { Admin: { name: "PlatformAdmin", managedPolicies: ["AdministratorAccess"] }, ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } } },
      guardrails: { denyIamUsers: { targets: { organizationalUnits: ["workloads"] }, exemptRoles: ["BreakGlass"], exemptPermissionSets: ["Admin"], exemptPrincipalTags: { "keyless-exempt": "true" }, ...options } },
    }),
  });
  expect(messages(ignoring(result, UNUSED))).toBe(""); // the permission sets exist only to be exempted
  return JSON.parse(result.plan!.workspaces[0].guardrails.policies[0].content);
}

function resourceFor(action: string): string {
  if (action.startsWith("s3:")) return "arn:aws:s3:::acme-artifacts/build.zip";
  if (action === "iam:ListUsers" || action.startsWith("organizations:")) return "*";
  if (/Role$/.test(action) || action === "sts:TagSession") return `arn:aws:iam::${ACCOUNT}:role/new-role`;
  return `arn:aws:iam::${ACCOUNT}:user/alice`;
}

async function evaluate(scp: object, principal: string, action: string, context: Record<string, string | string[]> = {}): Promise<string> {
  const result = await runSimulation(
    {
      request: { principal, action, resource: { resource: resourceFor(action), accountId: ACCOUNT }, contextVariables: { "aws:PrincipalArn": principal, ...context } },
      identityPolicies: [{ name: "allow-all", policy: ALLOW_ALL }],
      serviceControlPolicies: [{ orgIdentifier: "ou-ab12-22222222", policies: [{ name: "FullAWSAccess", policy: ALLOW_ALL }, { name: "keyless-deny-iam-users", policy: scp }] }],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
  return result.overallResult;
}

const CREATION = [...LONG_LIVED_CREDENTIAL_ACTIONS, ...CREDENTIAL_STATUS_ACTIONS];
const STILL_ALLOWED = [
  "iam:ListUsers",
  "iam:GetUser",
  "iam:ListAccessKeys",
  "iam:GetAccessKeyLastUsed",
  "iam:GetLoginProfile",
  "iam:DeleteUser",
  "iam:DeleteAccessKey",
  "iam:DeleteLoginProfile",
  "iam:DeleteSSHPublicKey",
  "iam:DeleteSigningCertificate",
  "iam:DeleteServiceSpecificCredential",
  "iam:CreateRole",
  "s3:GetObject",
];

describe("deny-IAM-users guardrail, evaluated by iam-simulate", () => {
  const scp = guardrail();

  it.each(CREATION)("denies %s to an ordinary role", async (action) => {
    expect(await evaluate(scp, ROLE, action)).toBe("ExplicitlyDenied");
  });

  it.each(STILL_ALLOWED)("leaves %s allowed for an ordinary role", async (action) => {
    expect(await evaluate(scp, ROLE, action)).toBe("Allowed");
  });

  it.each([
    ["the break-glass role", BREAK_GLASS, {}],
    ["the exempt permission set's reserved role (regional path)", SSO_ADMIN, {}],
    ["a principal with the exempt tag", ROLE, { "aws:PrincipalTag/keyless-exempt": "true" }],
  ])("allows every creation action to %s", async (_what, principal, context) => {
    for (const action of CREATION) expect([action, await evaluate(scp, principal, action, context)]).toEqual([action, "Allowed"]);
  });

  it.each([
    ["a permission set that is not exempt", SSO_READONLY, {}],
    ["a role with the exempt tag key but another value", ROLE, { "aws:PrincipalTag/keyless-exempt": "false" }],
    ["a role whose name only starts like the break-glass role", `arn:aws:iam::${ACCOUNT}:role/BreakGlassCopy`, {}],
  ])("still denies %s", async (_what, principal, context) => {
    expect(await evaluate(scp, principal, "iam:CreateAccessKey", context)).toBe("ExplicitlyDenied");
  });

  it("denies putting the exemption tag on a role or a session unless the caller is exempt", async () => {
    const tagging = { "aws:TagKeys": ["keyless-exempt"] };
    for (const action of ["iam:TagRole", "iam:CreateRole", "sts:TagSession"]) {
      expect([action, await evaluate(scp, ROLE, action, tagging)]).toEqual([action, "ExplicitlyDenied"]);
      expect([action, await evaluate(scp, BREAK_GLASS, action, tagging)]).toEqual([action, "Allowed"]);
    }
    expect(await evaluate(scp, ROLE, "iam:TagRole", { "aws:TagKeys": ["team"] })).toBe("Allowed");
  });

  it("allows deactivating and re-activating keys only with allowKeyStatusChanges", async () => {
    const open = guardrail({ allowKeyStatusChanges: true });
    for (const action of CREDENTIAL_STATUS_ACTIONS) expect([action, await evaluate(open, ROLE, action)]).toEqual([action, "Allowed"]);
    expect(await evaluate(open, ROLE, "iam:CreateAccessKey")).toBe("ExplicitlyDenied");
  });
});

describe("merged guardrails, evaluated by iam-simulate", () => {
  it("deny exactly what the separate SCPs denied, exemptions included", async () => {
    const result = compileFiles({
      "org.yaml": workspace({
        guardrails: {
          merge: true,
          denyIamUsers: { targets: { organizationalUnits: ["workloads"] }, exemptRoles: ["BreakGlass"] },
          policies: { "deny-leaving": { document: { Statement: [{ Sid: "DenyLeaving", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] }, targets: { organizationalUnits: ["workloads"] } } },
        },
      }),
    });
    expect(messages(result)).toBe("");
    const [merged] = result.plan!.workspaces[0].guardrails.policies;
    expect(merged.mergedFrom).toHaveLength(2);
    const scp = JSON.parse(merged.content);
    expect(await evaluate(scp, ROLE, "iam:CreateUser")).toBe("ExplicitlyDenied");
    expect(await evaluate(scp, BREAK_GLASS, "iam:CreateUser")).toBe("Allowed");
    expect(await evaluate(scp, ROLE, "s3:GetObject")).toBe("Allowed");
    // The leaving statement carries no exemption, so it binds the break-glass role too.
    expect(await evaluate(scp, ROLE, "organizations:LeaveOrganization")).toBe("ExplicitlyDenied");
    expect(await evaluate(scp, BREAK_GLASS, "organizations:LeaveOrganization")).toBe("ExplicitlyDenied");
  });
});
