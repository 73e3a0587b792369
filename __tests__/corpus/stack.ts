import type { CorpusCase } from "./case";
import { ORG, org } from "./base";

/** KL9xx: the Terraform stacks (providers kept for state, plan memory). */
export const stackCases: readonly CorpusCase[] = [
  // KL901 (warning): the previous synthesis managed resources in an account the workspace has left
  {
    name: "last GitHub role of an account removed since the previous synth",
    files: { [ORG]: org() },
    previous: {
      org: {
        provider: { aws: [{ allowed_account_ids: ["100000000000"] }, { alias: "app-dev", allowed_account_ids: ["100000000005"] }] },
        resource: { aws_iam_role: { "dev-deploy": { name: "dev-deploy", provider: "aws.app-dev" } } },
      },
    },
    code: "KL901",
    path: "$.aws",
    says: "add app-dev to aws.retainProviders",
  },
  // KL902 (warning): a provider kept by aws.retainProviders, to be dropped once applied
  {
    name: "provider retained for an account the workspace no longer uses",
    files: { [ORG]: org(["aws.retainProviders", ["app-dev"]]) },
    code: "KL902",
    path: "$.aws.retainProviders[0]",
    says: "remove the entry",
  },
  {
    name: "provider retained for an account the workspace still uses",
    files: { [ORG]: org(["aws.retainProviders", ["app-prod"]]) },
    code: "KL902",
    path: "$.aws.retainProviders[0]",
    says: "does nothing",
  },
  // KL903 (warning): more provider processes than the plan memory budget
  {
    name: "plan memory budget smaller than the workspace's providers",
    files: { [ORG]: org(["aws.planMemoryBudget", 1]) },
    code: "KL903",
    path: "$.githubOidc",
    says: "at most 0 member accounts fit in 1 GB",
  },
];
