import { rmSync } from "node:fs";
import { compile } from "../../src/compile/compile";
import type { AccessPlan } from "../../src/plan";
import { workspace, writeDefinitions } from "../support/fixtures";

/**
 * The organization every corpus case changes: one permission set with an inline policy, one GitHub
 * role with an inline policy, the built-in guardrail and three custom SCPs (a region restriction
 * written with NotAction, an ArnNotLike exemption, a root-user-only deny).
 */
export function baseDefinitions(): Record<string, any> {
  return {
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: {
          ProdOperator: {
            managedPolicies: ["ReadOnlyAccess"],
            inlinePolicy: {
              Statement: [
                { Sid: "Operate", Effect: "Allow", Action: ["ec2:RebootInstances", "ssm:StartSession"], Resource: "*" },
                { Sid: "NoSecrets", Effect: "Deny", Action: ["secretsmanager:GetSecretValue"], Resource: "*" },
              ],
            },
          },
        },
        groups: { OnCall: { source: "external" } },
        assignments: [{ groups: ["OnCall"], permissionSets: ["ProdOperator"], targets: { organizationalUnits: ["workloads/prod"] } }],
      },
      guardrails: {
        denyIamUsers: { targets: { organizationalUnits: ["workloads"] }, exemptRoles: ["BreakGlass"] },
        policies: {
          "deny-regions": {
            document: {
              Statement: [
                {
                  Sid: "OnlyIreland",
                  Effect: "Deny",
                  NotAction: ["iam:*", "organizations:*", "sts:*"],
                  Resource: "*",
                  Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] } },
                },
              ],
            },
            targets: { organizationalUnits: ["workloads"] },
          },
          "protect-roles": {
            document: {
              Statement: [
                {
                  Sid: "ProtectBaseline",
                  Effect: "Deny",
                  Action: ["iam:DeleteRole", "iam:UpdateAssumeRolePolicy"],
                  Resource: "arn:aws:iam::*:role/baseline/*",
                  Condition: { ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/BreakGlass"] } },
                },
              ],
            },
            targets: { root: true },
          },
          "deny-root": {
            document: {
              Statement: [{ Sid: "NoRootUser", Effect: "Deny", Action: "*", Resource: "*", Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } } }],
            },
            targets: { organizationalUnits: ["workloads"] },
          },
        },
      },
      githubOidc: {
        providers: { "app-prod": {} },
        roles: {
          deploy: {
            account: "app-prod",
            repository: "acme/app",
            subjects: [{ environment: "production" }],
            inlinePolicies: {
              artifacts: { Statement: [{ Sid: "Upload", Effect: "Allow", Action: ["s3:PutObject"], Resource: "arn:aws:s3:::acme-artifacts/app/*" }] },
            },
          },
        },
      },
    }),
  };
}

/** Compiles definitions in a temporary folder (removed afterwards); fails the test on any error. */
export function planOf(files: Record<string, unknown>): AccessPlan {
  const dir = writeDefinitions(files);
  try {
    const r = compile({ dir, cwd: dir, evaluationDate: "2026-01-15" });
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (errors.length || !r.plan) throw new Error(`the corpus definitions do not compile: ${errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
    return r.plan;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
