import type { PolicyDocument, PolicyStatement } from "../../modules/generated/workspace";
import { cmp } from "../diagnostics/diagnostic";

/** The built-in guardrail's SCP name unless `guardrails.denyIamUsers.policyName` says otherwise. */
export const DENY_IAM_USERS = "keyless-deny-iam-users";

/**
 * The ways to create an IAM user or a long-lived credential (AWS-FACTS.md, Service Control Policies):
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
 * Giving an existing IAM user more power (policies, groups, a dropped boundary), a user changing
 * their own password, and loosening the account's password policy: standing access through users
 * that already exist. Denied with the creation actions; deleting and detaching stay allowed.
 */
export const EXISTING_USER_ACTIONS = [
  "iam:AddUserToGroup",
  "iam:AttachGroupPolicy",
  "iam:AttachUserPolicy",
  "iam:ChangePassword",
  "iam:DeleteAccountPasswordPolicy",
  "iam:DeleteUserPermissionsBoundary",
  "iam:PutGroupPolicy",
  "iam:PutUserPolicy",
  "iam:UpdateAccountPasswordPolicy",
] as const;

/**
 * Actions that switch an existing credential between Active and Inactive. Each one both deactivates
 * and re-activates, and IAM has no condition key for the new status, so an SCP can only allow both or
 * deny both. Denied by default (a re-activated old key is a long-lived credential back in use);
 * `allowKeyStatusChanges` allows them for a migration that deactivates keys before deleting them.
 */
export const CREDENTIAL_STATUS_ACTIONS = ["iam:UpdateAccessKey", "iam:UpdateSSHPublicKey", "iam:UpdateServiceSpecificCredential", "iam:UpdateSigningCertificate"] as const;

/**
 * Other standing-access paths beside users and keys, each denied by default with an explicit,
 * reported opt-out (`denyIamUsers.allow.<kind>: "<reason>"`). Identity providers are also allowed
 * to keyless's own member-account role, which creates the GitHub OIDC providers.
 */
export const STANDING_ACCESS_PATHS = {
  /** An OIDC or SAML provider the account trusts: tokens from an issuer the admin controls, forever. */
  identityProviders: [
    "iam:AddClientIDToOpenIDConnectProvider",
    "iam:CreateOpenIDConnectProvider",
    "iam:CreateSAMLProvider",
    "iam:UpdateOpenIDConnectProviderThumbprint",
    "iam:UpdateSAMLProvider",
  ],
  /** IAM Roles Anywhere: X.509 certificates from a CA the admin registers become role sessions. */
  rolesAnywhere: [
    "rolesanywhere:CreateProfile",
    "rolesanywhere:CreateTrustAnchor",
    "rolesanywhere:EnableProfile",
    "rolesanywhere:EnableTrustAnchor",
    "rolesanywhere:UpdateProfile",
    "rolesanywhere:UpdateTrustAnchor",
  ],
  /** IoT role aliases and device certificates: a certificate exchanged for role credentials. */
  iotCredentials: [
    "iot:CreateCertificateFromCsr",
    "iot:CreateKeysAndCertificate",
    "iot:CreateRoleAlias",
    "iot:RegisterCACertificate",
    "iot:RegisterCertificate",
    "iot:RegisterCertificateWithoutCA",
    "iot:UpdateRoleAlias",
  ],
  /** SSM hybrid activations: a code that registers any machine as a managed node with a role. */
  ssmHybridActivations: ["ssm:CreateActivation"],
  /** Cognito identity pools: unauthenticated or external identities exchanged for role credentials. */
  cognitoIdentityPools: ["cognito-identity:CreateIdentityPool", "cognito-identity:SetIdentityPoolRoles", "cognito-identity:UpdateIdentityPool"],
} as const;

export type StandingAccessPath = keyof typeof STANDING_ACCESS_PATHS;

