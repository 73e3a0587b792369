import type { PolicyDocument, PolicyStatement } from "../../modules/generated/workspace";
import { cmp } from "../diagnostics/diagnostic";

/**
 * Every way to create an IAM user or a long-lived credential (AWS-FACTS.md, Service Control Policies):
 * users, access keys, console passwords (login profiles), service-specific credentials (CodeCommit,
 * Keyspaces, Bedrock API keys), SSH public keys and signing certificates. `UpdateLoginProfile` sets a
 * new console password, so it is creation too.
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

/**
 * Actions that switch an existing credential between Active and Inactive. Each one both deactivates
 * and re-activates, and IAM has no condition key for the new status, so an SCP can only allow both or
 * deny both. Denied by default (a re-activated old key is a long-lived credential back in use);
 * `allowKeyStatusChanges` allows them for a migration that deactivates keys before deleting them.
 */
export const CREDENTIAL_STATUS_ACTIONS = [
  "iam:UpdateAccessKey",
  "iam:UpdateSSHPublicKey",
  "iam:UpdateServiceSpecificCredential",
  "iam:UpdateSigningCertificate",
] as const;

/** Actions that put a tag on a principal or a session: denied for the exemption tag keys. */
export const PRINCIPAL_TAGGING_ACTIONS = ["iam:CreateRole", "iam:CreateUser", "iam:TagRole", "iam:TagUser", "sts:TagSession"] as const;

export interface DenyIamUsersOptions {
  /** Partition of the organization (aws, aws-us-gov, aws-cn). */
  readonly partition: string;
  /** Role names (optionally with a path) exempt in every account: break-glass. */
  readonly exemptRoles: readonly string[];
  /** AWS names of permission sets whose reserved roles are exempt. @default none */
  readonly exemptPermissionSets?: readonly string[];
  /** Principals with any one of these tags are exempt. @default none */
  readonly exemptPrincipalTags?: Readonly<Record<string, string>>;
  /** Leave `CREDENTIAL_STATUS_ACTIONS` allowed. @default false */
  readonly allowKeyStatusChanges?: boolean;
}

/** The ARN patterns of exempt principals, for `ArnNotLike` on `aws:PrincipalArn`. */
export function exemptPrincipalArns(options: DenyIamUsersOptions): string[] {
  const p = options.partition;
  return [
    ...options.exemptRoles.map((r) => `arn:${p}:iam::*:role/${r}`),
    ...(options.exemptPermissionSets ?? []).map((n) => `arn:${p}:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${n}_*`),
  ].sort(cmp);
}

/**
 * The condition "the caller is not exempt". Operators in one Condition block are ANDed, so each
 * operator is a negation: the statement applies only when the principal matches no exempt ARN
 * (`ArnNotLike` with several values is true only if none matches) AND carries none of the exempt tags
 * (`StringNotEquals` across several keys is true only if every key differs; a missing tag differs).
 * In words: exempt if ANY exemption matches.
 */
export function notExemptCondition(options: DenyIamUsersOptions): PolicyStatement["Condition"] | undefined {
  const condition: Record<string, Record<string, string | string[]>> = {};
  const arns = exemptPrincipalArns(options);
  if (arns.length) condition.ArnNotLike = { "aws:PrincipalArn": arns };
  const tags = Object.entries(options.exemptPrincipalTags ?? {});
  if (tags.length) condition.StringNotEquals = Object.fromEntries(tags.map(([k, v]) => [`aws:PrincipalTag/${k}`, v]));
  return Object.keys(condition).length ? condition : undefined;
}

/** The deny-list SCP that forbids IAM users and long-lived credentials. */
export function denyIamUsersPolicy(options: DenyIamUsersOptions): PolicyDocument {
  const notExempt = notExemptCondition(options);
  const actions: string[] = [...LONG_LIVED_CREDENTIAL_ACTIONS, ...(options.allowKeyStatusChanges ? [] : CREDENTIAL_STATUS_ACTIONS)];
  const statements: PolicyStatement[] = [
    { Sid: "DenyIamUsersAndLongLivedCredentials", Effect: "Deny", Action: actions, Resource: "*", ...(notExempt ? { Condition: notExempt } : {}) },
  ];
  const tagKeys = Object.keys(options.exemptPrincipalTags ?? {}).sort(cmp);
  if (tagKeys.length) {
    statements.push({
      Sid: "ProtectExemptionTags",
      Effect: "Deny",
      Action: [...PRINCIPAL_TAGGING_ACTIONS],
      Resource: "*",
      Condition: { ...notExempt, "ForAnyValue:StringEqualsIgnoreCase": { "aws:TagKeys": tagKeys } },
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** The exemptions in words, for descriptions and reports. */
export function describeExemptions(options: DenyIamUsersOptions): string[] {
  return [
    ...options.exemptRoles.map((r) => `role ${r} in every account`),
    ...(options.exemptPermissionSets ?? []).map((n) => `permission set ${n} (its AWSReservedSSO_${n}_* roles)`),
    ...Object.entries(options.exemptPrincipalTags ?? {}).map(([k, v]) => `principals tagged ${k}=${v}`),
    ...(options.allowKeyStatusChanges ? ["key status changes (deactivate and re-activate) allowed"] : []),
  ];
}
