import { compileFiles, ignoring, inventory, messages, UNUSED, UNREACHED, workspace } from "./support/fixtures";

/** The inventory with extra SCPs already attached to workloads (as Control Tower would) and to app-dev. */
function busyInventory(): Record<string, unknown> {
  const inv = inventory() as {
    organizationalUnits: Record<string, Record<string, unknown>>;
    accounts: Record<string, Record<string, unknown>>;
  };
  inv.organizationalUnits.workloads.attachedPolicies = ["FullAWSAccess", "aws-guardrails-A", "aws-guardrails-B"];
  inv.accounts["app-dev"].attachedPolicies = ["legacy-1", "legacy-2", "legacy-3"];
  return inv;
}

const deny = (sid: string, action: string) => ({
  Statement: [{ Sid: sid, Effect: "Deny", Action: action, Resource: "*" }],
});
const customPolicy = (targets: object, sid = "DenyLeaving") => ({
  description: "No leaving",
  document: deny(sid, "organizations:LeaveOrganization"),
  targets,
});

describe("guardrails compiler", () => {
  it("plans the deny-IAM-users SCP with its exemptions, minified, attached to each target", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        identityCenter: {
          permissionSets: {
            Admin: {
              name: "PlatformAdmin",
              managedPolicies: ["AdministratorAccess"],
            },
          },
        },
        guardrails: {
          denyIamUsers: {
            targets: {
              organizationalUnits: ["workloads", "security"],
              root: true,
            },
            exemptRoles: ["BreakGlass", "ops/Recovery"],
            exemptPermissionSets: ["Admin"],
          },
        },
      }),
    });
    expect(messages(ignoring(result, [...UNUSED, ...UNREACHED]))).toBe(""); // Admin exists only to be exempted
    const [scp] = result.plan!.workspaces[0].guardrails.policies;
    expect(scp.targets.map((t) => `${t.key}=${t.id}`)).toEqual(["ou:security=ou-ab12-11111111", "ou:workloads=ou-ab12-22222222", "root=r-ab12"]);
    expect(scp.exemptions).toEqual([
      "role BreakGlass in every account",
      "role ops/Recovery in every account",
      "permission set PlatformAdmin (its AWSReservedSSO_PlatformAdmin_<suffix> roles)",
      "keyless's member-account role OrganizationAccountAccessRole (identity providers and protected roles only)",
    ]);
    expect(scp.content).toMatchInlineSnapshot(
      `"{"Version":"2012-10-17","Statement":[{"Sid":"DenyIamUsersAndLongLivedCredentials","Effect":"Deny","Action":["cognito-identity:CreateIdentityPool","cognito-identity:SetIdentityPoolRoles","cognito-identity:UpdateIdentityPool","iam:AddUserToGroup","iam:AttachGroupPolicy","iam:AttachUserPolicy","iam:ChangePassword","iam:CreateAccessKey","iam:CreateLoginProfile","iam:CreateServiceSpecificCredential","iam:CreateUser","iam:DeleteAccountPasswordPolicy","iam:DeleteUserPermissionsBoundary","iam:PutGroupPolicy","iam:PutUserPolicy","iam:ResetServiceSpecificCredential","iam:UpdateAccessKey","iam:UpdateAccountPasswordPolicy","iam:UpdateLoginProfile","iam:UpdateSSHPublicKey","iam:UpdateServiceSpecificCredential","iam:UpdateSigningCertificate","iam:UploadSSHPublicKey","iam:UploadSigningCertificate","iot:CreateCertificateFromCsr","iot:CreateKeysAndCertificate","iot:CreateRoleAlias","iot:RegisterCACertificate","iot:RegisterCertificate","iot:RegisterCertificateWithoutCA","iot:UpdateRoleAlias","rolesanywhere:CreateProfile","rolesanywhere:CreateTrustAnchor","rolesanywhere:EnableProfile","rolesanywhere:EnableTrustAnchor","rolesanywhere:UpdateProfile","rolesanywhere:UpdateTrustAnchor","ssm:CreateActivation"],"Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/BreakGlass","arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_PlatformAdmin_????????????????","arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_????????????????","arn:aws:iam::*:role/ops/Recovery"]}}},{"Sid":"DenyIdentityProviders","Effect":"Deny","Action":["iam:AddClientIDToOpenIDConnectProvider","iam:CreateOpenIDConnectProvider","iam:CreateSAMLProvider","iam:UpdateOpenIDConnectProviderThumbprint","iam:UpdateSAMLProvider"],"Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/BreakGlass","arn:aws:iam::*:role/OrganizationAccountAccessRole","arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_PlatformAdmin_????????????????","arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_????????????????","arn:aws:iam::*:role/ops/Recovery"]}}},{"Sid":"DenyLongTermBedrockKeys","Effect":"Deny","Action":"bedrock:CallWithBearerToken","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/BreakGlass","arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_PlatformAdmin_????????????????","arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_????????????????","arn:aws:iam::*:role/ops/Recovery"]},"StringEquals":{"bedrock:BearerTokenType":"LONG_TERM"}}},{"Sid":"ProtectExemptRoles","Effect":"Deny","Action":["iam:AttachRolePolicy","iam:CreateRole","iam:DeleteRole","iam:DeleteRolePermissionsBoundary","iam:DeleteRolePolicy","iam:DetachRolePolicy","iam:PassRole","iam:PutRolePermissionsBoundary","iam:PutRolePolicy","iam:TagRole","iam:UntagRole","iam:UpdateAssumeRolePolicy","iam:UpdateRole","iam:UpdateRoleDescription","sts:AssumeRole"],"Resource":["arn:aws:iam::*:role/BreakGlass","arn:aws:iam::*:role/OrganizationAccountAccessRole","arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*","arn:aws:iam::*:role/ops/Recovery"],"Condition":{"ArnNotLike":{"aws:PrincipalArn":["arn:aws:iam::*:role/BreakGlass","arn:aws:iam::*:role/OrganizationAccountAccessRole","arn:aws:iam::*:role/ops/Recovery"]}}},{"Sid":"DenyMemberRootUser","Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"},"Null":{"aws:AssumedRoot":"true"}}}]}"`,
    );
    expect(scp.content.length).toBeLessThan(5120);
  });

  it("reports an unknown permission set exemption, unknown targets, and warns on the management account", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        identityCenter: {
          permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
        },
        guardrails: {
          denyIamUsers: {
            targets: {
              organizationalUnits: ["workload"],
              accounts: ["app-prd", "management"],
            },
            exemptPermissionSets: ["ReadOnyl"],
          },
        },
      }),
    });
    expect(result.plan).toBeUndefined();
    expect(messages(ignoring(result, UNREACHED))).toMatchInlineSnapshot(`
      "org.yaml:18 error KL203 $.guardrails.denyIamUsers.exemptPermissionSets[0]: permission set "ReadOnyl" is not declared in any workspace, so its roles cannot be exempted | fix: did you mean "ReadOnly"?
      org.yaml:13 error KL202 $.guardrails.denyIamUsers.targets.organizationalUnits[0]: organizational unit "workload" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "workloads"?
      org.yaml:15 error KL201 $.guardrails.denyIamUsers.targets.accounts[0]: account "app-prd" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "app-prod"?
      org.yaml:16 warning KL403 $.guardrails.denyIamUsers.targets.accounts[1]: "management" is the management account: SCPs never apply to it, so this attachment protects nothing | fix: remove it and protect the management account by other means (few people, MFA, no workloads)"
    `);
  });

  it("validates custom SCPs as SCPs", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        guardrails: {
          policies: {
            "bad-scp": {
              document: {
                Statement: [
                  {
                    Sid: "A",
                    Effect: "Deny",
                    Principal: "*",
                    Action: ["iam-CreateUser", "*:List*", "ec2:*Vpc*"],
                    Resource: "*",
                  },
                  { Sid: "B", Effect: "Deny", NotAction: "s3:Get?bject" },
                  { Sid: "C", Effect: "Allow", Action: "s3:*", Resource: "*" },
                ],
              },
              targets: { organizationalUnits: ["workloads"] },
            },
          },
        },
      }),
    });
    expect(messages(ignoring(result, UNREACHED))).toMatchInlineSnapshot(`
      "org.yaml:11 error KL404 $.guardrails.policies.bad-scp.document.Statement[0].Principal: statement 0 uses Principal, which SCPs do not support | fix: remove Principal: an SCP applies to every IAM user and role in the accounts it is attached to
      org.yaml:13 error KL405 $.guardrails.policies.bad-scp.document.Statement[0].Action[0]: action "iam-CreateUser" is not of the form service:Action (for example iam:CreateUser, s3:*, ec2:*Vpc*) | fix: write the service prefix in lower case, a colon, then the action name; * and ? may appear in the action name only
      org.yaml:14 error KL405 $.guardrails.policies.bad-scp.document.Statement[0].Action[1]: action "*:List*" is not of the form service:Action (for example iam:CreateUser, s3:*, ec2:*Vpc*) | fix: write the service prefix in lower case, a colon, then the action name; * and ? may appear in the action name only
      org.yaml:17 error KL407 $.guardrails.policies.bad-scp.document.Statement[1]: statement 1 has neither Resource nor NotResource | fix: add Resource: "*" (or the ARNs it applies to)
      org.yaml:21 warning KL408 $.guardrails.policies.bad-scp.document.Statement[2].Effect: statement 2 is an Allow: beside FullAWSAccess, which keyless never detaches, it changes nothing | fix: write the guardrail as a Deny statement (deny-list strategy)"
    `);
  });

  it("counts FullAWSAccess, the inventory's attachments and every workspace's SCPs per target", () => {
    const result = compileFiles({
      "shared/organization.yaml": busyInventory(),
      "org.yaml": workspace({
        guardrails: {
          denyIamUsers: {
            targets: {
              organizationalUnits: ["workloads"],
              accounts: ["app-dev"],
            },
          },
        },
      }),
      "prod.yaml": workspace({
        guardrails: {
          policies: {
            "deny-leaving": customPolicy({
              organizationalUnits: ["workloads"],
            }),
            "deny-regions": {
              document: deny("DenyRegions", "ec2:RunInstances"),
              targets: { accounts: ["app-dev"] },
            },
          },
        },
      }),
    });
    expect(result.plan).toBeUndefined();
    // workloads: FullAWSAccess + 2 from the inventory + 2 from keyless = 5, allowed.
    // app-dev: FullAWSAccess (not listed, counted anyway) + 3 legacy + 2 from keyless = 6, one over.
    expect(messages(ignoring(result, UNREACHED))).toMatchInlineSnapshot(
      `"org.yaml:10 error KL402 $.guardrails.denyIamUsers.targets.accounts[0]: account "app-dev" would have 6 SCPs attached, 1 over the limit of 5: FullAWSAccess (never detached by keyless), legacy-1 (attached already, per the inventory), legacy-2 (attached already, per the inventory), legacy-3 (attached already, per the inventory), keyless-deny-iam-users (keyless, org.yaml), deny-regions (keyless, prod.yaml) | fix: attach 1 fewer here: merge deny-only guardrails with the same targets (guardrails.merge: true), attach some to a parent OU or the root instead, or detach policies the inventory lists"`,
    );
  });

  it("reports the root over the quota by how much, counting an SCP listed in the inventory once", () => {
    const inv = inventory() as { root: Record<string, unknown> };
    inv.root.attachedPolicies = ["FullAWSAccess", "keyless-deny-iam-users", "ct-1", "ct-2", "ct-3"];
    const result = compileFiles({
      "shared/organization.yaml": inv,
      "org.yaml": workspace({
        guardrails: {
          denyIamUsers: { targets: { root: true } },
          policies: {
            "deny-leaving": customPolicy({ root: true }),
            "deny-regions": {
              document: deny("DenyRegions", "ec2:RunInstances"),
              targets: { root: true },
            },
          },
          merge: false,
        },
      }),
    });
    expect(messages(ignoring(result, UNREACHED))).toMatchInlineSnapshot(
      `"org.yaml:7 error KL402 $.guardrails.denyIamUsers.targets.root: the organization root would have 7 SCPs attached, 2 over the limit of 5: FullAWSAccess (never detached by keyless), keyless-deny-iam-users (keyless, org.yaml), ct-1 (attached already, per the inventory), ct-2 (attached already, per the inventory), ct-3 (attached already, per the inventory), deny-leaving (keyless, org.yaml), deny-regions (keyless, org.yaml) | fix: attach 2 fewer here: merge deny-only guardrails with the same targets (guardrails.merge: true), attach some to a parent OU or the root instead, or detach policies the inventory lists"`,
    );
  });

  it("reports an SCP over 5,120 characters minified", () => {
    const actions = Array.from({ length: 300 }, (_, i) => `ec2:DescribeSomethingQuiteLong${i}`);
    const result = compileFiles({
      "org.yaml": workspace({
        guardrails: {
          policies: {
            huge: {
              document: {
                Statement: [{ Effect: "Deny", Action: actions, Resource: "*" }],
              },
              targets: { root: true },
            },
          },
        },
      }),
    });
    expect(messages(ignoring(result, UNREACHED))).toMatchInlineSnapshot(
      `"org.yaml:8 error KL401 $.guardrails.policies.huge.document: the policy is 10772 characters minified, 5652 over the limit of 5120 | fix: split it, or use wildcards in action names to shorten it"`,
    );
  });
});