/** Opt-outs of `denyIamUsers.allow`: the standing-access paths, long-term Bedrock keys, the root user. */
export type GuardrailOptOut = StandingAccessPath | "bedrockLongTermKeys" | "rootUser";
export const GUARDRAIL_OPT_OUTS: readonly GuardrailOptOut[] = [...(Object.keys(STANDING_ACCESS_PATHS) as StandingAccessPath[]), "bedrockLongTermKeys", "rootUser"];

/**
 * What may happen to a role that an exemption names, or to a role on the permission-set reserved
 * path: create it, rewrite its trust, attach, write or remove its policies or boundary, tag it,
 * delete it, pass it to a service, assume it. Denied to everyone but the exempt principals and
 * keyless's member-account role, so nobody can claim an exemption by building or borrowing the role.
 * (Identity Center manages the reserved roles through its service-linked role, which SCPs never
 * restrict.)
 */
export const ROLE_PROTECTION_ACTIONS = [
  "iam:AttachRolePolicy",
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:DeleteRolePermissionsBoundary",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PassRole",
  "iam:PutRolePermissionsBoundary",
  "iam:PutRolePolicy",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:UpdateAssumeRolePolicy",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "sts:AssumeRole",
] as const;

/** The path IAM Identity Center puts permission-set roles on. */
export const SSO_RESERVED_PATH = "aws-reserved/sso.amazonaws.com/";

export interface DenyIamUsersOptions {
  /** Partition of the organization (aws, aws-us-gov, aws-cn). */
  readonly partition: string;
  /** Role names (optionally with a path) exempt in every account: break-glass. */
  readonly exemptRoles: readonly string[];
  /** AWS names of permission sets whose reserved roles are exempt. @default none */
  readonly exemptPermissionSets?: readonly string[];
  /**
   * Roles keyless itself manages member accounts through (`aws.memberAccountRole`): they may manage
   * the protected roles and create identity providers (the GitHub OIDC provider), nothing else.
   * @default none
   */
  readonly deployerRoles?: readonly string[];
  /** Leave `CREDENTIAL_STATUS_ACTIONS` allowed. @default false */
  readonly allowKeyStatusChanges?: boolean;
  /** Opt-outs in use (each with a reason in the definitions). @default none */
  readonly optOuts?: readonly GuardrailOptOut[];
}

const roleArn = (p: string, name: string) => `arn:${p}:iam::*:role/${name}`;

/**
 * The ARN patterns of a permission set's reserved roles: `AWSReservedSSO_<name>_<16 hex>` right under
 * the reserved path or one region folder below it. `?` matches exactly one character, so the name
 * must match exactly: exempting `Admin` does not exempt `Admin_ReadOnly`.
 */
export function permissionSetRoleArns(partition: string, name: string): string[] {
  const role = `AWSReservedSSO_${name}_${"?".repeat(16)}`;
  return [roleArn(partition, `${SSO_RESERVED_PATH}${role}`), roleArn(partition, `${SSO_RESERVED_PATH}*/${role}`)];
}

/** The ARN patterns of exempt principals, for `ArnNotLike` on `aws:PrincipalArn`. */
export function exemptPrincipalArns(options: DenyIamUsersOptions): string[] {
  const p = options.partition;
  return [...options.exemptRoles.map((r) => roleArn(p, r)), ...(options.exemptPermissionSets ?? []).flatMap((n) => permissionSetRoleArns(p, n))].sort(cmp);
}

/** The condition "the caller is none of these principals"; undefined when the list is empty. */
function notPrincipals(arns: readonly string[]): PolicyStatement["Condition"] | undefined {
  return arns.length ? { ArnNotLike: { "aws:PrincipalArn": arns.length === 1 ? arns[0] : [...arns] } } : undefined;
}

/**
 * The condition "the caller is not exempt": `ArnNotLike` with several values is true only if none
 * matches, so the statement applies unless ANY exemption matches. Principal tags are never an
 * exemption (KL410): session tags, identity-provider attributes and Identity Center ABAC attributes
 * can set them where no SCP looks.
 */
