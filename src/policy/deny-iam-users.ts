import type { PolicyDocument } from "../../modules/generated/workspace";

/**
 * Every way to create an IAM user or a long-lived credential (AWS-FACTS.md, Service Control Policies).
 * Listing, reading, deactivating and deleting are deliberately left allowed so teams can migrate off
 * IAM users.
 */
export const LONG_LIVED_CREDENTIAL_ACTIONS = [
  "iam:CreateAccessKey",
  "iam:CreateLoginProfile",
  "iam:CreateServiceSpecificCredential",
  "iam:CreateUser",
  "iam:ResetServiceSpecificCredential",
  "iam:UpdateLoginProfile",
  "iam:UploadSSHPublicKey",
  "iam:UploadSigningCertificate",
] as const;

export interface DenyIamUsersOptions {
  /** Partition of the organization (aws, aws-us-gov, aws-cn). */
  readonly partition: string;
  /** Role names exempt in every account (break-glass). */
  readonly exemptRoles: readonly string[];
}

/** The deny-list SCP that forbids IAM users and long-lived credentials. */
export function denyIamUsersPolicy(options: DenyIamUsersOptions): PolicyDocument {
  const statement: PolicyDocument["Statement"][number] = {
    Sid: "DenyIamUsersAndLongLivedCredentials",
    Effect: "Deny",
    Action: [...LONG_LIVED_CREDENTIAL_ACTIONS],
    Resource: "*",
  };
  if (options.exemptRoles.length > 0) {
    statement.Condition = {
      ArnNotLike: { "aws:PrincipalArn": options.exemptRoles.map((r) => `arn:${options.partition}:iam::*:role/${r}`) },
    };
  }
  return { Version: "2012-10-17", Statement: [statement] };
}
