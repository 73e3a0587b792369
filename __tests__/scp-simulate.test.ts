/**
 * The generated deny-IAM-users guardrail, evaluated by an independent IAM policy evaluator
 * (@cloud-copilot/iam-simulate, AGPL, a dev dependency used only here). The SCP is the one the
 * compiler emits, read back from the plan, attached beside FullAWSAccess; the principal's own policy
 * allows everything, so any denial comes from the guardrail. Each attack of the member-account
 * administrator's threat model is shown to fail, and the legitimate use beside it to still work.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { actionInfo } from "../src/policy/model";
import {
  CREDENTIAL_STATUS_ACTIONS,
  EXISTING_USER_ACTIONS,
  GUARDRAIL_OPT_OUTS,
  LONG_LIVED_CREDENTIAL_ACTIONS,
  ROLE_PROTECTION_ACTIONS,
  STANDING_ACCESS_PATHS,
} from "../src/policy/deny-iam-users";
import { compileFiles, ignoring, messages, UNREACHED, UNUSED, workspace } from "./support/fixtures";

const ACCOUNT = "100000000002";
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const ADMIN = role("member-admin"); // the member account's administrator: iam:* there
const BREAK_GLASS = role("BreakGlass");
const DEPLOYER = role("OrganizationAccountAccessRole"); // keyless's member-account role
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const SUFFIX = "0a1b2c3d4e5f6789";
const sso = (name: string, region = "") => role(`aws-reserved/sso.amazonaws.com/${region}AWSReservedSSO_${name}_${SUFFIX}`);

function guardrail(options: Record<string, unknown> = {}): object {
  const result = compileFiles({
    "org.yaml": workspace({
      identityCenter: { permissionSets: { Admin: { name: "PlatformAdmin", managedPolicies: ["AdministratorAccess"] }, ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } } },
      guardrails: { denyIamUsers: { targets: { organizationalUnits: ["workloads"] }, exemptRoles: ["BreakGlass"], exemptPermissionSets: ["Admin"], ...options } },
    }),
  });
  expect(messages(ignoring(result, [...UNUSED, ...UNREACHED, "KL411"]))).toBe(""); // the permission sets exist only to be exempted
  return JSON.parse(result.plan!.workspaces[0].guardrails.policies[0].content);
}

/** A resource of the kind the action takes (IAM's ARN templates), or an explicit one. */
function resourceFor(action: string): string {
  const template = actionInfo(action)?.resourceArns[0];
  if (!template) return "*";
  return template
    .replace("${Partition}", "aws")
    .replace("${Region}", "eu-west-1")
    .replace("${Account}", ACCOUNT)
    .replace(/\$\{RoleNameWithPath\}|\$\{RoleName\}/, "app-role")
    .replace(/\$\{[^}]*\}/g, "x");
}

async function evaluate(scp: object, principal: string, action: string, context: Record<string, string | string[]> = {}, resource = resourceFor(action)): Promise<string> {
  const result = await runSimulation(
    {
      request: { principal, action, resource: { resource, accountId: ACCOUNT }, contextVariables: { "aws:PrincipalArn": principal, ...context } },
      identityPolicies: [{ name: "allow-all", policy: ALLOW_ALL }],
      serviceControlPolicies: [
        {
          orgIdentifier: "ou-ab12-22222222",
          policies: [
            { name: "FullAWSAccess", policy: ALLOW_ALL },
            { name: "keyless-deny-iam-users", policy: scp },
          ],
        },
      ],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
  return result.overallResult;
}

/** Evaluates each case and returns [label, result] pairs, for one readable toEqual. */
async function all(scp: object, cases: readonly [string, string, string?, Record<string, string | string[]>?][]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const [principal, action, resource, context] of cases)
    out.push([`${principal.split(":").pop()} ${action} ${resource ?? ""}`, await evaluate(scp, principal, action, context, resource)]);
  return out;
}
const expectAll = async (scp: object, cases: readonly [string, string, string?, Record<string, string | string[]>?][], want: string) => {
  const got = await all(scp, cases);
  expect(got).toEqual(got.map(([k]) => [k, want]));
};

const CREATION = [...LONG_LIVED_CREDENTIAL_ACTIONS, ...EXISTING_USER_ACTIONS, ...CREDENTIAL_STATUS_ACTIONS];
const PATHS = Object.values(STANDING_ACCESS_PATHS).flat();
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
  "iam:DetachUserPolicy",
  "iam:RemoveUserFromGroup",
  "iam:CreateRole",
  "iam:PassRole",
  "sts:AssumeRole",
  "s3:GetObject",
];

