/**
 * Acceptance: every generated GitHub trust policy, evaluated by an independent IAM policy evaluator
 * (@cloud-copilot/iam-simulate, a dev dependency). GitHub's condition keys are not in its action
 * catalogue, so the validating runSimulation drops them; runUnsafeSimulation takes the request context
 * as given, which is what STS evaluates.
 */
import { createValidatedPolicy } from "@cloud-copilot/iam-policy";
import { runUnsafeSimulation } from "@cloud-copilot/iam-simulate";
import { join } from "node:path";
import { compile } from "../src/compile/compile";
import { GithubRolePlan } from "../src/plan";
import { compileFiles, workspace } from "./support/fixtures";

type Token = { sub?: string; aud?: string };

function assume(role: GithubRolePlan, token: Token, principal = role.providerArn): string {
  const context: Record<string, string> = {};
  if (token.aud !== undefined) context[`${role.issuer}:aud`] = token.aud;
  if (token.sub !== undefined) context[`${role.issuer}:sub`] = token.sub;
  return runUnsafeSimulation(
    {
      request: { principal, action: "sts:AssumeRoleWithWebIdentity", resource: { resource: role.arn, accountId: role.account.id }, contextVariables: context },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: createValidatedPolicy(JSON.parse(role.assumeRolePolicy), () => [], { name: `${role.key}-trust` }),
    },
    {},
  );
}

const AUD = "sts.amazonaws.com";

/** Tokens a workflow might present that the role must NOT admit, derived from its own subjects. */
function strangers(role: GithubRolePlan): Token[] {
  const out: Token[] = [];
  const kinds = new Set(role.githubSubjects.map((s) => s.kind));
  for (const claim of role.githubSubjects.flatMap((s) => s.claims)) {
    const m = /^repo:([^/]+)\/([^:]+):(.*)$/.exec(claim)!;
    const [, owner, repo, rest] = m;
    out.push({ aud: AUD, sub: `repo:${owner}-evil/${repo}:${rest}` }); // another owner (look-alike)
    out.push({ aud: AUD, sub: `repo:evil/${repo}:${rest}` }); // another owner
    out.push({ aud: AUD, sub: `repo:${owner}/${repo}-fork:${rest}` }); // another repository
    out.push({ aud: AUD, sub: `repo:${owner}/other:${rest}` }); // another repository
    out.push({ aud: "https://github.com/acme", sub: claim }); // wrong audience
    out.push({ sub: claim }); // no audience
    const base = `repo:${owner}/${repo}`;
    out.push({ aud: AUD, sub: `${base}:ref:refs/heads/feature/steal` }); // another branch
    out.push({ aud: AUD, sub: `${base}:ref:refs/tags/v0.0.0-evil` }); // another tag
    out.push({ aud: AUD, sub: `${base}:environment:sandbox` }); // another environment
    if (!kinds.has("pullRequest")) out.push({ aud: AUD, sub: `${base}:pull_request` }); // pull requests not named
  }
  out.push({ aud: AUD }); // a token without sub
  out.push({ aud: AUD, sub: "*" });
  return out;
}

const example = compile({ dir: join(__dirname, "..", "environments"), cwd: join(__dirname, "..") });
const exampleRoles = (example.plan?.workspaces ?? []).flatMap((w) => w.githubOidc.roles.map((r) => [`${w.name}/${r.key}`, r] as const));

