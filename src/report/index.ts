/** The effective-access report and the PR diff. */
export { buildReport, renderReport, reportJson } from "./report";
export { applyOrder } from "./apply-order";
export { diffPlans, diffReports, renderDiff, isEmptyDiff, changedWorkspaces, type AccessDiff, type PolicyChange, type Shift } from "./diff";
export { diffPolicy, type PolicyDelta } from "./policy-diff";
export { statementWords, conditionWords } from "./policy-words";
export { reportHtml } from "./html";
export { reportCsv } from "./csv";
export { materializeBase, GitBaseError, type BaseDefinitions } from "./git-base";
export type * from "./model";
