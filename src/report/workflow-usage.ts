import { GithubRolePlan } from "../plan";

/** The action release the step pins; bump it here. */
export const CONFIGURE_AWS_CREDENTIALS = "aws-actions/configure-aws-credentials@v4";

export interface WorkflowUsage {
  readonly roleArn: string;
  /** What the job must look like for GitHub to send an admitted `sub`, one sentence each. */
  readonly jobNeeds: readonly string[];
  /** Ready to paste under a job: the permissions it needs, then the step. */
  readonly yaml: string;
}

/**
 * For the workflow author: the role's ARN, a ready-to-paste `aws-actions/configure-aws-credentials`
 * step, and which `environment:`, branch, tag or event the job needs. Pure; the report calls it.
 */
export function workflowUsage(role: GithubRolePlan, region: string): WorkflowUsage {
  const jobNeeds = role.githubSubjects.map((s) => {
    switch (s.kind) {
      case "environment":
        return `environment: ${s.value} (any branch the environment's deployment rules allow)`;
      case "branch":
        return `runs on branch ${s.value} (push, workflow_dispatch or schedule) with no environment:`;
      case "tag":
        return `runs for tag ${s.value} (push of the tag) with no environment:`;
      case "pullRequest":
        return "triggered by pull_request, with no environment:";
      case "custom":
        return `a token whose sub claim is ${s.value} (custom claim template)`;
    }
  });
  const environments = role.githubSubjects.filter((s) => s.kind === "environment").map((s) => s.value!);
  const lines = [
    `# ${role.name} in ${role.account.name}: ${role.repository}, ${jobNeeds.join("; or ")}`,
    ...(environments.length === 1 ? [`environment: ${environments[0]}`] : []),
    "permissions:",
    "  id-token: write",
    "  contents: read",
    "steps:",
    "  - name: Configure AWS credentials",
    `    uses: ${CONFIGURE_AWS_CREDENTIALS}`,
    "    with:",
    `      role-to-assume: ${role.arn}`,
    `      aws-region: ${region}`,
    ...(role.maxSessionDuration > 3600 ? [`      role-duration-seconds: ${role.maxSessionDuration}`] : []),
  ];
  return { roleArn: role.arn, jobNeeds, yaml: lines.join("\n") + "\n" };
}
