import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";
import { adminReason, isProduction, permissionSetsByKey } from "./admin";

/**
 * KL601: in a production workspace, administrator permission sets go only to the groups named in
 * rules.adminGroups. One finding per grant, so an account added later is a new finding.
 */
export const adminInProduction: PlanRule = {
  name: "admin-in-production",
  codes: ["KL601"],
  check(ctx) {
    const sets = permissionSetsByKey(ctx);
    return ctx.plan.workspaces.flatMap((w) => {
      if (!isProduction(ctx, w.name)) return [];
      const adminGroups = ctx.definitions.get(w.name)?.rules?.adminGroups ?? [];
      return w.identityCenter.assignments.flatMap((a) => {
        const ps = sets.get(a.permissionSet);
        const why = ps && adminReason(ps.plan);
        if (!why || (a.principalType === "GROUP" && adminGroups.includes(a.principalName))) return [];
        const who = a.principalType === "GROUP" ? `group "${a.principalName}"` : `user "${a.principalName}"`;
        const allowed = adminGroups.length ? `only ${adminGroups.map((g) => `"${g}"`).join(", ")} may hold` : "no group is named in rules.adminGroups to hold";
        return [
          {
            code: "KL601" as const,
            subject: subject.assignment(a),
            file: w.file,
            path: a.declaredAt ?? ["identityCenter", "assignments"],
            message: `${who} gets administrator permission set "${a.permissionSet}" (${why}) in account ${a.account.name} of production workspace "${w.name}", but ${allowed} administrator access here`,
            fix:
              a.principalType === "GROUP"
                ? `assign a narrower permission set, or add the group to rules.adminGroups of ${w.file}`
                : `assign a narrower permission set, or grant administrator access through a group named in rules.adminGroups of ${w.file}`,
          },
        ];
      });
    });
  },
};
