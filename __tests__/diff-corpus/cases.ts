/**
 * Definition changes and the lines `keyless diff` must print for each: every bullet of the comment,
 * in order. Each case edits a copy of `baseDefinitions()` (diff-corpus/base.ts).
 */
export interface CorpusCase {
  readonly name: string;
  readonly change: (defs: Record<string, any>) => void;
  readonly lines: readonly string[];
}

const org = (d: Record<string, any>) => d["org.yaml"];
const ps = (d: Record<string, any>) => org(d).identityCenter.permissionSets.ProdOperator.inlinePolicy.Statement;
const role = (d: Record<string, any>) => org(d).githubOidc.roles.deploy;
const scp = (d: Record<string, any>, name: string) => org(d).guardrails.policies[name].document.Statement;

export const CASES: readonly CorpusCase[] = [
  {
    name: "permission set: adds iam:* to an Allow",
    change: (d) => ps(d)[0].Action.push("iam:*"),
    lines: [
      "- ⚠️ ProdOperator becomes privileged: allows iam:AttachRolePolicy, iam:PutRolePolicy, iam:AttachUserPolicy and 12 more privileged actions on any resource [`org`]",
      "- ⚠️ ProdOperator can now call iam:\\* on \\* [`org`]",
      "- permission set ProdOperator, inline policy: statement Operate: adds action iam:\\* [`org`]",
    ],
  },
  {
    name: "permission set: narrows an Allow's resources",
    change: (d) => {
      ps(d)[0].Resource = "arn:aws:ec2:*:*:instance/*";
    },
    lines: [
      "- ProdOperator can no longer call ec2:RebootInstances, ssm:StartSession on \\* [`org`]",
      "- permission set ProdOperator, inline policy: statement Operate: adds resource arn:aws:ec2:\\*:\\*:instance/\\*; removes resource \\* [`org`]",
    ],
  },
  {
    name: "permission set: removes a Deny statement",
    change: (d) => ps(d).splice(1, 1),
    lines: [
      "- ⚠️ ProdOperator no longer denies secretsmanager:GetSecretValue on \\* [`org`]",
      "- permission set ProdOperator, inline policy: removes statement NoSecrets: Deny secretsmanager:GetSecretValue on \\* [`org`]",
    ],
  },
  {
    name: "permission set: adds a condition to an Allow",
    change: (d) => {
      ps(d)[0].Condition = { StringEquals: { "aws:RequestedRegion": "eu-west-1" } };
    },
    lines: [
      "- ProdOperator can call ec2:RebootInstances, ssm:StartSession on \\* only when aws:RequestedRegion is eu-west-1 [`org`]",
      "- permission set ProdOperator, inline policy: statement Operate: adds condition aws:RequestedRegion is eu-west-1 [`org`]",
    ],
  },
  {
    name: "permission set: adds a NotAction Allow",
    change: (d) => ps(d).push({ Sid: "AlmostAll", Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }),
    lines: [
      "- ⚠️ ProdOperator can now call everything except iam:\\*, organizations:\\* on \\* [`org`]",
      "- permission set ProdOperator, inline policy: adds statement AlmostAll: Allow everything except iam:\\*, organizations:\\* on \\* [`org`]",
    ],
  },
  {
    name: "permission set: removes an action",
    change: (d) => ps(d)[0].Action.splice(1, 1),
    lines: [
      "- ProdOperator can no longer call ssm:StartSession [`org`]",
      "- permission set ProdOperator, inline policy: statement Operate: removes action ssm:StartSession [`org`]",
    ],
  },
  {
    name: "permission set: a Deny gains an action",
    change: (d) => {
      ps(d)[1].Action = ["secretsmanager:GetSecretValue", "kms:Decrypt"];
    },
    lines: ["- ProdOperator now also denies kms:Decrypt [`org`]", "- permission set ProdOperator, inline policy: statement NoSecrets: adds action kms:Decrypt [`org`]"],
  },
  {
    name: "permission set: a new statement repeating what another allows widens nothing",
    change: (d) => ps(d).push({ Sid: "Reboot", Effect: "Allow", Action: "ec2:RebootInstances", Resource: "*" }),
    lines: ["- permission set ProdOperator, inline policy: adds statement Reboot: Allow ec2:RebootInstances on \\* [`org`]"],
  },
  {
    name: "permission set: a new one that can escalate, granted",
    change: (d) => {
      org(d).identityCenter.permissionSets.Escalator = {
        inlinePolicy: { Statement: [{ Sid: "Roles", Effect: "Allow", Action: ["iam:PassRole", "lambda:CreateFunction"], Resource: "*" }] },
      };
      org(d).identityCenter.assignments.push({ groups: ["OnCall"], permissionSets: ["Escalator"], targets: { accounts: ["app-dev"] } });
    },
    lines: [
      "- ⚠️ Escalator becomes privileged: allows iam:PassRole on any role together with lambda:CreateFunction, so it can run code as any role [`org`]",
      "- ⚠️ group OnCall can now use Escalator in app-dev [`org`]",
      "- ➕ group OnCall: **Escalator** in `app-dev` (100000000005) [`org`]",
      "- permission set Escalator, inline policy: adds statement Roles: Allow iam:PassRole, lambda:CreateFunction on \\* [`org`]",
    ],
  },
  {
    name: "GitHub role: inline Resource becomes *",
    change: (d) => {
      role(d).inlinePolicies.artifacts.Statement[0].Resource = "*";
    },
    lines: [
      "- ⚠️ GitHub role deploy in app-prod can now call s3:PutObject on \\* [`org`]",
      "- GitHub role deploy in app-prod, inline policy artifacts: statement Upload: adds resource \\*; removes resource arn:aws:s3:::acme-artifacts/app/\\* [`org`]",
    ],
  },
  {
    name: "GitHub role: new inline policy",
    change: (d) => {
      role(d).inlinePolicies.logs = { Statement: [{ Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: "*" }] };
    },
    lines: [
      "- ⚠️ GitHub role deploy in app-prod can now call logs:PutLogEvents on \\* [`org`]",
      "- `deploy` in `app-prod`: inline:artifacts -> inline:artifacts, inline:logs [`org`]",
      "- GitHub role deploy in app-prod, inline policy logs: adds statement 1: Allow logs:PutLogEvents on \\* [`org`]",
    ],
  },
  {
    name: "GitHub role: inline policy removed",
    change: (d) => {
      delete role(d).inlinePolicies.artifacts;
      role(d).managedPolicies = ["ReadOnlyAccess"];
    },
    lines: [
      "- ⚠️ GitHub role deploy in app-prod gains ReadOnlyAccess [`org`]",
      "- GitHub role deploy in app-prod can no longer call s3:PutObject on arn:aws:s3:::acme-artifacts/app/\\* [`org`]",
      "- `deploy` in `app-prod`: inline:artifacts -> ReadOnlyAccess [`org`]",
      "- GitHub role deploy in app-prod, inline policy artifacts: removes statement Upload: Allow s3:PutObject on arn:aws:s3:::acme-artifacts/app/\\* [`org`]",
    ],
  },
  {
    name: "trust policy: adds a branch subject",
    change: (d) => role(d).subjects.push({ branch: "main" }),
    lines: [
      "- ⚠️ GitHub role deploy in app-prod can now be assumed when token.actions.githubusercontent.com:sub is repo:acme/app:ref:refs/heads/main [`org`]",
      "- `deploy` in `app-prod`: now admits `repo:acme/app:ref:refs/heads/main` [`org`]",
      "- GitHub role deploy in app-prod, trust policy: statement GithubActions: condition token.actions.githubusercontent.com:sub (StringEquals) adds repo:acme/app:ref:refs/heads/main [`org`]",
    ],
  },
  {
    name: "trust policy: environment production becomes staging",
    change: (d) => {
      role(d).subjects = [{ environment: "staging" }];
    },
    lines: [
      "- ⚠️ GitHub role deploy in app-prod can now be assumed when token.actions.githubusercontent.com:sub is repo:acme/app:environment:staging [`org`]",
      "- GitHub role deploy in app-prod can no longer be assumed when token.actions.githubusercontent.com:sub is repo:acme/app:environment:production [`org`]",
      "- `deploy` in `app-prod`: now admits `repo:acme/app:environment:staging`; no longer admits `repo:acme/app:environment:production` [`org`]",
      "- GitHub role deploy in app-prod, trust policy: statement GithubActions: condition token.actions.githubusercontent.com:sub (StringEquals) adds repo:acme/app:environment:staging, removes repo:acme/app:environment:production [`org`]",
    ],
  },
  {
    name: "SCP exemption: exempts every role",
    change: (d) => scp(d, "protect-roles")[0].Condition.ArnNotLike["aws:PrincipalArn"].push("arn:aws:iam::*:role/*"),
    lines: [
      "- ⚠️ SCP protect-roles no longer applies to any role (it exempts arn:aws:iam::\\*:role/\\*) [`org`]",
      "- `protect-roles`: newly exempts `arn:aws:iam::*:role/*` [`org`]",
      "- SCP protect-roles: statement ProtectBaseline: condition aws:PrincipalArn (ArnNotLike) adds arn:aws:iam::\\*:role/\\* [`org`]",
    ],
  },
  {
    name: "SCP exemption: exempts one more role",
    change: (d) => scp(d, "protect-roles")[0].Condition.ArnNotLike["aws:PrincipalArn"].push("arn:aws:iam::*:role/Recovery"),
    lines: [
      "- ⚠️ SCP protect-roles newly exempts arn:aws:iam::\\*:role/Recovery [`org`]",
      "- `protect-roles`: newly exempts `arn:aws:iam::*:role/Recovery` [`org`]",
      "- SCP protect-roles: statement ProtectBaseline: condition aws:PrincipalArn (ArnNotLike) adds arn:aws:iam::\\*:role/Recovery [`org`]",
    ],
  },
  {
    name: "SCP exemption: BreakGlass becomes ops/BreakGlass",
    change: (d) => {
      scp(d, "protect-roles")[0].Condition.ArnNotLike["aws:PrincipalArn"] = ["arn:aws:iam::*:role/ops/BreakGlass"];
    },
    lines: [
      "- ⚠️ SCP protect-roles newly exempts arn:aws:iam::\\*:role/ops/BreakGlass [`org`]",
      "- SCP protect-roles no longer exempts arn:aws:iam::\\*:role/BreakGlass [`org`]",
      "- `protect-roles`: newly exempts `arn:aws:iam::*:role/ops/BreakGlass`; no longer exempts `arn:aws:iam::*:role/BreakGlass` [`org`]",
      "- SCP protect-roles: statement ProtectBaseline: condition aws:PrincipalArn (ArnNotLike) adds arn:aws:iam::\\*:role/ops/BreakGlass, removes arn:aws:iam::\\*:role/BreakGlass [`org`]",
    ],
  },
  {
    name: "SCP condition: allows one more region",
    change: (d) => scp(d, "deny-regions")[0].Condition.StringNotEquals["aws:RequestedRegion"].push("us-east-1"),
    lines: [
      "- ⚠️ SCP deny-regions no longer applies when aws:RequestedRegion is us-east-1 [`org`]",
      "- SCP deny-regions: statement OnlyIreland: condition aws:RequestedRegion (StringNotEquals) adds us-east-1 [`org`]",
    ],
  },
  {
    name: "SCP condition: Ireland becomes Frankfurt",
    change: (d) => {
      scp(d, "deny-regions")[0].Condition.StringNotEquals["aws:RequestedRegion"] = ["eu-central-1"];
    },
    lines: [
      "- ⚠️ SCP deny-regions no longer applies when aws:RequestedRegion is eu-central-1 [`org`]",
      "- SCP deny-regions now also applies when aws:RequestedRegion is eu-west-1 [`org`]",
      "- SCP deny-regions: statement OnlyIreland: condition aws:RequestedRegion (StringNotEquals) adds eu-central-1, removes eu-west-1 [`org`]",
    ],
  },
  {
    name: "SCP NotAction: s3 excepted from the region restriction",
    change: (d) => scp(d, "deny-regions")[0].NotAction.push("s3:*"),
    lines: [
      "- ⚠️ SCP deny-regions no longer denies s3:\\* (now excepted) [`org`]",
      "- `deny-regions`: now denies everything except iam:\\*, organizations:\\*, s3:\\*, sts:\\*; no longer denies everything except iam:\\*, organizations:\\*, sts:\\* [`org`]",
      "- SCP deny-regions: statement OnlyIreland: now excepts action s3:\\* [`org`]",
    ],
  },
  {
    name: "SCP NotAction: sts no longer excepted",
    change: (d) => scp(d, "deny-regions")[0].NotAction.splice(2, 1),
    lines: [
      "- SCP deny-regions now also denies sts:\\* [`org`]",
      "- `deny-regions`: now denies everything except iam:\\*, organizations:\\*; no longer denies everything except iam:\\*, organizations:\\*, sts:\\* [`org`]",
      "- SCP deny-regions: statement OnlyIreland: no longer excepts action sts:\\* [`org`]",
    ],
  },
  {
    name: "SCP root-only: deny applies to everyone",
    change: (d) => {
      delete scp(d, "deny-root")[0].Condition;
      scp(d, "deny-root")[0].Action = "ec2:*";
    },
    lines: [
      "- ⚠️ SCP deny-root no longer denies \\* to root users [`org`]",
      "- SCP deny-root now applies to every principal, not only root users [`org`]",
      "- `deny-root`: now denies ec2:\\*; no longer denies \\* (root users only) [`org`]",
      "- SCP deny-root: statement NoRootUser: adds action ec2:\\*; removes action \\*; removes condition aws:PrincipalArn matches arn:aws:iam::\\*:root [`org`]",
    ],
  },
  {
    name: "SCP root-only: deny becomes root-only",
    change: (d) => {
      scp(d, "protect-roles")[0].Condition = { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } };
    },
    lines: [
      "- ⚠️ SCP protect-roles now applies only to root users [`org`]",
      "- SCP protect-roles no longer exempts arn:aws:iam::\\*:role/BreakGlass [`org`]",
      "- `protect-roles`: no longer exempts `arn:aws:iam::*:role/BreakGlass`; now denies iam:DeleteRole (root users only); now denies iam:UpdateAssumeRolePolicy (root users only); no longer denies iam:DeleteRole; no longer denies iam:UpdateAssumeRolePolicy [`org`]",
      "- SCP protect-roles: statement ProtectBaseline: adds condition aws:PrincipalArn matches arn:aws:iam::\\*:root; removes condition aws:PrincipalArn does not match arn:aws:iam::\\*:role/BreakGlass [`org`]",
    ],
  },
  {
    name: "SCP targets: region restriction only in prod",
    change: (d) => {
      org(d).guardrails.policies["deny-regions"].targets = { organizationalUnits: ["workloads/prod"] };
    },
    lines: [
      "- ⚠️ SCP deny-regions no longer covers ou:workloads [`org`]",
      "- ⚠️ SCP deny-regions no longer reaches app-dev [`org`]",
      "- SCP deny-regions now covers ou:workloads/prod [`org`]",
      "- `deny-regions`: now covers `ou:workloads/prod`; no longer covers `ou:workloads` [`org`]",
    ],
  },
  {
    name: "SCP targets: root-user deny on the whole organization",
    change: (d) => {
      org(d).guardrails.policies["deny-root"].targets = { root: true };
    },
    lines: [
      "- ⚠️ SCP deny-root no longer covers ou:workloads [`org`]",
      "- SCP deny-root now covers root [`org`]",
      "- `deny-root`: now covers `root`; no longer covers `ou:workloads` [`org`]",
    ],
  },
  {
    name: "built-in guardrail: exempts a permission set",
    change: (d) => {
      org(d).guardrails.denyIamUsers.exemptPermissionSets = ["ProdOperator"];
    },
    lines: [
      "- ⚠️ SCP keyless-deny-iam-users newly exempts arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*/AWSReservedSSO\\_ProdOperator\\_???????????????? [`org`]",
      "- ⚠️ SCP keyless-deny-iam-users newly exempts arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO\\_ProdOperator\\_???????????????? [`org`]",
      "- `keyless-deny-iam-users`: newly exempts `permission set ProdOperator (its AWSReservedSSO_ProdOperator_<suffix> roles)` [`org`]",
      "- SCP keyless-deny-iam-users: statement DenyIamUsersAndLongLivedCredentials: condition aws:PrincipalArn (ArnNotLike) adds arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*/AWSReservedSSO\\_ProdOperator\\_????????????????, arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO\\_ProdOperator\\_???????????????? [`org`]",
      "- SCP keyless-deny-iam-users: statement DenyIdentityProviders: condition aws:PrincipalArn (ArnNotLike) adds arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*/AWSReservedSSO\\_ProdOperator\\_????????????????, arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO\\_ProdOperator\\_???????????????? [`org`]",
      "- SCP keyless-deny-iam-users: statement DenyLongTermBedrockKeys: condition aws:PrincipalArn (ArnNotLike) adds arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\*/AWSReservedSSO\\_ProdOperator\\_????????????????, arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO\\_ProdOperator\\_???????????????? [`org`]",
    ],
  },
  {
    name: "built-in guardrail: allows key status changes",
    change: (d) => {
      org(d).guardrails.denyIamUsers.allowKeyStatusChanges = true;
    },
    lines: [
      "- ⚠️ SCP keyless-deny-iam-users no longer denies iam:UpdateAccessKey, iam:UpdateSSHPublicKey, iam:UpdateServiceSpecificCredential, iam:UpdateSigningCertificate [`org`]",
      "- `keyless-deny-iam-users`: newly exempts `key status changes (deactivate and re-activate) allowed`; no longer denies iam:UpdateAccessKey; no longer denies iam:UpdateSSHPublicKey; no longer denies iam:UpdateServiceSpecificCredential; no longer denies iam:UpdateSigningCertificate [`org`]",
      "- SCP keyless-deny-iam-users: statement DenyIamUsersAndLongLivedCredentials: removes action iam:UpdateAccessKey; removes action iam:UpdateSSHPublicKey; removes action iam:UpdateServiceSpecificCredential; removes action iam:UpdateSigningCertificate [`org`]",
    ],
  },
  {
    name: "built-in guardrail: removed",
    change: (d) => {
      delete org(d).guardrails.denyIamUsers;
    },
    lines: [
      "- ⚠️ SCP keyless-deny-iam-users is removed: it no longer applies to ou:workloads [`org`]",
      "- ➖ `keyless-deny-iam-users` from `ou:workloads` [`org`]",
      "- SCP keyless-deny-iam-users: removes statement DenyIamUsersAndLongLivedCredentials: Deny cognito-identity:CreateIdentityPool, cognito-identity:SetIdentityPoolRoles, cognito-identity:UpdateIdentityPool, iam:AddUserToGroup, iam:AttachGroupPolicy, iam:AttachUserPolicy, iam:ChangePassword, iam:CreateAccessKey, iam:CreateLoginProfile, iam:CreateServiceSpecificCredential, iam:CreateUser, iam:DeleteAccountPasswordPolicy, iam:DeleteUserPermissionsBoundary, iam:PutGroupPolicy, iam:PutUserPolicy, iam:ResetServiceSpecificCredential, iam:UpdateAccessKey, iam:UpdateAccountPasswordPolicy, iam:UpdateLoginProfile, iam:UpdateSSHPublicKey, iam:UpdateServiceSpecificCredential, iam:UpdateSigningCertificate, iam:UploadSSHPublicKey, iam:UploadSigningCertificate, iot:CreateCertificateFromCsr, iot:CreateKeysAndCertificate, iot:CreateRoleAlias, iot:RegisterCACertificate, iot:RegisterCertificate, iot:RegisterCertificateWithoutCA, iot:UpdateRoleAlias, rolesanywhere:CreateProfile, rolesanywhere:CreateTrustAnchor, rolesanywhere:EnableProfile, rolesanywhere:EnableTrustAnchor, rolesanywhere:UpdateProfile, rolesanywhere:UpdateTrustAnchor, ssm:CreateActivation on \\* unless aws:PrincipalArn matches arn:aws:iam::\\*:role/BreakGlass [`org`]",
      "- SCP keyless-deny-iam-users: removes statement DenyIdentityProviders: Deny iam:AddClientIDToOpenIDConnectProvider, iam:CreateOpenIDConnectProvider, iam:CreateSAMLProvider, iam:UpdateOpenIDConnectProviderThumbprint, iam:UpdateSAMLProvider on \\* unless aws:PrincipalArn matches one of arn:aws:iam::\\*:role/BreakGlass, arn:aws:iam::\\*:role/OrganizationAccountAccessRole [`org`]",
      "- SCP keyless-deny-iam-users: removes statement DenyLongTermBedrockKeys: Deny bedrock:CallWithBearerToken on \\* when bedrock:BearerTokenType is LONG\\_TERM unless aws:PrincipalArn matches arn:aws:iam::\\*:role/BreakGlass [`org`]",
      "- SCP keyless-deny-iam-users: removes statement ProtectExemptRoles: Deny iam:AttachRolePolicy, iam:CreateRole, iam:DeleteRole, iam:DeleteRolePermissionsBoundary, iam:DeleteRolePolicy, iam:DetachRolePolicy, iam:PassRole, iam:PutRolePermissionsBoundary, iam:PutRolePolicy, iam:TagRole, iam:UntagRole, iam:UpdateAssumeRolePolicy, iam:UpdateRole, iam:UpdateRoleDescription, sts:AssumeRole on arn:aws:iam::\\*:role/BreakGlass, arn:aws:iam::\\*:role/OrganizationAccountAccessRole, arn:aws:iam::\\*:role/aws-reserved/sso.amazonaws.com/\\* unless aws:PrincipalArn matches one of arn:aws:iam::\\*:role/BreakGlass, arn:aws:iam::\\*:role/OrganizationAccountAccessRole [`org`]",
      "- SCP keyless-deny-iam-users: removes statement DenyMemberRootUser: Deny every action on \\* for root users only when aws:AssumedRoot is absent [`org`]",
    ],
  },
  {
    name: "SCP: new Deny statement",
    change: (d) => scp(d, "protect-roles").push({ Sid: "ProtectLogs", Effect: "Deny", Action: "logs:DeleteLogGroup", Resource: "*" }),
    lines: [
      "- SCP protect-roles now denies logs:DeleteLogGroup on \\* [`org`]",
      "- `protect-roles`: now denies logs:DeleteLogGroup [`org`]",
      "- SCP protect-roles: adds statement ProtectLogs: Deny logs:DeleteLogGroup on \\* [`org`]",
    ],
  },
];