export function notExemptCondition(options: DenyIamUsersOptions): PolicyStatement["Condition"] | undefined {
  return notPrincipals(exemptPrincipalArns(options));
}

const withCondition = (s: PolicyStatement, c: PolicyStatement["Condition"] | undefined): PolicyStatement => (c ? { ...s, Condition: c } : s);

/** The deny-list SCP: IAM users, long-lived credentials and the other standing-access paths. */
export function denyIamUsersPolicy(options: DenyIamUsersOptions): PolicyDocument {
  const p = options.partition;
  const optOuts = new Set(options.optOuts ?? []);
  const notExempt = notExemptCondition(options);
  const deployers = (options.deployerRoles ?? []).map((r) => roleArn(p, r));
  const notExemptNorDeployer = notPrincipals([...new Set([...exemptPrincipalArns(options), ...deployers])].sort(cmp));
  const paths = (Object.keys(STANDING_ACCESS_PATHS) as StandingAccessPath[]).filter((k) => k !== "identityProviders" && !optOuts.has(k));
  const credentials: string[] = [
    ...LONG_LIVED_CREDENTIAL_ACTIONS,
    ...EXISTING_USER_ACTIONS,
    ...(options.allowKeyStatusChanges ? [] : CREDENTIAL_STATUS_ACTIONS),
    ...paths.flatMap((k) => STANDING_ACCESS_PATHS[k]),
  ].sort(cmp);
  const statements: PolicyStatement[] = [withCondition({ Sid: "DenyIamUsersAndLongLivedCredentials", Effect: "Deny", Action: credentials, Resource: "*" }, notExempt)];
  if (!optOuts.has("identityProviders")) {
    statements.push(withCondition({ Sid: "DenyIdentityProviders", Effect: "Deny", Action: [...STANDING_ACCESS_PATHS.identityProviders], Resource: "*" }, notExemptNorDeployer));
  }
  if (!optOuts.has("bedrockLongTermKeys")) {
    statements.push({
      Sid: "DenyLongTermBedrockKeys",
      Effect: "Deny",
      Action: "bedrock:CallWithBearerToken",
      Resource: "*",
      Condition: { ...notExempt, StringEquals: { "bedrock:BearerTokenType": "LONG_TERM" } },
    });
  }
  // Exempt names are protected so that nobody else can create, rewrite, pass or assume them.
  const protectedRoles = [...options.exemptRoles.map((r) => roleArn(p, r)), roleArn(p, `${SSO_RESERVED_PATH}*`), ...deployers];
  statements.push(
    withCondition(
      { Sid: "ProtectExemptRoles", Effect: "Deny", Action: [...ROLE_PROTECTION_ACTIONS], Resource: [...new Set(protectedRoles)].sort(cmp) },
      notPrincipals([...new Set([...options.exemptRoles.map((r) => roleArn(p, r)), ...deployers])].sort(cmp)),
    ),
  );
  if (!optOuts.has("rootUser")) {
    // The member account's root user, except sessions the management account opens with sts:AssumeRoot.
    statements.push({
      Sid: "DenyMemberRootUser",
      Effect: "Deny",
      Action: "*",
      Resource: "*",
      Condition: { ArnLike: { "aws:PrincipalArn": `arn:${p}:iam::*:root` }, Null: { "aws:AssumedRoot": "true" } },
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** The exemptions and opt-outs in words, for descriptions and reports. */
export function describeExemptions(options: DenyIamUsersOptions): string[] {
  return [
    ...options.exemptRoles.map((r) => `role ${r} in every account`),
    ...(options.exemptPermissionSets ?? []).map((n) => `permission set ${n} (its AWSReservedSSO_${n}_<suffix> roles)`),
    ...(options.deployerRoles ?? []).map((r) => `keyless's member-account role ${r} (identity providers and protected roles only)`),
    ...(options.allowKeyStatusChanges ? ["key status changes (deactivate and re-activate) allowed"] : []),
    ...(options.optOuts ?? []).map((k) => `opt-out: ${k} allowed`),
  ];
}
