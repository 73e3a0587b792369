import { cmp } from "../../diagnostics/diagnostic";
import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** KL604: a group (external or managed) no assignment in any workspace grants a permission set. */
export const unusedGroups: PlanRule = {
  name: "unused-groups",
  codes: ["KL604"],
  check(ctx) {
    const used = new Set(ctx.plan.workspaces.flatMap((w) => w.identityCenter.assignments.filter((a) => a.principalType === "GROUP").map((a) => a.principalName)));
    return ctx.plan.workspaces.flatMap((w) => {
      const groups = ctx.definitions.get(w.name)?.identityCenter?.groups ?? {};
      return Object.keys(groups)
        .sort(cmp)
        .filter((g) => !used.has(g))
        .map((g) => ({
          code: "KL604" as const,
          subject: subject.group(g),
          file: w.file,
          path: ["identityCenter", "groups", g],
          message: `${groups[g].source} group "${g}" is declared but no assignment in any workspace grants it a permission set`,
          fix: "assign it, or delete it",
        }));
    });
  },
};
