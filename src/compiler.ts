/**
 * `keyless/compiler`: the compiler as a library, without the CDKTF engine. Load and validate
 * definitions, compile them to an AccessPlan, check and format findings, report and diff access.
 * Nothing here imports cdktf (the layer test and __tests__/compiler-entry.test.ts check it); the
 * typed modules that emit Terraform are the package root, `keyless`.
 */

// Definitions -> plan
export { compile, compileDefinitions, type CompileResult } from "./compile/compile";
export type { CompileOptions } from "./compile/context";
export { loadDefinitions, type LoadedDefinitions, type LoadOptions } from "./load/load";
export { validateSource, type SchemaKind } from "./validate/validate";
export type * from "./plan";
export type { Workspace } from "../modules/generated/workspace";
export type { Organization } from "../modules/generated/organization";

// Findings and the rule registry
export { formatDiagnostics, hasErrors, sortDiagnostics, type AcknowledgedDiagnostic, type Diagnostic, type Severity } from "./diagnostics/diagnostic";
export { formatFindings } from "./rules/format";
export { RULES, RULE_IDS, ruleInfo, type RuleId } from "./rules/catalog";
export type { RuleInfo } from "./rules/rule-info";

// Policies and AWS facts
export { denyIamUsersPolicy, LONG_LIVED_CREDENTIAL_ACTIONS, CREDENTIAL_STATUS_ACTIONS, type DenyIamUsersOptions } from "./policy/deny-iam-users";
export { scpProblems, SCP_ELEMENTS } from "./policy/scp-rules";
export { SCP_LIMITS, IDENTITY_CENTER_LIMITS, IAM_ROLE_LIMITS } from "./aws-limits";

// Reports over a plan
export { buildReport, renderReport, reportJson, diffPlans, diffReports, renderDiff, isEmptyDiff, type AccessDiff } from "./report";
export type { AccessReport } from "./report/model";
export { reportHtml } from "./report/html";
export { reportCsv } from "./report/csv";
export { workflowUsage, type WorkflowUsage } from "./report/workflow-usage";
export { permissionSetReplacements, type PreviousStacks } from "./stack/replacements";
export { profileEntries, renderProfiles, type ProfileEntry, type ProfilePrincipal, type ProfilesOptions } from "./profiles";
