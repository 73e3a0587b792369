import { membersWithin, PLAN_MEMORY, planMemoryGb, providersInUse } from "../../stack/plan-memory";
import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** KL903: a workspace whose plan needs more memory than its budget (one provider process per member account). */
export const planMemory: PlanRule = {
  name: "plan-memory",
  codes: ["KL903"],
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) => {
      const budget = ctx.definitions.get(w.name)?.aws?.planMemoryBudget ?? PLAN_MEMORY.defaultBudgetGb;
      const { main, members } = providersInUse(w);
      const processes = members.length + (main ? 1 : 0);
      const gb = planMemoryGb(processes);
      if (gb <= budget) return [];
      const fit = membersWithin(budget, main);
      return [
        {
          code: "KL903" as const,
          subject: subject.workspace(w.name),
          file: w.file,
          path: ["githubOidc"],
          message: `terraform plan of this workspace runs ${processes} AWS provider processes (${main ? "the default one and " : ""}one per member account: ${members.join(", ")}), about ${gb.toFixed(1)} GB at its peak, more than the plan memory budget of ${budget} GB`,
          fix: `move the GitHub OIDC providers and roles of some accounts to another workspace file (each workspace is its own stack and plan): at most ${fit} member account${fit === 1 ? "" : "s"} fit in ${budget} GB; or set aws.planMemoryBudget to the memory of your runner (GitHub-hosted Linux: 7 GB for private repositories, 16 GB for public ones)`,
        },
      ];
    });
  },
};
