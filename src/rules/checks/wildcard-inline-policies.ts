import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";
import { allowsEveryAction, statements } from "./admin";

/**
 * KL605: a permission set whose inline policy allows every action (`*` or `*:*`). GitHub Actions
 * roles are covered by KL510 (an error unless allow.administratorAccess), so they are not repeated.
 */
export const wildcardInlinePolicies: PlanRule = {
  name: "wildcard-inline-policies",
  codes: ["KL605"],
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) =>
      w.identityCenter.permissionSets.flatMap((ps) =>
        statements(ps.inlinePolicy).flatMap((s, i) =>
          allowsEveryAction(s)
            ? [
                {
                  code: "KL605" as const,
                  subject: subject.permissionSet(ps.key),
                  file: w.file,
                  path: ["identityCenter", "permissionSets", ps.key, "inlinePolicy", "Statement", i],
                  message: `the inline policy of permission set "${ps.key}" allows every action (statement ${i}${s.sid ? `, ${s.sid}` : ""}${s.actions.kind === "NotAction" ? `: every action except ${s.actions.patterns.join(", ")}` : ""}) on ${JSON.stringify(s.resources ? (s.resources.patterns.length === 1 ? s.resources.patterns[0] : s.resources.patterns) : undefined)}${s.resources?.kind === "NotResource" ? " (NotResource)" : ""}`,
                  fix: "list the actions needed, or use an AWS managed policy whose scope is documented",
                },
              ]
            : [],
        ),
      ),
    );
  },
};
