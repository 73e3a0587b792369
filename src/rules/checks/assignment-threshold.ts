import { IDENTITY_CENTER_LIMITS } from "../../aws-limits";
import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** KL312: a workspace with more account assignments than its threshold (Identity Center throttles). */
export const assignmentThreshold: PlanRule = {
  name: "assignment-threshold",
  codes: ["KL312"],
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) => {
      const count = w.identityCenter.assignments.length;
      const threshold = ctx.definitions.get(w.name)?.identityCenter?.defaults?.assignmentWarningThreshold ?? IDENTITY_CENTER_LIMITS.assignmentWarningThreshold;
      if (count <= threshold) return [];
      return [
        {
          code: "KL312" as const,
          subject: subject.workspace(w.name),
          file: w.file,
          path: ["identityCenter", "assignments"],
          message: `this workspace has ${count} account assignments, more than its threshold of ${threshold}: Identity Center runs about 10 assignment operations at a time, so plans and applies take long and get throttled`,
          fix: "split the assignments across workspaces (for example one per OU or per team), or raise identityCenter.defaults.assignmentWarningThreshold if you accept the slower applies",
        },
      ];
    });
  },
};