describe("deny-IAM-users guardrail, evaluated by iam-simulate", () => {
  const scp = guardrail();

  it("denies every credential and standing-access path to the member-account administrator", async () => {
    await expectAll(
      scp,
      [...CREATION, ...PATHS].map((a) => [ADMIN, a] as [string, string]),
      "ExplicitlyDenied",
    );
  });

  it("leaves listing, reading, deleting and ordinary roles allowed", async () => {
    await expectAll(
      scp,
      STILL_ALLOWED.map((a) => [ADMIN, a] as [string, string]),
      "Allowed",
    );
  });

  it("allows every denied action to the break-glass role and the exempt permission set (both path forms)", async () => {
    await expectAll(
      scp,
      [BREAK_GLASS, sso("PlatformAdmin"), sso("PlatformAdmin", "eu-west-1/")].flatMap((p) => [...CREATION, ...PATHS].map((a) => [p, a] as [string, string])),
      "Allowed",
    );
  });

  it("matches the exempt permission set's reserved role exactly, not by prefix (class 6)", async () => {
    const lookalikes = [
      sso("PlatformAdmin_ReadOnly"),
      sso("PlatformAdminX"),
      sso("ReadOnly"),
      role(`aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_${SUFFIX}x`),
      role("BreakGlassCopy"),
      role("ops/BreakGlass"),
    ];
    await expectAll(
      scp,
      lookalikes.map((p) => [p, "iam:CreateAccessKey"] as [string, string]),
      "ExplicitlyDenied",
    );
  });

  it("stops anyone else from claiming an exempt role: create, rewrite, attach, tag, delete, pass or assume it (class 1)", async () => {
    await expectAll(
      scp,
      [BREAK_GLASS, DEPLOYER].flatMap((r) => ROLE_PROTECTION_ACTIONS.map((a) => [ADMIN, a, r] as [string, string, string])),
      "ExplicitlyDenied",
    );
    // Roles on the reserved path: IAM itself refuses most changes there (the evaluator models it), and
    // the guardrail denies the rest (assuming them) and all of it again.
    const reserved = await all(
      scp,
      [sso("PlatformAdmin"), sso("PlatformAdmin", "eu-west-1/")].flatMap((r) => ROLE_PROTECTION_ACTIONS.map((a) => [ADMIN, a, r] as [string, string, string])),
    );
    expect(reserved.filter(([, r]) => r === "Allowed")).toEqual([]);
    expect(await evaluate(scp, ADMIN, "sts:AssumeRole", {}, sso("PlatformAdmin"))).toBe("ExplicitlyDenied");
    // The exempt permission set's own sessions cannot rewrite the break-glass role either.
    await expectAll(scp, [[sso("PlatformAdmin"), "iam:UpdateAssumeRolePolicy", BREAK_GLASS]], "ExplicitlyDenied");
  });

  it("lets keyless's member-account role and the break-glass role manage the protected roles", async () => {
    await expectAll(
      scp,
      [DEPLOYER, BREAK_GLASS].flatMap((p) => ROLE_PROTECTION_ACTIONS.map((a) => [p, a, BREAK_GLASS] as [string, string, string])),
      "Allowed",
    );
    await expectAll(
      scp,
      [
        [ADMIN, "iam:UpdateAssumeRolePolicy", role("app-role")],
        [ADMIN, "iam:AttachRolePolicy", role("ci/app-deploy")],
      ],
      "Allowed",
    );
  });

  it("lets keyless's member-account role create identity providers (the GitHub OIDC provider), nothing else", async () => {
    await expectAll(
      scp,
      STANDING_ACCESS_PATHS.identityProviders.map((a) => [DEPLOYER, a] as [string, string]),
      "Allowed",
    );
    await expectAll(
      scp,
      [...LONG_LIVED_CREDENTIAL_ACTIONS, ...STANDING_ACCESS_PATHS.rolesAnywhere].map((a) => [DEPLOYER, a] as [string, string]),
      "ExplicitlyDenied",
    );
  });

  it("denies using long-term Bedrock API keys, not short-term ones", async () => {
    await expectAll(scp, [[ADMIN, "bedrock:CallWithBearerToken", "*", { "bedrock:BearerTokenType": "LONG_TERM" }]], "ExplicitlyDenied");
    await expectAll(scp, [[ADMIN, "bedrock:CallWithBearerToken", "*", { "bedrock:BearerTokenType": "SHORT_TERM" }]], "Allowed");
  });

  it("denies the member account's root user, except sessions opened with sts:AssumeRoot (class 4)", async () => {
    await expectAll(
      scp,
      ["s3:GetObject", "iam:CreateAccessKey", "ec2:RunInstances"].map((a) => [ROOT, a] as [string, string]),
      "ExplicitlyDenied",
    );
    await expectAll(scp, [[ROOT, "s3:PutBucketPolicy", "arn:aws:s3:::locked-bucket", { "aws:AssumedRoot": "true" }]], "Allowed");
  });

  it("allows deactivating and re-activating keys only with allowKeyStatusChanges", async () => {
    const open = guardrail({ allowKeyStatusChanges: true });
    await expectAll(
      open,
      CREDENTIAL_STATUS_ACTIONS.map((a) => [ADMIN, a] as [string, string]),
      "Allowed",
    );
    await expectAll(open, [[ADMIN, "iam:CreateAccessKey"]], "ExplicitlyDenied");
  });

  it("leaves open exactly the paths that are opted out, and keeps the rest", async () => {
    const reasons = Object.fromEntries(GUARDRAIL_OPT_OUTS.map((k) => [k, `EKS and the IoT fleet need ${k} until the 2027 migration`]));
    const open = guardrail({ allow: reasons });
    await expectAll(
      open,
      [...PATHS.map((a) => [ADMIN, a] as [string, string]), [ADMIN, "bedrock:CallWithBearerToken", "*", { "bedrock:BearerTokenType": "LONG_TERM" }], [ROOT, "s3:GetObject"]],
      "Allowed",
    );
    await expectAll(open, [...CREATION.map((a) => [ADMIN, a] as [string, string]), [ADMIN, "iam:UpdateAssumeRolePolicy", BREAK_GLASS]], "ExplicitlyDenied");
  });
});

