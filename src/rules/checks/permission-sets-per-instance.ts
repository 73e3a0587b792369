import { IDENTITY_CENTER_LIMITS } from "../../aws-limits";
import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** KL316: more permission sets across all workspaces than an Identity Center instance allows by default. */
export const permissionSetsPerInstance: PlanRule = {
  name: "permission-sets-per-instance",
  codes: ["KL316"],
  alsoOnErrors: true,
  check(ctx) {
    const all = ctx.plan.workspaces.flatMap((w) => w.identityCenter.permissionSets.map((ps) => ({ w, ps })));
    const max = IDENTITY_CENTER_LIMITS.permissionSetsPerInstance;
    if (all.length <= max) return [];
    const { w, ps } = all[all.length - 1];
    return [
      {
        code: "KL316",
        subject: subject.organization(),
        file: w.file,
        path: ["identityCenter", "permissionSets", ps.key],
        message: `the workspaces declare ${all.length} permission sets; an Identity Center instance allows ${max} by default`,
        fix: "request the 'permission sets per instance' quota increase before applying, or merge permission sets",
      },
    ];
  },
};
