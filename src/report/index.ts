/** The effective-access report and the PR diff. */
export { buildReport, renderReport, reportJson } from "./report";
export { applyOrder } from "./apply-order";
export { diffPlans, diffReports, renderDiff, isEmptyDiff, changedWorkspaces, type AccessDiff } from "./diff";
export { materializeBase, GitBaseError, type BaseDefinitions } from "./git-base";
export type * from "./model";
