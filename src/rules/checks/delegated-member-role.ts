import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";
import { isDelegated } from "./delegated-assignments";

const DEFAULT_ROLE = "OrganizationAccountAccessRole";

/** KL804: member accounts reached through OrganizationAccountAccessRole with a delegated administrator's credentials. */
export const delegatedMemberRole: PlanRule = {
  name: "delegated-member-role",
  codes: ["KL804"],
  check(ctx) {
    const management = ctx.inventory.managementAccount;
    return ctx.plan.workspaces
      .filter((w) => isDelegated(w, management) && w.aws.memberAccountRole === DEFAULT_ROLE && w.memberAccounts.some((a) => a.name !== w.aws.account.name))
      .map((w) => ({
        code: "KL804" as const,
        subject: subject.workspace(w.name),
        file: w.file,
        path: ctx.definitions.get(w.name)?.aws.memberAccountRole ? ["aws", "memberAccountRole"] : ["aws"],
        message: `this workspace runs from ${w.aws.account.name}, not the management account, and manages GitHub Actions resources in ${w.memberAccounts
          .filter((a) => a.name !== w.aws.account.name)
          .map((a) => a.name)
          .join(", ")} by assuming ${DEFAULT_ROLE}, which trusts only the management account by default`,
        fix: `set aws.memberAccountRole to a role that trusts ${w.aws.account.name} in those accounts, or manage the GitHub Actions roles from a workspace run from the management account`,
      }));
  },
};
