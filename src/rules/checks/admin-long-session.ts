import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";
import { adminReason } from "./admin";

/** Minutes of an ISO-8601 PTnHnM duration (the schema and KL301 check the format). */
export function sessionMinutes(duration: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
}

/** KL602: an administrator permission set whose session outlasts one hour. */
export const adminLongSession: PlanRule = {
  name: "admin-long-session",
  codes: ["KL602"],
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) =>
      w.identityCenter.permissionSets.flatMap((ps) => {
        const why = adminReason(ps);
        if (!why || !(sessionMinutes(ps.sessionDuration) > 60)) return [];
        return [
          {
            code: "KL602" as const,
            subject: subject.permissionSet(ps.key),
            file: w.file,
            path: ["identityCenter", "permissionSets", ps.key, "sessionDuration"],
            message: `administrator permission set "${ps.key}" (${why}) has sessions of ${ps.sessionDuration}, longer than PT1H: a session cannot be cut short once issued`,
            fix: "set sessionDuration: PT1H on it",
          },
        ];
      }),
    );
  },
};
