/**
 * What the AWS managed policies keyless reasons about mean, for the semantic checks. Documents are
 * the policies' shape (AWS's own, reduced to what the checks look at: the administrator probes and
 * access levels), not byte copies. Sources: AWS Managed Policy Reference Guide
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/), one page per policy.
 */
export interface ManagedPolicyMeaning {
  /** Name with its path, as keyless writes it (`job-function/ViewOnlyAccess`). */
  readonly name: string;
  /**
   * - `admin`: every action on every resource;
   * - `write`: changes resources (and may or may not reach IAM, see `document`);
   * - `read-data`: only Read/List actions, but including readers of data, secrets or credentials
   *   (`reads`): not read-only by keyless's rules unless those are denied;
   * - `read-metadata`: only Read/List actions on configuration and metadata.
   */
  readonly access: "admin" | "write" | "read-data" | "read-metadata";
  /** The shape of the policy for `allowsPrivileged` (absent: grants no privileged action). */
  readonly document?: object;
  /** For `read-data`: the deny-listed readers it grants, as action patterns. */
  readonly reads?: readonly string[];
  readonly summary: string;
}

const allow = (Action: string | string[], extra: object = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });

/** The managed policies keyless knows the meaning of, by name. */
export const MANAGED_POLICY_MEANINGS: Readonly<Record<string, ManagedPolicyMeaning>> = Object.fromEntries(
  (
    [
      { name: "AdministratorAccess", access: "admin", document: { Statement: [allow("*")] }, summary: "every action on every resource" },
      {
        name: "PowerUserAccess",
        access: "write",
        document: {
          Statement: [
            { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" },
            allow([
              "iam:CreateServiceLinkedRole",
              "iam:DeleteServiceLinkedRole",
              "iam:ListRoles",
              "organizations:DescribeOrganization",
              "account:GetAccountInformation",
              "account:ListRegions",
            ]),
          ],
        },
        summary: "every action except IAM, Organizations and Account management (service-linked roles allowed)",
      },
      {
        name: "IAMFullAccess",
        access: "write",
        document: { Statement: [allow(["iam:*", "organizations:Describe*", "organizations:List*"])] },
        summary: "every IAM action (so administrator by escalation)",
      },
      {
        name: "job-function/SystemAdministrator",
        access: "write",
        document: { Statement: [allow(["ec2:*", "lambda:*", "iam:PassRole", "iam:GetRole", "iam:ListRoles", "cloudformation:*"])] },
        summary: "broad compute and iam:PassRole",
      },
      { name: "job-function/NetworkAdministrator", access: "write", summary: "network configuration" },
      { name: "job-function/DatabaseAdministrator", access: "write", summary: "database services" },
      { name: "job-function/DataScientist", access: "write", summary: "analytics and machine learning" },
      { name: "job-function/Billing", access: "write", summary: "billing and cost management" },
      { name: "job-function/SupportUser", access: "write", summary: "AWS Support cases" },
      {
        name: "ReadOnlyAccess",
        access: "read-data",
        reads: [
          "s3:GetObject*",
          "ssm:GetParameter*",
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:Scan",
          "lambda:GetFunction",
          "ecr:GetAuthorizationToken",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
          "codecommit:GitPull",
          "logs:GetLogEvents",
          "logs:FilterLogEvents",
          "kinesis:GetRecords",
          "sqs:ReceiveMessage",
          "athena:GetQueryResults",
        ],
        summary: "Read and List on every service, including object contents, parameters, table items and log events",
      },
      { name: "job-function/ViewOnlyAccess", access: "read-metadata", summary: "List and Describe of resources, no contents" },
      { name: "SecurityAudit", access: "read-metadata", summary: "security configuration metadata" },
      { name: "AWSSupportAccess", access: "write", summary: "AWS Support cases" },
    ] satisfies ManagedPolicyMeaning[]
  ).map((m) => [m.name, m]),
);

/** `AdministratorAccess`, `/job-function/ViewOnlyAccess` or an AWS managed policy ARN -> its name with path. */
export function managedPolicyName(ref: string): string {
  const m = /^arn:[\w-]+:iam::aws:policy\/(.+)$/.exec(ref);
  return (m ? m[1] : ref).replace(/^\/+/, "");
}

/** The meaning of an AWS managed policy, by name, path/name or ARN; undefined when keyless does not know it. */
export function managedPolicyMeaning(ref: string): ManagedPolicyMeaning | undefined {
  const name = managedPolicyName(ref);
  return Object.prototype.hasOwnProperty.call(MANAGED_POLICY_MEANINGS, name) ? MANAGED_POLICY_MEANINGS[name] : undefined;
}
