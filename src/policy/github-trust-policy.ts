import type { GithubSubject, PolicyDocument } from "../../modules/generated/workspace";

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;
export const GITHUB_AUDIENCE = "sts.amazonaws.com";

export function githubProviderArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;
}

/** The `sub` claim a workflow run sends for one typed subject. */
export function subjectClaim(repository: string, subject: GithubSubject): string {
  if (subject.environment !== undefined) return `repo:${repository}:environment:${subject.environment}`;
  if (subject.branch !== undefined) return `repo:${repository}:ref:refs/heads/${subject.branch}`;
  throw new Error(`unsupported subject ${JSON.stringify(subject)}`);
}

/**
 * A trust policy right by construction: the provider as federated principal, the audience pinned
 * with StringEquals, and exact subjects under StringEquals.
 */
export function githubTrustPolicy(providerArn: string, subjects: readonly string[]): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "GithubActions",
        Effect: "Allow",
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: [...subjects],
          },
        },
      },
    ],
  };
}
