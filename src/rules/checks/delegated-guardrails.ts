import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";
import { isDelegated } from "./delegated-assignments";

/** KL803: SCPs managed from a workspace run by a delegated administrator (needs delegated policy management). */
export const delegatedGuardrails: PlanRule = {
  name: "delegated-guardrails",
  codes: ["KL803"],
  check(ctx) {
    const management = ctx.inventory.managementAccount;
    return ctx.plan.workspaces
      .filter((w) => isDelegated(w, management) && w.guardrails.policies.length)
      .flatMap((w) =>
        w.guardrails.policies.map((p) => ({
          code: "KL803" as const,
          subject: subject.scp(p.name),
          file: w.file,
          path: p.declaredAt,
          message: `SCP "${p.name}" would be created and attached with the credentials of ${w.aws.account.name}, not the management account ${management}: that works only once Organizations delegates policy management to ${w.aws.account.name}`,
          fix: `delegate policy management to ${w.aws.account.name} (an Organizations resource-based delegation policy, from the management account) and acknowledge this, or move the guardrails to a workspace run from the management account`,
        })),
      );
  },
};
