import type { PlanRule } from "../plan-rule";
import { adminInProduction } from "./admin-in-production";
import { adminLongSession } from "./admin-long-session";
import { assignmentThreshold } from "./assignment-threshold";
import { breakGlassDirectoryUsers } from "./break-glass-directory-users";
import { customerManagedPolicies } from "./customer-managed-policies";
import { delegatedAssignments } from "./delegated-assignments";
import { delegatedGuardrails } from "./delegated-guardrails";
import { delegatedMemberRole } from "./delegated-member-role";
import { guardrailCoverage } from "./guardrail-coverage";
import { managedPolicyNames } from "./managed-policy-names";
import { individualUserAssignments } from "./individual-user-assignments";
import { permissionSetPolicyCount } from "./permission-set-policy-count";
import { permissionSetsPerInstance } from "./permission-sets-per-instance";
import { planMemory } from "./plan-memory";
import { policySize } from "./policy-size";
import { rolePolicyCount } from "./role-policy-count";
import { scpAttachmentsPerTarget } from "./scp-attachments-per-target";
import { unusedGroups } from "./unused-groups";
import { unusedPermissionSets } from "./unused-permission-sets";
import { wildcardInlinePolicies } from "./wildcard-inline-policies";

/** Every rule over the compiled plan, run after compile (src/rules/runner.ts). */
export const PLAN_CHECKS: readonly PlanRule[] = [
  // Quotas and sizes (alsoOnErrors: collected with every other error).
  policySize,
  permissionSetPolicyCount,
  permissionSetsPerInstance,
  rolePolicyCount,
  scpAttachmentsPerTarget,
  managedPolicyNames,
  // Security and hygiene (on a complete plan).
  adminInProduction,
  adminLongSession,
  individualUserAssignments,
  assignmentThreshold,
  unusedPermissionSets,
  unusedGroups,
  wildcardInlinePolicies,
  customerManagedPolicies,
  guardrailCoverage,
  planMemory,
  // Delegated administration and break-glass.
  delegatedAssignments,
  delegatedGuardrails,
  delegatedMemberRole,
  breakGlassDirectoryUsers,
];
