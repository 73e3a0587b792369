import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** KL603: a permission set no assignment in any workspace grants. */
export const unusedPermissionSets: PlanRule = {
  name: "unused-permission-sets",
  codes: ["KL603"],
  check(ctx) {
    const used = new Set(ctx.plan.workspaces.flatMap((w) => w.identityCenter.assignments.map((a) => a.permissionSet)));
    return ctx.plan.workspaces.flatMap((w) =>
      w.identityCenter.permissionSets
        .filter((ps) => !used.has(ps.key))
        .map((ps) => ({
          code: "KL603" as const,
          subject: subject.permissionSet(ps.key),
          file: w.file,
          path: ["identityCenter", "permissionSets", ps.key],
          message: `permission set "${ps.key}" is declared but no assignment in any workspace grants it`,
          fix: "assign it, or delete it",
        })),
    );
  },
};
