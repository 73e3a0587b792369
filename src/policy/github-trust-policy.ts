import type { PolicyDocument } from "../../modules/generated/workspace";
import { GITHUB_OIDC } from "../aws-limits";

export const GITHUB_OIDC_HOST = GITHUB_OIDC.host;
export const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;
export const GITHUB_AUDIENCE = GITHUB_OIDC.audience;

/**
 * The issuer of GitHub's OIDC tokens without the scheme: `token.actions.githubusercontent.com`, or
 * `token.actions.githubusercontent.com/<slug>` for a GitHub Enterprise Cloud unique issuer. IAM names
 * the provider and its condition keys after it (`<issuer>:sub`, `<issuer>:aud`).
 */
export function githubIssuer(enterpriseSlug?: string): string {
  return enterpriseSlug ? `${GITHUB_OIDC_HOST}/${enterpriseSlug}` : GITHUB_OIDC_HOST;
}

export function githubProviderArn(partition: string, accountId: string, issuer: string = GITHUB_OIDC_HOST): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${issuer}`;
}

/** `*` and `?` are the only wildcards of StringLike. */
export const hasWildcard = (s: string): boolean => /[*?]/.test(s);

/**
 * A trust policy right by construction:
 * - the provider is the federated principal, the action `sts:AssumeRoleWithWebIdentity`;
 * - every statement pins `aud` to `sts.amazonaws.com` with StringEquals;
 * - exact subjects go under StringEquals in one statement, wildcard subjects under StringLike in
 *   their own (conditions in one statement are ANDed, so mixing them would admit nothing or too much);
 * - never ForAllValues/ForAnyValue, IfExists, negated operators or `iss`.
 * Throws on a wildcard in `exact` or an empty subject list: callers classify subjects first.
 */
export function githubTrustPolicy(providerArn: string, issuer: string, exact: readonly string[], patterns: readonly string[] = []): PolicyDocument {
  if (exact.length + patterns.length === 0) throw new Error("a GitHub trust policy needs at least one subject");
  const bad = exact.find(hasWildcard);
  if (bad !== undefined) throw new Error(`exact subject "${bad}" contains a wildcard`);
  const aud = { [`${issuer}:aud`]: GITHUB_AUDIENCE };
  const sub = `${issuer}:sub`;
  const statement = (sid: string, condition: Record<string, Record<string, string | string[]>>) => ({
    Sid: sid,
    Effect: "Allow" as const,
    Principal: { Federated: providerArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: condition,
  });
  const list = (xs: readonly string[]) => (xs.length === 1 ? xs[0] : [...xs]);
  const statements = [];
  if (exact.length) statements.push(statement("GithubActions", { StringEquals: { ...aud, [sub]: list(exact) } }));
  if (patterns.length) statements.push(statement("GithubActionsPatterns", { StringEquals: { ...aud }, StringLike: { [sub]: list(patterns) } }));
  return { Version: "2012-10-17", Statement: statements };
}