describe("trust policies of the example organization, evaluated by iam-simulate", () => {
  it("has GitHub roles to evaluate", () => {
    expect(example.diagnostics).toEqual([]);
    expect(exampleRoles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(exampleRoles)("%s admits exactly its named subjects", (_, role) => {
    for (const sub of role.subjects) expect([sub, assume(role, { aud: AUD, sub })]).toEqual([sub, "Allowed"]);
    for (const t of strangers(role)) {
      if (role.subjects.includes(t.sub ?? "") && t.aud === AUD) continue;
      expect([t, assume(role, t)]).toEqual([t, "ImplicitlyDenied"]);
    }
    const otherProvider = role.providerArn.replace(role.account.id, "999999999999");
    expect(assume(role, { aud: AUD, sub: role.subjects[0] }, otherProvider)).toBe("ImplicitlyDenied");
  });

  it("admits the deploy roles only from their environments, and the plan role from pull requests", () => {
    const byKey = new Map(exampleRoles.map(([k, r]) => [k, r]));
    const prod = byKey.get("prod/app-deploy-prod")!;
    expect(assume(prod, { aud: AUD, sub: "repo:acme/app:environment:production" })).toBe("Allowed");
    expect(assume(prod, { aud: AUD, sub: "repo:acme/app:ref:refs/heads/main" })).toBe("ImplicitlyDenied");
    expect(assume(prod, { aud: AUD, sub: "repo:acme/app:environment:development" })).toBe("ImplicitlyDenied");
    const plan = byKey.get("prod/app-plan")!;
    expect(assume(plan, { aud: AUD, sub: "repo:acme/app:pull_request" })).toBe("Allowed");
    const publish = byKey.get("org/terraform-modules-publish")!;
    expect(assume(publish, { aud: AUD, sub: "repo:acme@10010001/terraform-modules@20020002:environment:release" })).toBe("Allowed");
    expect(assume(publish, { aud: AUD, sub: "repo:acme@10010001/terraform-modules@20020003:environment:release" })).toBe("ImplicitlyDenied");
  });
});

describe("trust policies with patterns and an enterprise issuer, evaluated by iam-simulate", () => {
  const result = compileFiles({
    "org.yaml": workspace({ githubOidc: { providers: { "app-prod": { enterpriseSlug: "acme-corp" } } } }),
    "ci.yaml": workspace({
      githubOidc: {
        roles: {
          release: {
            account: "app-prod",
            repository: "acme/app",
            subjects: [{ branch: "release/*" }, { tag: "v?.*" }, { environment: "production" }],
            allow: { wildcardSubjects: "release branches are protected by a ruleset" },
            managedPolicies: ["PowerUserAccess"],
          },
        },
      },
    }),
  });
  const role = result.plan!.workspaces.find((w) => w.name === "ci")!.githubOidc.roles[0];

  it("puts patterns under StringLike in their own statement, with the enterprise condition keys", () => {
    const doc = JSON.parse(role.assumeRolePolicy);
    expect(doc.Statement.map((s: { Condition: unknown }) => s.Condition)).toEqual([
      { StringEquals: { "token.actions.githubusercontent.com/acme-corp:aud": AUD, "token.actions.githubusercontent.com/acme-corp:sub": "repo:acme/app:environment:production" } },
      {
        StringEquals: { "token.actions.githubusercontent.com/acme-corp:aud": AUD },
        StringLike: { "token.actions.githubusercontent.com/acme-corp:sub": ["repo:acme/app:ref:refs/heads/release/*", "repo:acme/app:ref:refs/tags/v?.*"] },
      },
    ]);
    expect(role.providerArn).toBe("arn:aws:iam::100000000002:oidc-provider/token.actions.githubusercontent.com/acme-corp");
  });

  it("admits matching branches and tags and nothing else", () => {
    for (const sub of ["repo:acme/app:ref:refs/heads/release/2026.1", "repo:acme/app:ref:refs/tags/v1.2", "repo:acme/app:environment:production"]) {
      expect([sub, assume(role, { aud: AUD, sub })]).toEqual([sub, "Allowed"]);
    }
    const denied: Token[] = [
      { aud: AUD, sub: "repo:acme/app:ref:refs/heads/main" },
      { aud: AUD, sub: "repo:acme/app:ref:refs/tags/v10.0" },
      { aud: AUD, sub: "repo:acme/app:pull_request" },
      { aud: AUD, sub: "repo:evil/app:ref:refs/heads/release/1" },
      { aud: AUD, sub: "repo:acme/app-fork:ref:refs/heads/release/1" },
      { aud: "other", sub: "repo:acme/app:ref:refs/heads/release/1" },
      { aud: AUD },
    ];
    for (const t of denied) expect([t, assume(role, t)]).toEqual([t, "ImplicitlyDenied"]);
    // A token from the non-enterprise issuer carries other condition keys: denied.
    const publicIssuer = { ...role, issuer: "token.actions.githubusercontent.com" };
    expect(assume(publicIssuer, { aud: AUD, sub: "repo:acme/app:environment:production" })).toBe("ImplicitlyDenied");
  });

  it('admits refs with a "/" where the pattern has *: what KL508 warns a ruleset\'s release/* leaves open', () => {
    // GitHub's ruleset patterns release/* and v?.* do not protect these; IAM's * and ? admit them (KL508 says so).
    for (const sub of ["repo:acme/app:ref:refs/heads/release/x/y", "repo:acme/app:ref:refs/tags/v/.0/evil"]) {
      expect([sub, assume(role, { aud: AUD, sub })]).toEqual([sub, "Allowed"]);
    }
    const messages = compileFiles({
      "org.yaml": workspace({
        githubOidc: {
          providers: { "app-prod": {} },
          roles: { r: { account: "app-prod", repository: "acme/app", subjects: [{ branch: "release/*" }], managedPolicies: ["PowerUserAccess"] } },
        },
      }),
    }).diagnostics.map((d) => d.message);
    expect(messages).toContainEqual(expect.stringContaining('so it admits "release/x/y" too, which a GitHub ruleset pattern "release/*" does not protect'));
  });
});

describe("custom subjects that do not pin repo:OWNER/REPO: are rejected whatever allow says", () => {
  it.each([
    ["a leading wildcard", "*:ref:refs/heads/main"],
    ["a leading ?", "?epo:acme/app:ref:refs/heads/main"],
    ["a wildcard in the owner", "repo:acm*/app:ref:refs/heads/main"],
    ["a wildcard in the repository", "repo:acme/*:ref:refs/heads/main"],
    ["a policy variable", "repo:acme/app:ref:refs/heads/${aws:username}"],
    ["no repo: prefix", "repository_owner:acme:ref:refs/heads/main"],
  ])("%s", (_what, custom) => {
    const allow = {
      customSubject: "The organization customised its OIDC claim template in 2026.",
      wildcardRepository: "Repositories of acme are all owned by the platform team.",
      organizationWide: "Every repository of acme deploys through this role by design.",
    };
    const result = compileFiles({
      "org.yaml": workspace({
        githubOidc: {
          providers: { "app-prod": {} },
          roles: { r: { account: "app-prod", repository: "acme/app", subjects: [{ custom }], allow, managedPolicies: ["PowerUserAccess"] } },
        },
      }),
    });
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["KL504"]);
  });

  it("accepts one that does, and admits exactly it", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        githubOidc: {
          providers: { "app-prod": {} },
          roles: {
            r: {
              account: "app-prod",
              repository: "acme/app",
              subjects: [{ custom: "repo:acme/app:environment:prod:job_workflow_ref:acme/app/.github/workflows/deploy.yml@refs/heads/main" }],
              allow: { customSubject: "The organization customised its OIDC claim template in 2026." },
              managedPolicies: ["PowerUserAccess"],
            },
          },
        },
      }),
    });
    const role = result.plan!.workspaces[0].githubOidc.roles[0];
    expect(assume(role, { aud: AUD, sub: "repo:acme/app:environment:prod:job_workflow_ref:acme/app/.github/workflows/deploy.yml@refs/heads/main" })).toBe("Allowed");
    expect(assume(role, { aud: AUD, sub: "repo:evil/app:environment:prod:job_workflow_ref:acme/app/.github/workflows/deploy.yml@refs/heads/main" })).toBe("ImplicitlyDenied");
  });
});