describe("SCP ownership", () => {
  it("rejects the same SCP name declared by two workspaces, naming both files", () => {
    const result = compileFiles({
      "org.yaml": workspace({ guardrails: { denyIamUsers: { targets: { root: true } } } }),
      "prod.yaml": workspace({ guardrails: { policies: { "keyless-deny-iam-users": customPolicy({ root: true }) } } }),
    });
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["KL205", "prod.yaml"]]);
    expect(result.diagnostics[0].message).toContain("org.yaml (workspace org)");
  });
});

describe("merging guardrails", () => {
  const files = (merge?: boolean) => ({
    "org.yaml": workspace({
      guardrails: {
        denyIamUsers: {
          targets: { organizationalUnits: ["workloads"] },
          exemptRoles: ["BreakGlass"],
        },
        policies: {
          "deny-leaving": customPolicy({ organizationalUnits: ["workloads"] }),
          "deny-root-user": {
            document: deny("DenyRootUser", "iam:*"),
            targets: { root: true },
          },
        },
        ...(merge === undefined ? {} : { merge }),
      },
    }),
  });

  it("offers to merge deny-only guardrails with the same targets, with the merged size", () => {
    const result = compileFiles(files());
    expect(messages(ignoring(result, UNREACHED))).toMatchInlineSnapshot(
      `"org.yaml:13 warning KL406 $.guardrails.policies.deny-leaving: "deny-leaving", "keyless-deny-iam-users" have only Deny statements and the same targets (ou:workloads): merged they are one SCP "deny-leaving+keyless-deny-iam-users" of 2863 characters (limit 5120), using 1 fewer of the 5 SCPs each target allows | fix: set guardrails.merge: true to emit the merged SCP (Terraform replaces the separate SCPs with it), or guardrails.merge: false to keep them apart and silence this"`,
    );
    expect(result.plan!.workspaces[0].guardrails.policies.map((p) => p.name)).toEqual(["keyless-deny-iam-users", "deny-leaving", "deny-root-user"]);
  });

  it("emits one SCP with every statement when merge is true", () => {
    const result = compileFiles(files(true));
    expect(messages(ignoring(result, UNREACHED))).toBe("");
    const policies = result.plan!.workspaces[0].guardrails.policies;
    expect(policies.map((p) => [p.key, p.name, p.targets.map((t) => t.key).join(",")])).toEqual([
      ["merged_deny-leaving+keyless-deny-iam-users", "deny-leaving+keyless-deny-iam-users", "ou:workloads"],
      ["policy_deny-root-user", "deny-root-user", "root"],
    ]);
    const merged = policies[0];
    expect(merged.mergedFrom).toEqual(["deny-leaving", "keyless-deny-iam-users"]);
    expect(merged.exemptions).toEqual([
      "keyless-deny-iam-users: role BreakGlass in every account",
      "keyless-deny-iam-users: keyless's member-account role OrganizationAccountAccessRole (identity providers and protected roles only)",
    ]);
    expect(JSON.parse(merged.content).Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "DenyLeaving",
      "DenyIamUsersAndLongLivedCredentials",
      "DenyIdentityProviders",
      "DenyLongTermBedrockKeys",
      "ProtectExemptRoles",
      "DenyMemberRootUser",
    ]);
  });

  it("keeps them apart quietly when merge is false", () => {
    const result = compileFiles(files(false));
    expect(messages(ignoring(result, UNREACHED))).toBe("");
    expect(result.plan!.workspaces[0].guardrails.policies).toHaveLength(3);
  });

  it("says why it cannot merge when asked to and the statements clash", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        guardrails: {
          merge: true,
          policies: {
            a: customPolicy({ root: true }, "Same"),
            b: customPolicy({ root: true }, "Same"),
          },
        },
      }),
    });
    expect(messages(ignoring(result, UNREACHED))).toMatchInlineSnapshot(
      `"org.yaml:5 warning KL409 $.guardrails.merge: "a", "b" share their targets (root) but cannot be merged: a and b both use Sid "Same" | fix: keep them apart, or edit them so that every statement is a Deny with its own Sid"`,
    );
    expect(result.plan!.workspaces[0].guardrails.policies).toHaveLength(2);
  });

  it("merging brings a full target back within the quota", () => {
    const inv = inventory() as { root: Record<string, unknown> };
    inv.root.attachedPolicies = ["FullAWSAccess", "ct-1", "ct-2"];
    const guardrails = {
      denyIamUsers: { targets: { root: true } },
      policies: {
        "deny-leaving": customPolicy({ root: true }),
        "deny-regions": {
          document: deny("DenyRegions", "ec2:RunInstances"),
          targets: { root: true },
        },
      },
    };
    const apart = compileFiles({
      "shared/organization.yaml": inv,
      "org.yaml": workspace({ guardrails: { ...guardrails, merge: false } }),
    });
    expect(ignoring(apart, UNREACHED).diagnostics.map((d) => d.code)).toEqual(["KL402"]);
    const merged = compileFiles({
      "shared/organization.yaml": inv,
      "org.yaml": workspace({ guardrails: { ...guardrails, merge: true } }),
    });
    expect(messages(ignoring(merged, UNREACHED))).toBe("");
    expect(merged.plan!.workspaces[0].guardrails.policies).toHaveLength(1);
  });
});
