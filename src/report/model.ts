/**
 * The effective-access report as data: what `keyless report --format json` prints and what the PR
 * diff compares. Derived from the AccessPlan (and the compile diagnostics) only, so it is
 * deterministic: same definitions and evaluation date, same bytes.
 */

export const REPORT_VERSION = 1;

export interface AccessReport {
  readonly version: typeof REPORT_VERSION;
  /** YYYY-MM-DD the grants were evaluated at (expiry). */
  readonly evaluationDate: string;
  /** Workspace names, owners before the workspaces that look up what they own: the order to apply them. */
  readonly applyOrder: readonly string[];
  readonly workspaces: readonly WorkspaceReport[];
  /** Findings not tied to one workspace file (the organization inventory, for example). */
  readonly hazards: readonly Hazard[];
  /** The management account, which no SCP ever restricts; absent when the inventory is unknown. */
  readonly managementAccount?: string;
}

export interface WorkspaceReport {
  readonly name: string;
  readonly file: string;
  readonly description?: string;
  readonly identityCenter: IdentityCenterReport;
  readonly githubOidc: GithubOidcReport;
  readonly guardrails: GuardrailsReport;
  readonly hazards: readonly Hazard[];
}

export interface IdentityCenterReport {
  /** One per principal x permission set x account, sorted by key. */
  readonly grants: readonly Grant[];
  /** Permission sets this workspace owns. */
  readonly permissionSets: readonly PermissionSetSummary[];
}

export interface Grant {
  /** `group:<name>/<permission set key>/<account>`: stable across renames of the permission set. */
  readonly key: string;
  readonly principalType: "group" | "user";
  readonly principal: string;
  /** Permission set key (the Terraform address; never changes). */
  readonly permissionSetKey: string;
  /** Permission set AWS name (the role name users see). */
  readonly permissionSet: string;
  readonly account: string;
  readonly accountId: string;
  /** The account's OU path (`workloads/prod`; empty for the root), when the inventory is known. */
  readonly ou?: string;
  readonly expires?: string;
  /** `file:line` of the assignment that grants it, when known. */
  readonly source?: string;
}

export interface PermissionSetSummary {
  readonly key: string;
  readonly name: string;
  readonly sessionDuration: string;
  /** AWS managed policies by short name (`ReadOnlyAccess`), customer-managed ones as `path + name`. */
  readonly policies: readonly string[];
  readonly inlinePolicy: boolean;
  /** The inline policy as sent (minified JSON), for the statement-level diff. */
  readonly inlinePolicyDocument?: string;
  /** The inline policy's statements in words. */
  readonly inlineStatements?: readonly string[];
  readonly permissionsBoundary?: string;
}

export interface GithubOidcReport {
  readonly roles: readonly GithubRoleSummary[];
}

export interface GithubRoleSummary {
  readonly name: string;
  readonly account: string;
  readonly accountId: string;
  readonly arn: string;
  readonly repository: string;
  /** `sub` claims admitted: exact ones, then wildcard patterns (explicitly allowed) prefixed `like `. */
  readonly subjects: readonly string[];
  /** What a workflow job must look like to assume the role (environment, branch, tag, event). */
  readonly jobNeeds: readonly string[];
  /** Ready-to-paste job permissions and `aws-actions/configure-aws-credentials` step (YAML). */
  readonly workflowStep?: string;
  /** Every policy on keyless's read-only allowlist. */
  readonly readOnly: boolean;
  /** Risky trust or permissions the definition explicitly allowed, with the reason given. */
  readonly optIns: readonly { readonly kind: string; readonly reason: string; readonly detail: string }[];
  /** AWS managed policies by short name, then `inline:<name>`. */
  readonly policies: readonly string[];
  readonly permissionsBoundary?: string;
  readonly maxSessionDuration: number;
  /** The trust policy as sent (minified JSON). */
  readonly trustPolicy: string;
  /** Inline policies as sent, by name, with their statements in words. */
  readonly inlinePolicies: readonly { readonly name: string; readonly document: string; readonly statements: readonly string[] }[];
}

export interface GuardrailsReport {
  readonly policies: readonly GuardrailSummary[];
}

export interface GuardrailSummary {
  readonly name: string;
  readonly description: string;
  /** `root`, `ou:<path>` or `account:<name>`. */
  readonly targets: readonly string[];
  /** Actions the policy denies, sorted. */
  readonly denies: readonly string[];
  /** Principals the policy leaves out, in words when the compiler gives them, else as ARN patterns and `tag:<key>=<value>`. */
  readonly exemptions: readonly string[];
  /** Guardrails merged into this SCP (`guardrails.merge: true`). */
  readonly mergedFrom?: readonly string[];
  readonly characters: number;
  /** The SCP as sent (minified JSON). */
  readonly content: string;
  /** Every statement in words: `NotAction` as "everything except", conditions, root-only statements. */
  readonly statements: readonly string[];
  /** Active member accounts none of its targets reach, by name (the management account is never reached). */
  readonly uncoveredAccounts?: readonly string[];
}

export type HazardKind = "replacement" | "expiring" | "expired" | "opt-in" | "acknowledged" | "finding";

export interface Hazard {
  readonly kind: HazardKind;
  /** Diagnostic code, when the hazard comes from a finding. */
  readonly code?: string;
  readonly message: string;
  /** `file:line` when known. */
  readonly where?: string;
}
