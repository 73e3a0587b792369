import type { PlanRule } from "../plan-rule";
import { adminInProduction } from "./admin-in-production";
import { adminLongSession } from "./admin-long-session";
import { assignmentThreshold } from "./assignment-threshold";
import { customerManagedPolicies } from "./customer-managed-policies";
import { individualUserAssignments } from "./individual-user-assignments";
import { unusedGroups } from "./unused-groups";
import { unusedPermissionSets } from "./unused-permission-sets";
import { wildcardInlinePolicies } from "./wildcard-inline-policies";

/** Every rule over the compiled plan, run after compile (src/rules/runner.ts). */
export const PLAN_CHECKS: readonly PlanRule[] = [
  adminInProduction,
  adminLongSession,
  individualUserAssignments,
  assignmentThreshold,
  unusedPermissionSets,
  unusedGroups,
  wildcardInlinePolicies,
  customerManagedPolicies,
];
