/**
 * Every diagnostic code keyless can report, in one table. Codes are a contract: they appear in CI logs
 * and acknowledgements, so a code is never reused for another meaning.
 *
 * KL0xx loading, KL1xx schema, KL2xx names and references, KL3xx Identity Center,
 * KL4xx Service Control Policies, KL5xx GitHub OIDC.
 */
export const CODES = {
  KL001: "definition file cannot be read",
  KL002: "definition file is not valid YAML or JSON",
  KL003: "no workspace definitions found",
  KL004: "workspaces name different organization inventories",
  KL005: "workspace file name cannot be a workspace name",
  KL101: "value has the wrong type",
  KL102: "required property is missing",
  KL103: "unknown property",
  KL104: "value is not one of the allowed values",
  KL105: "value does not match the expected format",
  KL106: "value is too long, too short, too large or too small",
  KL107: "value breaks a schema constraint",
  KL201: "unknown account",
  KL202: "unknown organizational unit",
  KL203: "unknown permission set",
  KL204: "unknown group",
  KL205: "object declared by more than one workspace",
  KL206: "inventory is inconsistent",
  KL207: "assignment names no principal",
  KL208: "targets reach no account",
  KL301: "session duration out of range",
  KL302: "inline policy too large",
  KL303: "too many managed policies on a permission set",
  KL304: "permission set needs an IAM quota increase in target accounts",
  KL401: "SCP too large",
  KL403: "SCP targets the management account",
  KL501: "GitHub OIDC role in an account without a provider",
  KL502: "GitHub OIDC role name too long or session out of range",
  KL503: "trust policy too large",
} as const;

export type DiagnosticCode = keyof typeof CODES;
  KL402: "too many SCPs attached to one target",
  KL404: "policy element SCPs do not support",
  KL405: "SCP action is not service:Action",
  KL406: "guardrails could be merged into fewer SCPs",
  KL407: "SCP statement without Resource",
  KL408: "Allow statement in an SCP has no effect beside FullAWSAccess",
  KL409: "guardrails cannot be merged as asked",
