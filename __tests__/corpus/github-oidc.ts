import { managedPolicies, ORG, org, role } from "./base";
import { CorpusCase } from "./case";

const ROLE = "githubOidc.roles.app-deploy";
const AT = "$.githubOidc.roles.app-deploy";
const REASON = "reviewed by the platform team in PLAT-1234";

/** The base with its role `app-deploy` replaced by `role(fields)`. */
const withRole = (fields: Record<string, unknown>, ...more: [string, unknown][]) => ({ [ORG]: org([ROLE, role(fields)], ...more) });

/** `n` environments, to grow a trust policy. */
const environments = (n: number) => Array.from({ length: n }, (_, i) => ({ environment: `production-eu-west-1-cell-${i}` }));

/** KL5xx: GitHub Actions OIDC providers and roles. */
export const githubOidcCases: CorpusCase[] = [
  // KL501: no provider in the role's account
  {
    name: "role in an account without a GitHub OIDC provider",
    files: withRole({ account: "data-prod" }),
    code: "KL501",
    path: `${AT}.account`,
  },
  {
    name: "provider removed while roles still use it",
    files: { [ORG]: org(["githubOidc.providers", undefined]) },
    code: "KL501",
  },

  // KL503: trust policy too large
  {
    name: "trust policy over 2,048 characters (40 environments)",
    files: withRole({ subjects: environments(40) }),
    code: "KL503",
    path: `${AT}.subjects`,
    says: "use fewer subjects",
  },
  {
    name: "trust policy over the raised quota",
    files: withRole({ subjects: environments(200) }, ["githubOidc.quotas", { trustPolicySize: 4096 }]),
    code: "KL503",
  },

  // KL504: every repository on GitHub
  {
    name: "custom subject *",
    files: withRole({ subjects: [{ custom: "*" }], allow: { customSubject: REASON } }),
    code: "KL504",
    path: `${AT}.subjects[0].custom`,
  },
  {
    name: "custom subject repo:*",
    files: withRole({ subjects: [{ custom: "repo:*" }], allow: { customSubject: REASON } }),
    code: "KL504",
  },
  {
    name: "repository with a wildcard owner",
    files: withRole({ repository: "*/app", allow: { wildcardRepository: REASON } }),
    code: "KL504",
    path: `${AT}.repository`,
  },
  {
    name: "custom subject repo:acme/* (no allow can waive a custom subject without a fixed repository)",
    files: withRole({ subjects: [{ custom: "repo:acme/*:environment:production" }], allow: { customSubject: REASON, organizationWide: REASON } }),
    code: "KL504",
    path: `${AT}.subjects[0].custom`,
    says: "no allow can waive this",
  },
  {
    name: "custom subject starting with ?",
    files: withRole({ subjects: [{ custom: "?epo:acme/app:ref:refs/heads/main" }], allow: { customSubject: REASON } }),
    code: "KL504",
  },
  {
    name: "custom subject with a policy variable",
    files: withRole({ subjects: [{ custom: "repo:acme/app:ref:refs/heads/${aws:username}" }], allow: { customSubject: REASON } }),
    code: "KL504",
    says: "policy variable",
  },
  {
    name: "custom subject of a customised claim template without repo:",
    files: withRole({ subjects: [{ custom: "repository_owner:acme:environment:production" }], allow: { customSubject: REASON } }),
    code: "KL504",
  },
  {
    name: "custom subject with a wildcard in the owner",
    files: withRole({ subjects: [{ custom: "repo:acme*/app:environment:production" }], allow: { customSubject: REASON, wildcardRepository: REASON } }),
    code: "KL504",
  },
  {
    name: "custom subject for any owner's repository of one name",
    files: withRole({ subjects: [{ custom: "repo:*/infrastructure:ref:refs/heads/main" }], allow: { customSubject: REASON } }),
    code: "KL504",
  },

  // KL505: wildcard in owner or repository
  {
    name: "wildcard in the owner",
    files: withRole({ repository: "acme-*/app" }),
    code: "KL505",
    path: `${AT}.repository`,
  },
  {
    name: "wildcard in the repository name",
    files: withRole({ repository: "acme/app-*" }),
    code: "KL505",
    path: `${AT}.repository`,
  },
  {
    name: "single-character wildcard in the repository name",
    files: withRole({ repository: "acme/service-?" }),
    code: "KL505",
  },

  // KL506: every repository of an owner
  {
    name: "repository acme/* (repo:org/*)",
    files: withRole({ repository: "acme/*" }),
    code: "KL506",
    path: `${AT}.repository`,
  },

  // KL507: any branch, tag or environment
  {
    name: "branch *",
    files: withRole({ subjects: [{ branch: "*" }] }),
    code: "KL507",
    path: `${AT}.subjects[0].branch`,
  },
  {
    name: "tag *",
    files: withRole({ subjects: [{ tag: "*" }] }),
    code: "KL507",
    path: `${AT}.subjects[0].tag`,
  },
  {
    name: "environment *",
    files: withRole({ subjects: [{ environment: "*" }] }),
    code: "KL507",
  },
  {
    name: "custom subject repo:acme/app:*",
    files: withRole({ subjects: [{ custom: "repo:acme/app:*" }], allow: { customSubject: REASON } }),
    code: "KL507",
    path: `${AT}.subjects[0].custom`,
  },

  // KL508: wildcard in a branch, tag or environment
  {
    name: "branch release/*",
    files: withRole({ subjects: [{ branch: "release/*" }] }),
    code: "KL508",
    path: `${AT}.subjects[0].branch`,
  },
  {
    name: "tag v*",
    files: withRole({ subjects: [{ tag: "v*" }] }),
    code: "KL508",
    path: `${AT}.subjects[0].tag`,
    says: 'protect "v**" with repository rulesets',
  },
  {
    name: "environment prod-*",
    files: withRole({ subjects: [{ environment: "production" }, { environment: "prod-*" }] }),
    code: "KL508",
    path: `${AT}.subjects[1].environment`,
  },

  // KL509: pull requests on a role that can write
  {
    name: "pull requests on a PowerUserAccess role",
    files: withRole({ subjects: [{ pullRequest: true }] }),
    code: "KL509",
    path: `${AT}.subjects[0].pullRequest`,
  },
  {
    name: "pull requests on a read-only role with a customer managed policy",
    files: withRole({ subjects: [{ branch: "main" }, { pullRequest: true }], managedPolicies: ["ReadOnlyAccess"], customerManagedPolicies: ["terraform-state-lock"] }),
    code: "KL509",
    path: `${AT}.subjects[1].pullRequest`,
  },
  {
    name: "pull requests on a plan role whose inline policy writes the state lock",
    files: withRole({
      subjects: [{ pullRequest: true }],
      managedPolicies: ["ReadOnlyAccess"],
      inlinePolicies: { "state-lock": { Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::acme-terraform-state/*" }] } },
    }),
    code: "KL509",
  },
  {
    name: "pull requests on a role that can call sts:GetFederationToken",
    files: withRole({
      subjects: [{ pullRequest: true }],
      managedPolicies: ["ReadOnlyAccess"],
      inlinePolicies: { sts: { Statement: [{ Effect: "Allow", Action: "sts:GetFederationToken", Resource: "*" }] } },
    }),
    code: "KL509",
  },

  // KL510: administrator access
  {
    name: "AdministratorAccess on a deploy role",
    files: withRole({ managedPolicies: ["AdministratorAccess"] }),
    code: "KL510",
    path: `${AT}.managedPolicies[0]`,
  },
  {
    name: "AdministratorAccess by ARN",
    files: withRole({ managedPolicies: ["arn:aws:iam::aws:policy/AdministratorAccess"] }),
    code: "KL510",
  },
  {
    name: "inline policy allowing *",
    files: withRole({ inlinePolicies: { everything: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } } }),
    code: "KL510",
    path: `${AT}.inlinePolicies.everything.Statement[0]`,
  },
  {
    name: "inline policy allowing *:*",
    files: withRole({ inlinePolicies: { everything: { Statement: [{ Effect: "Allow", Action: ["s3:*", "*:*"], Resource: "*" }] } } }),
    code: "KL510",
  },

  // KL511: custom subject
  {
    name: "custom subject without an acknowledgement",
    files: withRole({ subjects: [{ custom: "repo:acme/app:ref:refs/heads/main" }] }),
    code: "KL511",
    path: `${AT}.subjects[0].custom`,
  },
  {
    name: "custom subject for a customized claim template",
    files: withRole({ subjects: [{ custom: "repo:acme/app:environment:production:job_workflow_ref:acme/workflows/.github/workflows/deploy.yml@refs/heads/main" }] }),
    code: "KL511",
  },

  // KL512 (warning): acknowledged
  {
    name: "wildcard branch acknowledged",
    files: withRole({ subjects: [{ branch: "release/*" }], allow: { wildcardSubjects: "release/* is protected by repository rulesets" } }),
    code: "KL512",
    path: `${AT}.allow.wildcardSubjects`,
  },
  {
    name: "organization-wide trust acknowledged",
    files: withRole({ repository: "acme/*", managedPolicies: ["ReadOnlyAccess"], allow: { organizationWide: "read-only inventory role used by every repository" } }),
    code: "KL512",
  },

  // KL513 (warning): acknowledgement nothing needs
  {
    name: "acknowledgement left after the wildcard was removed",
    files: withRole({ allow: { wildcardSubjects: "release/* is protected by repository rulesets" } }),
    code: "KL513",
    path: `${AT}.allow.wildcardSubjects`,
  },
  {
    name: "administrator acknowledgement on a PowerUserAccess role",
    files: withRole({ allow: { administratorAccess: "bootstrap role for new accounts" } }),
    code: "KL513",
  },

  // KL514: too many managed policies
  {
    name: "role with 11 managed policies",
    files: withRole({ managedPolicies: managedPolicies(11) }),
    code: "KL514",
    path: `${AT}.managedPolicies`,
  },
  {
    name: "role with 8 AWS and 4 customer managed policies",
    files: withRole({ managedPolicies: managedPolicies(8), customerManagedPolicies: ["ci-a", "ci-b", "/ci/ci-c", "/ci/ci-d"] }),
    code: "KL514",
  },
  {
    name: "role over a raised managed policy quota",
    files: withRole({ managedPolicies: managedPolicies(16) }, ["githubOidc.quotas", { managedPoliciesPerRole: 15 }]),
    code: "KL514",
  },

  // KL515 (warning): needs a quota increase
  {
    name: "role with 12 managed policies under a raised quota",
    files: withRole({ managedPolicies: managedPolicies(12) }, ["githubOidc.quotas", { managedPoliciesPerRole: 15 }]),
    code: "KL515",
    path: `${AT}.managedPolicies`,
  },
  {
    name: "trust policy within a raised quota",
    files: withRole({ subjects: environments(40) }, ["githubOidc.quotas", { trustPolicySize: 4096 }]),
    code: "KL515",
    path: `${AT}.subjects`,
  },

  // KL516: policy ARN in the wrong list or account
  {
    name: "customer managed policy ARN among managed policies",
    files: withRole({ managedPolicies: ["arn:aws:iam::100000000002:policy/ci/deploy"] }),
    code: "KL516",
    path: `${AT}.managedPolicies[0]`,
  },
  {
    name: "AWS managed policy ARN among customer managed policies",
    files: withRole({ customerManagedPolicies: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] }),
    code: "KL516",
    path: `${AT}.customerManagedPolicies[0]`,
  },
  {
    name: "customer managed policy of another account",
    files: withRole({ customerManagedPolicies: ["arn:aws:iam::100000000005:policy/ci/deploy"] }),
    code: "KL516",
  },
  {
    name: "permissions boundary that is not a policy ARN",
    files: withRole({ permissionsBoundary: "arn:aws:iam::100000000002:role/ci-boundary" }),
    code: "KL516",
    path: `${AT}.permissionsBoundary`,
  },
  {
    name: "customer managed policy path without a trailing slash",
    files: withRole({ customerManagedPolicies: ["ci/deploy"] }),
    code: "KL516",
  },

  // KL517: management account
  {
    name: "role in the management account",
    files: withRole({ account: "management" }, ["githubOidc.providers.management", {}]),
    code: "KL517",
    path: `${AT}.account`,
  },

  // KL518: repository ids
  {
    name: "ownerId without repositoryId",
    files: withRole({ ownerId: 10010001 }),
    code: "KL518",
    path: `${AT}.ownerId`,
  },
  {
    name: "repositoryId without ownerId",
    files: withRole({ repositoryId: 20020002 }),
    code: "KL518",
    path: `${AT}.repositoryId`,
  },
  {
    name: "repository ids on a wildcard repository",
    files: withRole({ repository: "acme/*", ownerId: 10010001, repositoryId: 20020002, allow: { organizationWide: REASON } }),
    code: "KL518",
  },

  // KL519: provider settings conflict
  {
    name: "existing provider with thumbprints",
    files: { [ORG]: org(["githubOidc.providers.app-prod", { existing: true, thumbprints: ["6938fd4d98bab03faadb97b34396831e3780aea1"] }]) },
    code: "KL519",
    path: "$.githubOidc.providers.app-prod.thumbprints",
  },
  {
    name: "existing provider with tags",
    files: { [ORG]: org(["githubOidc.providers.app-prod", { existing: true, tags: { team: "platform" } }]) },
    code: "KL519",
    path: "$.githubOidc.providers.app-prod.tags",
  },
  // KL520: control characters in a subject
  {
    name: "environment name with a newline that would break out of the PR comment",
    files: withRole({ subjects: [{ environment: "production\n\n## Approved by security" }] }),
    code: "KL520",
    path: `${AT}.subjects[0].environment`,
    says: "U+000A",
  },

  // KL691 on allow: a placeholder reason
  {
    name: "allow.wildcardSubjects with a placeholder reason",
    files: withRole({ subjects: [{ branch: "release/*" }], allow: { wildcardSubjects: "todo fix later ok" } }),
    code: "KL691",
    path: `${AT}.allow.wildcardSubjects`,
  },
  {
    name: "guardrail opt-out with a placeholder reason",
    files: { [ORG]: org(["guardrails.denyIamUsers.allow", { identityProviders: "temporary exception" }]) },
    code: "KL691",
    path: "$.guardrails.denyIamUsers.allow.identityProviders",
  },
];
