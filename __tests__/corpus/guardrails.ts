import { deny, inv, ORG, org, other, scp } from "./base";
import { CorpusCase } from "./case";

const INV = "shared/organization.yaml";
const DENY = "guardrails.denyIamUsers";
const POLICIES = "guardrails.policies";
const WORKLOADS = { organizationalUnits: ["workloads"] };

/** `n` small deny-only SCPs, each denying one more service, attached to `targets`. */
const scps = (n: number, targets: unknown, prefix = "deny") =>
  Object.fromEntries(
    ["ec2", "s3", "rds", "lambda", "dynamodb", "sqs"]
      .slice(0, n)
      .map((svc) => [
        `${prefix}-${svc}-outside-eu`,
        scp({ targets, document: { Statement: [deny({ Action: `${svc}:*`, Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } } })] } }),
      ]),
  );

/** KL4xx: Service Control Policies. */
export const guardrailsCases: CorpusCase[] = [
  // KL401: SCP too large
  {
    name: "custom SCP over 5,120 characters",
    files: { [ORG]: org([`${POLICIES}.deny-regions`, scp({ document: { Statement: [deny({ Action: Array.from({ length: 200 }, (_, i) => `ec2:CreateSomethingLong${i}`) })] } })]) },
    code: "KL401",
    path: "$.guardrails.policies.deny-regions.document",
  },
  {
    name: "deny-IAM-users guardrail with 200 exempt roles",
    files: { [ORG]: org([`${DENY}.exemptRoles`, Array.from({ length: 200 }, (_, i) => `team-${i}/PipelineBreakGlassRole`)]) },
    code: "KL401",
    path: "$.guardrails.denyIamUsers",
  },

  // KL402: too many SCPs on one target
  {
    name: "six SCPs attached to one OU",
    files: { [ORG]: org([POLICIES, scps(5, WORKLOADS)], ["guardrails.merge", false]) },
    code: "KL402",
    path: "$.guardrails.denyIamUsers.targets.organizationalUnits[0]",
  },
  {
    name: "one SCP too many beside four Control Tower guardrails",
    files: {
      [ORG]: org(),
      [INV]: inv(
        ["organizationalUnits", "workloads", "attachedPolicies"],
        ["FullAWSAccess", "aws-guardrails-AAAAAA", "aws-guardrails-BBBBBB", "aws-guardrails-CCCCCC", "aws-guardrails-DDDDDD"],
      ),
    },
    code: "KL402",
    path: "$.guardrails.denyIamUsers.targets.organizationalUnits[0]",
  },
  {
    name: "two workspaces fill one OU past five",
    files: { [ORG]: org(), "dev.yaml": other({ guardrails: { policies: scps(4, WORKLOADS, "dev") } }) },
    code: "KL402",
    path: "$.guardrails.policies.dev-ec2-outside-eu.targets.organizationalUnits[0]",
    file: "dev.yaml",
  },
  {
    name: "five custom SCPs on the root beside FullAWSAccess",
    files: { [ORG]: org([POLICIES, scps(5, { root: true })], ["guardrails.merge", false]) },
    code: "KL402",
    path: "$.guardrails.policies.deny-dynamodb-outside-eu.targets.root",
  },
  {
    name: "account-level SCPs from the inventory plus two from keyless",
    files: {
      [ORG]: org([POLICIES, scps(2, { accounts: ["app-prod"] })], ["guardrails.merge", false]),
      [INV]: inv(["accounts", "app-prod", "attachedPolicies"], ["FullAWSAccess", "legacy-deny-regions", "legacy-deny-root-user", "legacy-deny-leave"]),
    },
    code: "KL402",
  },

  // KL403 (warning): management account
  {
    name: "SCP attached to the management account",
    files: { [ORG]: org([`${DENY}.targets`, { organizationalUnits: ["workloads"], accounts: ["management"] }]) },
    code: "KL403",
    path: "$.guardrails.denyIamUsers.targets.accounts[0]",
  },

  // KL404: element SCPs do not support
  {
    name: "SCP with Principal",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Action: "organizations:LeaveOrganization", Principal: "*" })] } })]) },
    code: "KL404",
    path: "$.guardrails.policies.deny-leave-org.document.Statement[0].Principal",
  },
  {
    name: "SCP with NotPrincipal to exempt an admin role",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ NotPrincipal: { AWS: "arn:aws:iam::100000000002:role/Admin" } })] } })]) },
    code: "KL404",
    path: "$.guardrails.policies.deny-leave-org.document.Statement[0].NotPrincipal",
  },

  // KL405: action not service:Action
  {
    name: "SCP action with an upper-case service",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Action: "IAM:CreateUser" })] } })]) },
    code: "KL405",
    path: "$.guardrails.policies.deny-leave-org.document.Statement[0].Action",
  },
  {
    name: "SCP action with a dot instead of a colon",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Action: ["iam:CreateUser", "iam.CreateAccessKey"] })] } })]) },
    code: "KL405",
    path: "$.guardrails.policies.deny-leave-org.document.Statement[0].Action[1]",
  },
  {
    name: "SCP action naming only the service",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Action: "organizations" })] } })]) },
    code: "KL405",
  },
  {
    name: "SCP action with a wildcard service",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Action: "*:Delete*" })] } })]) },
    code: "KL405",
  },
  {
    name: "SCP NotAction with a space",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Action: undefined, NotAction: ["iam:Get*", "iam:List *"] })] } })]) },
    code: "KL405",
    path: "$.guardrails.policies.deny-leave-org.document.Statement[0].NotAction[1]",
  },

  // KL406 (warning): could be merged
  {
    name: "two deny-only guardrails on the same OU, merge unset",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ targets: WORKLOADS })]) },
    code: "KL406",
    path: "$.guardrails.policies.deny-leave-org",
  },

  // KL407: no Resource
  {
    name: "SCP statement without Resource",
    files: { [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Resource: undefined })] } })]) },
    code: "KL407",
    path: "$.guardrails.policies.deny-leave-org.document.Statement[0]",
  },
  {
    name: "second SCP statement without Resource",
    files: {
      [ORG]: org([`${POLICIES}.deny-leave-org`, scp({ document: { Statement: [deny({ Sid: "A" }), deny({ Sid: "B", Action: "iam:CreateAccessKey", Resource: undefined })] } })]),
    },
    code: "KL407",
    path: "$.guardrails.policies.deny-leave-org.document.Statement[1]",
  },

  // KL408 (warning): Allow in an SCP
  {
    name: "allow-list SCP beside FullAWSAccess",
    files: { [ORG]: org([`${POLICIES}.allow-eu-services`, scp({ document: { Statement: [{ Effect: "Allow", Action: ["ec2:*", "s3:*"], Resource: "*" }] } })]) },
    code: "KL408",
    path: "$.guardrails.policies.allow-eu-services.document.Statement[0].Effect",
  },

  // KL409 (warning): cannot be merged as asked
  {
    name: "merge: true with an Allow statement on the same targets",
    files: {
      [ORG]: org(
        ["guardrails.merge", true],
        [`${POLICIES}.allow-eu-services`, scp({ targets: WORKLOADS, document: { Statement: [{ Effect: "Allow", Action: "ec2:*", Resource: "*" }] } })],
      ),
    },
    code: "KL409",
    path: "$.guardrails.merge",
  },
  {
    name: "merge: true with a Sid the deny-IAM-users guardrail also uses",
    files: {
      [ORG]: org(
        ["guardrails.merge", true],
        [`${POLICIES}.deny-more`, scp({ targets: WORKLOADS, document: { Statement: [deny({ Sid: "DenyIamUsersAndLongLivedCredentials", Action: "iam:CreateGroup" })] } })],
      ),
    },
    code: "KL409",
  },
  // KL410: principal-tag exemption
  {
    name: "deny-IAM-users guardrail exempting principals by tag",
    files: { [ORG]: org([`${DENY}.exemptPrincipalTags`, { "keyless-exempt": "true" }]) },
    code: "KL410",
    path: "$.guardrails.denyIamUsers.exemptPrincipalTags.keyless-exempt",
    says: "session tags passed by a caller outside the organization",
  },

  // KL411 (warning): opt-out in use
  {
    name: "guardrail leaving IAM Roles Anywhere open with a reason",
    files: { [ORG]: org([`${DENY}.allow`, { rolesAnywhere: "The on-premises build farm authenticates with Roles Anywhere until Q3 2027." }]) },
    code: "KL411",
    path: "$.guardrails.denyIamUsers.allow.rolesAnywhere",
    says: "Roles Anywhere",
  },

  // KL412 (warning): active account outside every guardrail
  {
    name: "active account in an OU the guardrail does not target",
    files: { [ORG]: org() },
    code: "KL412",
    path: "$.guardrails.denyIamUsers.targets",
    says: "active account audit (100000000001, in OU security)",
  },
  {
    name: "active account directly under the root",
    files: { [ORG]: org([`${DENY}.targets`, { organizationalUnits: ["workloads", "security"] }]), [INV]: inv("accounts.loose", { id: "100000000009" }) },
    code: "KL412",
    says: "directly under the root",
  },

  // KL413 (warning): the management account
  {
    name: "deny-IAM-users guardrail on the root: the management account is still outside",
    files: { [ORG]: org([`${DENY}.targets`, { root: true }]) },
    code: "KL413",
    says: "SCPs never apply there",
  },

  // KL414: deny everything on the root or an OU with active accounts
  {
    name: "unconditional Deny * on * attached to the root",
    files: { [ORG]: org([`${POLICIES}.lockdown`, scp({ targets: { root: true }, document: { Statement: [deny({ Sid: "DenyAll", Action: "*" })] } })]) },
    code: "KL414",
    path: "$.guardrails.policies.lockdown.document.Statement[0]",
  },
  {
    name: "unconditional Deny *:* on an OU with active accounts, under a condition that always holds",
    files: {
      [ORG]: org([
        `${POLICIES}.lockdown`,
        scp({
          targets: { organizationalUnits: ["workloads/prod"] },
          document: { Statement: [deny({ Sid: "DenyAll", Action: "*:*", Condition: { StringLike: { "aws:PrincipalArn": "*" } } })] },
        }),
      ]),
    },
    code: "KL414",
    says: "OU workloads/prod (2 active accounts)",
  },
];
