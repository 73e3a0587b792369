import { ruleMaker, type RuleInfo } from "../rule-info";

const stack = ruleMaker("stack");

/** KL9xx: the Terraform stacks keyless writes: providers, state continuity, what a plan costs. */
export const STACK_RULES = {
  KL901: stack({
    severity: "warning",
    summary: "provider kept for resources that are still in state",
    explanation:
      'Terraform destroys a resource through the provider configuration recorded in its state. When the last GitHub OIDC provider or role of an account leaves a workspace, that account\'s aliased provider would leave the configuration with it and terraform plan would fail with "Provider configuration not present". keyless saw resources there in the previous output (the stack in the output folder, or what the definitions at synth --base <git-ref> synthesize to) and keeps the provider for this synth. Where neither is available (a fresh CI checkout synthesized without --base), only aws.retainProviders keeps it.',
    fix: "Add the account to aws.retainProviders of the workspace until terraform apply has destroyed its resources, then remove it.",
  }),
  KL902: stack({
    severity: "warning",
    summary: "aws.retainProviders entry to review",
    explanation:
      "An account listed in aws.retainProviders keeps its aliased provider although the workspace declares no resource there, so that Terraform can destroy what the state still holds. An unused provider configuration costs nothing at plan time (Terraform starts no provider process for it), but the entry is meant to go once the destroy is applied. An entry for an account that the workspace still manages resources in does nothing.",
    fix: "Once terraform apply has destroyed the account's resources (the plan shows no more destroys there), remove the entry.",
  }),
  KL903: stack({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "plan needs more memory than the workspace's budget",
    explanation:
      "Every AWS provider configuration that a workspace's resources use is its own terraform-provider-aws process for the whole plan: measured at about 0.49 GB each, plus 0.25 GB for terraform (a provider configuration nothing uses starts no process). keyless declares one aliased provider per member account that a workspace creates GitHub OIDC providers or roles in, so a workspace spanning many accounts needs a big runner: 13 providers fill the 7 GB of a GitHub-hosted runner for private repositories. The budget is aws.planMemoryBudget, 7 GB by default.",
    fix: "Move the GitHub OIDC providers and roles of some accounts to another workspace file, or set aws.planMemoryBudget to the memory of your runner.",
  }),
} as const satisfies Record<string, RuleInfo>;
