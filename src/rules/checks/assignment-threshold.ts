import { IDENTITY_CENTER_LIMITS } from "../../aws-limits";
import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** KL312: a workspace with more account assignments than a first apply creates in half a chained role session. */
export const assignmentThreshold: PlanRule = {
  name: "assignment-threshold",
  codes: ["KL312"],
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) => {
      const count = w.identityCenter.assignments.length;
      const threshold = ctx.definitions.get(w.name)?.identityCenter?.defaults?.assignmentWarningThreshold ?? IDENTITY_CENTER_LIMITS.assignmentWarningThreshold;
      if (count <= threshold) return [];
      const { assignmentSecondsEach: secondsEach, assignmentsInFlight: inFlight, chainedSessionMinutes: session } = IDENTITY_CENTER_LIMITS;
      const perMinute = Math.round((60 / secondsEach) * inFlight);
      const minutes = Math.ceil(count / perMinute);
      return [
        {
          code: "KL312" as const,
          subject: subject.workspace(w.name),
          file: w.file,
          path: ["identityCenter", "assignments"],
          message: `this workspace has ${count} account assignments, more than its threshold of ${threshold}: a first apply creates about ${perMinute} a minute (the provider waits about ${secondsEach} s for each, ${inFlight} at a time), so it takes about ${minutes} minute${minutes === 1 ? "" : "s"}, and every plan refreshes each one; a chained role session lasts ${session} minutes`,
          fix: "split the assignments across workspaces (for example one per OU or per team), or raise identityCenter.defaults.assignmentWarningThreshold if your apply's credentials outlive the apply",
        },
      ];
    });
  },
};
