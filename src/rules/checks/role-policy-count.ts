import { IAM_ROLE_LIMITS } from "../../aws-limits";
import type { Finding, PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/**
 * KL514 / KL515: managed policies (AWS and customer managed) of a GitHub Actions role: an error past
 * the quota (githubOidc.quotas.managedPoliciesPerRole, default 10), a warning past AWS's default when
 * the quota is raised, since the account must really have it.
 */
export const rolePolicyCount: PlanRule = {
  name: "role-policy-count",
  codes: ["KL514", "KL515"],
  alsoOnErrors: true,
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) => {
      const quota = ctx.definitions.get(w.name)?.githubOidc?.quotas?.managedPoliciesPerRole ?? IAM_ROLE_LIMITS.managedPoliciesDefault;
      return w.githubOidc.roles.flatMap((r): Finding[] => {
        const count = r.managedPolicyArns.length;
        const base = { subject: subject.role(r.key), file: w.file, path: ["githubOidc", "roles", r.key, "managedPolicies"] };
        if (count > quota) {
          return [
            {
              ...base,
              code: "KL514",
              message: `the role has ${count} managed policies (AWS and customer managed), over the quota of ${quota}`,
              fix: "merge policies into a customer managed policy, or raise the quota and set githubOidc.quotas.managedPoliciesPerRole",
            },
          ];
        }
        if (count > IAM_ROLE_LIMITS.managedPoliciesDefault) {
          return [
            {
              ...base,
              code: "KL515",
              message: `the role has ${count} managed policies, over AWS's default of ${IAM_ROLE_LIMITS.managedPoliciesDefault}`,
              fix: `make sure account ${r.account.name} has the "Managed policies per role" quota raised to at least ${count}`,
            },
          ];
        }
        return [];
      });
    });
  },
};
