import { IDENTITY_CENTER_LIMITS } from "../../aws-limits";
import type { Finding, PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/**
 * KL303 / KL304: AWS managed plus customer-managed policies of a permission set: at most 20 (hard
 * limit), and past 10 every target account needs the IAM 'managed policies per role' quota raised.
 */
export const permissionSetPolicyCount: PlanRule = {
  name: "permission-set-policy-count",
  codes: ["KL303", "KL304"],
  alsoOnErrors: true,
  check(ctx) {
    const { managedPoliciesPerPermissionSet: hard, managedPoliciesPerRoleDefault: soft } = IDENTITY_CENTER_LIMITS;
    return ctx.plan.workspaces.flatMap((w) =>
      w.identityCenter.permissionSets.flatMap((ps): Finding[] => {
        const managed = ps.managedPolicyArns.length;
        const customer = ps.customerManagedPolicies.length;
        const count = managed + customer;
        if (count <= soft) return [];
        const base = {
          subject: subject.permissionSet(ps.key),
          file: w.file,
          path: ["identityCenter", "permissionSets", ps.key, managed ? "managedPolicies" : "customerManagedPolicies"],
        };
        const counted = `${count} policies (${managed} AWS managed + ${customer} customer-managed)`;
        if (count > hard) {
          return [
            {
              ...base,
              code: "KL303",
              message: `${counted}, expected at most ${hard} per permission set`,
              fix: "merge policies, move statements into the inline policy, or split the permission set",
            },
          ];
        }
        return [
          {
            ...base,
            code: "KL304",
            message: `${counted}: the role this permission set becomes allows ${soft} managed policies by default`,
            fix: "request the IAM 'managed policies per role' quota increase in every target account, or use fewer policies",
          },
        ];
      }),
    );
  },
};
