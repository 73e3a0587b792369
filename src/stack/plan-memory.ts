import type { WorkspacePlan } from "../plan";

/**
 * What `terraform plan` holds in memory, measured (peak resident memory summed over terraform and its
 * provider processes, sampled every 50 ms; terraform 1.11, hashicorp/aws 5.100.0, one IAM role per
 * aliased provider): 1 provider 0.74 GB, 2 -> 1.23 GB, 4 -> 2.19 GB. Every provider configuration a
 * resource (in the configuration or in state) uses is its own process for the whole plan; a
 * configuration nothing uses is pruned by Terraform and starts no process (5 unused aliases there
 * added no process).
 */
export const PLAN_MEMORY = {
  /** terraform itself, GB. */
  terraformGb: 0.25,
  /** Each provider process in use, GB. */
  perProviderGb: 0.49,
  /** The default budget: a GitHub-hosted Linux runner of a private repository has 7 GB (public: 16 GB). */
  defaultBudgetGb: 7,
} as const;

/** The provider configurations a workspace's plan runs: the default one when it is used, and one per member account. */
export function providersInUse(ws: WorkspacePlan): { readonly main: boolean; readonly members: readonly string[] } {
  const ic = ws.identityCenter;
  const main =
    ic.permissionSets.length +
      ic.assignments.length +
      ic.managedGroups.length +
      ic.managedUsers.length +
      ic.groupMemberships.length +
      ic.permissionSetLookups.length +
      (ic.accessControlAttributes?.length ?? 0) +
      ws.guardrails.policies.length >
    0;
  const members = [...new Set([...ws.memberAccounts, ...(ws.retainedProviders ?? [])].map((a) => a.name))].sort();
  return { main, members };
}

/** Estimated peak plan memory, GB, for `providers` provider processes. */
export function planMemoryGb(providers: number): number {
  return PLAN_MEMORY.terraformGb + PLAN_MEMORY.perProviderGb * providers;
}

/** How many member-account providers fit in `budgetGb` beside the default provider (when used). */
export function membersWithin(budgetGb: number, main: boolean): number {
  return Math.max(0, Math.floor((budgetGb - PLAN_MEMORY.terraformGb - (main ? PLAN_MEMORY.perProviderGb : 0)) / PLAN_MEMORY.perProviderGb + 1e-9));
}
