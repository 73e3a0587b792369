import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** KL307: a permission set assigned to a user rather than a group; one finding per grant. */
export const individualUserAssignments: PlanRule = {
  name: "individual-user-assignments",
  codes: ["KL307"],
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) =>
      w.identityCenter.assignments
        .filter((a) => a.principalType === "USER")
        .map((a) => ({
          code: "KL307" as const,
          subject: subject.assignment(a),
          file: w.file,
          path: a.declaredAt ?? ["identityCenter", "assignments"],
          message: `permission set "${a.permissionSet}" is assigned to user "${a.principalName}" in account ${a.account.name}; access granted person by person is hard to review and to revoke`,
          fix: "put the user in a group (managed, with members) and assign the group",
        })),
    );
  },
};