describe("merged guardrails, evaluated by iam-simulate", () => {
  it("deny exactly what the separate SCPs denied, exemptions included", async () => {
    const result = compileFiles({
      "org.yaml": workspace({
        guardrails: {
          merge: true,
          denyIamUsers: { targets: { organizationalUnits: ["workloads"] }, exemptRoles: ["BreakGlass"] },
          policies: {
            "deny-leaving": {
              document: { Statement: [{ Sid: "DenyLeaving", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] },
              targets: { organizationalUnits: ["workloads"] },
            },
          },
        },
      }),
    });
    expect(messages(ignoring(result, UNREACHED))).toBe("");
    const [merged] = result.plan!.workspaces[0].guardrails.policies;
    expect(merged.mergedFrom).toHaveLength(2);
    const scp = JSON.parse(merged.content);
    await expectAll(
      scp,
      [
        [ADMIN, "iam:CreateUser"],
        [ADMIN, "organizations:LeaveOrganization"],
        [BREAK_GLASS, "organizations:LeaveOrganization"],
      ],
      "ExplicitlyDenied",
    );
    await expectAll(
      scp,
      [
        [BREAK_GLASS, "iam:CreateUser"],
        [ADMIN, "s3:GetObject"],
      ],
      "Allowed",
    );
  });
});
