import { Testing } from "cdktf";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { EnvironmentStack } from "../modules/environment-stack";
import { workflowUsage } from "../src/report/workflow-usage";
import { githubTrustPolicy } from "../src/policy/github-trust-policy";
import { compileFiles, messages, workspace } from "./support/fixtures";

Testing.setupJest();

/** A workspace `ci.yaml` with one role `deploy` in app-prod (provider owned by `org.yaml`), plus overrides. */
function compileRole(role: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return compileFiles({
    "org.yaml": workspace({
      githubOidc: { providers: { "app-prod": {}, management: {} } },
    }),
    "ci.yaml": workspace({
      githubOidc: {
        roles: {
          deploy: {
            account: "app-prod",
            repository: "acme/app",
            subjects: [{ environment: "production" }],
            managedPolicies: ["PowerUserAccess"],
            ...role,
          },
        },
        ...extra,
      },
    }),
  });
}
const ciRoles = (r: ReturnType<typeof compileRole>) => r.plan!.workspaces.find((w) => w.name === "ci")!.githubOidc.roles;

describe("always rejected", () => {
  it.each([
    [
      "a custom subject of *",
      {
        subjects: [{ custom: "*" }],
        allow: { customSubject: "our claim template is customised" },
      },
    ],
    [
      "a custom subject of repo:*",
      {
        subjects: [{ custom: "repo:*" }],
        allow: { customSubject: "our claim template is customised" },
      },
    ],
    [
      "an owner of only wildcards",
      {
        repository: "*/app",
        allow: { wildcardRepository: "we really want every owner" },
      },
    ],
  ])("%s, even when acknowledged", (_, role) => {
    const out = messages(compileRole(role));
    expect(out).toMatch(/error KL504/);
  });

  it("explains why", () => {
    expect(messages(compileRole({ subjects: [{ custom: "repo:*" }] }))).toMatchInlineSnapshot(
      `"ci.yaml:10 error KL504 $.githubOidc.roles.deploy.subjects[0].custom: custom subject "repo:*" matches tokens of every repository on GitHub, so any stranger's workflow could assume the role | fix: use typed subjects (branch, tag, environment, pullRequest), or a custom subject that starts with repo:OWNER/REPO:"`,
    );
    expect(messages(compileRole({ repository: "*/app" }))).toMatchInlineSnapshot(
      `"ci.yaml:8 error KL504 $.githubOidc.roles.deploy.repository: "*/app" matches repositories of every owner on GitHub, so any stranger's workflow could assume the role | fix: name the owner and repository exactly, for example acme/app"`,
    );
  });
});

describe("rejected unless acknowledged", () => {
  it("a wildcard in the owner or repository", () => {
    expect(messages(compileRole({ repository: "acme-*/app" }))).toMatchInlineSnapshot(
      `"ci.yaml:8 error KL505 $.githubOidc.roles.deploy.repository: owner "acme-*" has a wildcard, so it also matches look-alike owners that anyone can register | fix: name the owner exactly; or, if this is intended, acknowledge it on the role with allow.wildcardRepository: "<why, in at least ten characters>""`,
    );
    expect(messages(compileRole({ repository: "acme/app-*" }))).toMatchInlineSnapshot(
      `"ci.yaml:8 error KL505 $.githubOidc.roles.deploy.repository: repository "app-*" has a wildcard, so it also matches look-alike repositories | fix: name the repository exactly; or, if this is intended, acknowledge it on the role with allow.wildcardRepository: "<why, in at least ten characters>""`,
    );
  });

  it("an organization-wide subject", () => {
    expect(messages(compileRole({ repository: "acme/*" }))).toMatchInlineSnapshot(
      `"ci.yaml:8 error KL506 $.githubOidc.roles.deploy.repository: "acme/*" admits every repository of acme, including forks of public ones and repositories created later | fix: name the repository, or declare one role per repository; or, if this is intended, acknowledge it on the role with allow.organizationWide: "<why, in at least ten characters>""`,
    );
  });

  it("any branch, tag or environment", () => {
    expect(messages(compileRole({ subjects: [{ branch: "*" }] }))).toMatchInlineSnapshot(
      `"ci.yaml:10 error KL507 $.githubOidc.roles.deploy.subjects[0].branch: branch "*" admits every branch, so anyone who can push to acme/app can assume the role | fix: name the branch exactly; or, if this is intended, acknowledge it on the role with allow.anyRef: "<why, in at least ten characters>""`,
    );
    expect(
      messages(
        compileRole({
          subjects: [{ custom: "repo:acme/app:*" }],
          allow: { customSubject: "our claim template is customised" },
        }),
      ),
    ).toMatchInlineSnapshot(`
      "ci.yaml:10 error KL507 $.githubOidc.roles.deploy.subjects[0].custom: custom subject "repo:acme/app:*" admits every branch, tag, environment and pull request of the repository | fix: use typed subjects (branch, tag, environment, pullRequest); or, if this is intended, acknowledge it on the role with allow.anyRef: "<why, in at least ten characters>"
      ci.yaml:14 warning KL512 $.githubOidc.roles.deploy.allow.customSubject: explicitly allowed: custom subject repo:acme/app:* (reason: our claim template is customised) | fix: review this exception; remove it when it is no longer needed"
    `);
  });

  it("a wildcard branch or tag", () => {
    expect(messages(compileRole({ subjects: [{ branch: "release/*" }] }))).toMatchInlineSnapshot(
      `"ci.yaml:10 error KL508 $.githubOidc.roles.deploy.subjects[0].branch: branch "release/*" has a wildcard; it admits every branch matching the pattern, including ones anyone with push access can create. IAM's * and ? also match "/", so it admits "release/x/y" too, which a GitHub ruleset pattern "release/*" does not protect (GitHub's * stops at "/") | fix: name the branch exactly, or protect "release/**" with repository rulesets (GitHub's ** crosses "/", as IAM's * does); or, if this is intended, acknowledge it on the role with allow.wildcardSubjects: "<why, in at least ten characters>""`,
    );
  });

  it("pull requests on a role that can write", () => {
    expect(messages(compileRole({ subjects: [{ pullRequest: true }] }))).toMatchInlineSnapshot(
      `"ci.yaml:10 error KL509 $.githubOidc.roles.deploy.subjects[0].pullRequest: pull_request runs (code not yet reviewed) may assume this role, but it is not read-only: PowerUserAccess writes (every action except IAM, Organizations and Account management (service-linked roles allowed)) | fix: use a separate read-only role for pull requests (ViewOnlyAccess, or ReadOnlyAccess with its data readers denied), and environment or branch subjects for this one; or, if this is intended, acknowledge it on the role with allow.pullRequestWithWrite: "<why, in at least ten characters>""`,
    );
    expect(
      messages(
        compileRole({
          subjects: [{ pullRequest: true }],
          managedPolicies: ["job-function/ViewOnlyAccess"],
          inlinePolicies: {
            Push: {
              Statement: [
                {
                  Effect: "Allow",
                  Action: ["ecr:GetAuthorizationToken", "ecr:PutImage"],
                  Resource: "*",
                },
              ],
            },
          },
        }),
      ),
    ).toMatch(/error KL509/);
    expect(
      messages(
        compileRole({
          subjects: [{ pullRequest: true }],
          managedPolicies: ["job-function/ViewOnlyAccess"],
          customerManagedPolicies: ["reader"],
        }),
      ),
    ).toMatch(/error KL509/);
    expect(
      messages(
        compileRole({
          subjects: [{ pullRequest: true }],
          managedPolicies: ["job-function/ViewOnlyAccess"],
          inlinePolicies: {
            Creds: {
              Statement: [
                {
                  Effect: "Allow",
                  Action: "sts:GetFederationToken",
                  Resource: "*",
                },
              ],
            },
          },
        }),
      ),
    ).toMatch(/error KL509/);
  });

  it("AdministratorAccess, or an inline Allow of every action", () => {
    expect(messages(compileRole({ managedPolicies: ["AdministratorAccess"] }))).toMatchInlineSnapshot(
      `"ci.yaml:12 error KL510 $.githubOidc.roles.deploy.managedPolicies[0]: AdministratorAccess on a role assumed from GitHub Actions gives every workflow run it admits full control of account app-prod | fix: grant only what the workflow deploys (for example PowerUserAccess plus a scoped inline policy); or, if this is intended, acknowledge it on the role with allow.administratorAccess: "<why, in at least ten characters>""`,
    );
    expect(
      messages(
        compileRole({
          inlinePolicies: {
            All: {
              Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
            },
          },
        }),
      ),
    ).toMatch(/error KL510 .*inline policy "All" makes the role an administrator of account app-prod: it allows every action on every resource/);
  });

  it("a custom subject", () => {
    expect(
      messages(
        compileRole({
          subjects: [
            {
              custom: "repo:acme/app:job_workflow_ref:acme/workflows/.github/workflows/deploy.yml@refs/heads/main",
            },
          ],
        }),
      ),
    ).toMatchInlineSnapshot(
      `"ci.yaml:10 error KL511 $.githubOidc.roles.deploy.subjects[0].custom: custom subject "repo:acme/app:job_workflow_ref:acme/workflows/.github/workflows/deploy.yml@refs/heads/main" is not one keyless builds from typed subjects, so it cannot check what it admits | fix: use typed subjects (branch, tag, environment, pullRequest); or, if this is intended, acknowledge it on the role with allow.customSubject: "<why, in at least ten characters>""`,
    );
  });

  it("a role in the management account", () => {
    expect(messages(compileRole({ account: "management" }))).toMatchInlineSnapshot(
      `"ci.yaml:7 error KL517 $.githubOidc.roles.deploy.account: the role is in the management account management, where SCPs do not apply and a compromised workflow reaches the whole organization | fix: put CI roles in a member account; or, if this is intended, acknowledge it on the role with allow.managementAccount: "<why, in at least ten characters>""`,
    );
  });
});

describe("acknowledged exceptions", () => {
  it("are compiled, reported as warnings, and listed in the plan", () => {
    const result = compileRole({
      subjects: [{ branch: "release/*" }, { pullRequest: true }],
      allow: {
        wildcardSubjects: "release/* is protected by a ruleset",
        pullRequestWithWrite: "preview stacks are deployed per PR",
      },
    });
    expect(messages(result)).toMatchInlineSnapshot(`
      "ci.yaml:16 warning KL512 $.githubOidc.roles.deploy.allow.pullRequestWithWrite: explicitly allowed: pull requests on a role that can write (reason: preview stacks are deployed per PR) | fix: review this exception; remove it when it is no longer needed
      ci.yaml:15 warning KL512 $.githubOidc.roles.deploy.allow.wildcardSubjects: explicitly allowed: branch pattern release/* (reason: release/* is protected by a ruleset) | fix: review this exception; remove it when it is no longer needed"
    `);
    const [role] = ciRoles(result);
    expect(role.optIns.map((o) => o.kind)).toEqual(["pullRequestWithWrite", "wildcardSubjects"]);
    expect(role.subjectPatterns).toEqual(["repo:acme/app:ref:refs/heads/release/*"]);
  });

  it("that nothing needs are reported", () => {
    expect(
      messages(
        compileRole({
          allow: { organizationWide: "left over from the old monorepo" },
        }),
      ),
    ).toMatchInlineSnapshot(
      `"ci.yaml:14 warning KL513 $.githubOidc.roles.deploy.allow.organizationWide: allow.organizationWide is given but nothing on this role needs it | fix: remove allow.organizationWide"`,
    );
  });

  it("need a reason of at least ten characters", () => {
    expect(messages(compileRole({ subjects: [{ branch: "*" }], allow: { anyRef: "ok" } }))).toMatch(/error KL106 .*allow\.anyRef/);
  });
});

describe("roles", () => {
  it("resolve names, paths, boundaries and policies to ARNs in the role's account", () => {
    const [role] = ciRoles(
      compileRole({
        name: "AppDeploy",
        path: "/ci/",
        managedPolicies: ["PowerUserAccess", "job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
        customerManagedPolicies: ["deploy-extra", "/team/app/deploy-more", "arn:aws:iam::100000000002:policy/x"],
        permissionsBoundary: "/boundaries/ci",
        maxSessionDuration: 7200,
      }),
    );
    expect(role.arn).toBe("arn:aws:iam::100000000002:role/ci/AppDeploy");
    expect(role.managedPolicyArns).toEqual([
      "arn:aws:iam::100000000002:policy/deploy-extra",
      "arn:aws:iam::100000000002:policy/team/app/deploy-more",
      "arn:aws:iam::100000000002:policy/x",
      "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
      "arn:aws:iam::aws:policy/PowerUserAccess",
      "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
    ]);
    expect(role.permissionsBoundaryArn).toBe("arn:aws:iam::100000000002:policy/boundaries/ci");
    expect(role.readOnly).toBe(false);
  });

  it("reject policies in the wrong list or account", () => {
    expect(
      messages(
        compileRole({
          managedPolicies: ["arn:aws:iam::100000000002:policy/mine"],
          customerManagedPolicies: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::100000000003:policy/theirs"],
        }),
      ),
    ).toMatchInlineSnapshot(`
      "ci.yaml:12 error KL516 $.githubOidc.roles.deploy.managedPolicies[0]: managedPolicies holds AWS managed policies, but "arn:aws:iam::100000000002:policy/mine" is a customer managed policy (account 100000000002) | fix: list customer managed policies under customerManagedPolicies
      ci.yaml:14 error KL516 $.githubOidc.roles.deploy.customerManagedPolicies[0]: "arn:aws:iam::aws:policy/ReadOnlyAccess" is an AWS managed policy, not a customer managed one | fix: list it under managedPolicies
      ci.yaml:15 error KL516 $.githubOidc.roles.deploy.customerManagedPolicies[1]: customer managed policy "arn:aws:iam::100000000003:policy/theirs" is in account 100000000003, but the role is in app-prod (100000000002); a role can only use customer managed policies of its own account | fix: create the policy in app-prod and refer to it by name"
    `);
  });

  it("emit both subject forms when ids are given, and need both ids", () => {
    const [role] = ciRoles(
      compileRole({
        ownerId: 1,
        repositoryId: 2,
        subjects: [{ branch: "main" }, { tag: "v1.0.0" }],
      }),
    );
    expect(role.subjects).toEqual([
      "repo:acme/app:ref:refs/heads/main",
      "repo:acme/app:ref:refs/tags/v1.0.0",
      "repo:acme@1/app@2:ref:refs/heads/main",
      "repo:acme@1/app@2:ref:refs/tags/v1.0.0",
    ]);
    expect(messages(compileRole({ ownerId: 1 }))).toMatchInlineSnapshot(
      `"ci.yaml:13 error KL518 $.githubOidc.roles.deploy.ownerId: only one of ownerId and repositoryId is given; the immutable subject form needs both | fix: give both ownerId and repositoryId (from the GitHub API: GET /repos/OWNER/REPO, fields owner.id and id), or neither"`,
    );
  });

  it("check the managed-policy count and trust policy size against quotas", () => {
    const many = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];
    expect(messages(compileRole({ customerManagedPolicies: many }))).toMatchInlineSnapshot(
      `"ci.yaml:12 error KL514 $.githubOidc.roles.deploy.managedPolicies: the role has 12 managed policies (AWS and customer managed), over the quota of 10 | fix: merge policies into a customer managed policy, or raise the quota and set githubOidc.quotas.managedPoliciesPerRole"`,
    );
    expect(messages(compileRole({ customerManagedPolicies: many }, { quotas: { managedPoliciesPerRole: 20 } }))).toMatch(/^ci.yaml:\d+ warning KL515 .*12 managed policies/);
    const envs = Array.from({ length: 60 }, (_, i) => ({
      environment: `customer-${String(i).padStart(3, "0")}`,
    }));
    expect(messages(compileRole({ subjects: envs }))).toMatch(/error KL503 .*over the limit of 2048/);
    expect(messages(compileRole({ subjects: envs }, { quotas: { trustPolicySize: 4096 } }))).toMatch(
      /^ci.yaml:\d+ warning KL515 .*trust policy is \d+ characters, over AWS's default of 2048/,
    );
  });

  it("need a provider in their account, declared by any workspace", () => {
    expect(messages(compileRole({ account: "data-prod" }))).toMatchInlineSnapshot(
      `"ci.yaml:7 error KL501 $.githubOidc.roles.deploy.account: account "data-prod" has no GitHub OIDC provider declared in any workspace | fix: add githubOidc.providers.data-prod: {} to the workspace that should own it (existing: true if it was created outside keyless)"`,
    );
  });
});

describe("providers", () => {
  it("declared existing create nothing but serve roles; thumbprints only when given", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        githubOidc: {
          providers: {
            "app-prod": { existing: true },
            "app-dev": {
              thumbprints: ["6938FD4D98BAB03FAADB97B34396831E3780AEA1"],
            },
            "data-prod": {},
          },
        },
      }),
      "ci.yaml": workspace({
        githubOidc: {
          roles: {
            deploy: {
              account: "app-prod",
              repository: "acme/app",
              subjects: [{ environment: "production" }],
              managedPolicies: ["PowerUserAccess"],
            },
          },
        },
      }),
    });
    expect(messages(result)).toBe("");
    const org = result.plan!.workspaces.find((w) => w.name === "org")!;
    expect(org.githubOidc.providers.map((p) => [p.account.name, p.thumbprints])).toEqual([
      ["app-dev", ["6938fd4d98bab03faadb97b34396831e3780aea1"]],
      ["data-prod", []],
    ]);
    const out = JSON.parse(Testing.synth(new EnvironmentStack(Testing.app(), "org", { plan: org })));
    expect(Object.keys(out.resource.aws_iam_openid_connect_provider).sort()).toEqual(["github_app-dev", "github_data-prod"]);
    expect(out.resource.aws_iam_openid_connect_provider["github_data-prod"].thumbprint_list).toBeUndefined();
  });

  it("declared existing reject settings that would do nothing", () => {
    expect(
      messages(
        compileFiles({
          "org.yaml": workspace({
            githubOidc: {
              providers: { "app-prod": { existing: true, tags: { a: "b" } } },
            },
          }),
        }),
      ),
    ).toMatchInlineSnapshot(
      `"org.yaml:9 error KL519 $.githubOidc.providers.app-prod.tags: the provider is declared existing, so keyless creates nothing and tags would have no effect | fix: remove tags, or remove existing: true to let keyless create the provider"`,
    );
  });

  it("have one owner per account", () => {
    expect(
      messages(
        compileFiles({
          "a.yaml": workspace({
            githubOidc: { providers: { "app-prod": {} } },
          }),
          "b.yaml": workspace({
            githubOidc: { providers: { "app-prod": { existing: true } } },
          }),
        }),
      ),
    ).toMatch(/error KL205 .*GitHub OIDC provider in account "app-prod" is declared by a.yaml/);
  });
});

describe("emission", () => {
  it("creates the role with path, boundary and policies through the member account's provider", () => {
    const result = compileRole({
      path: "/ci/",
      permissionsBoundary: "ci-boundary",
      customerManagedPolicies: ["deploy-extra"],
    });
    const ci = result.plan!.workspaces.find((w) => w.name === "ci")!;
    const out = Testing.synth(new EnvironmentStack(Testing.app(), "ci", { plan: ci }));
    expect(out).toHaveResourceWithProperties(IamRole, {
      name: "deploy",
      path: "/ci/",
      permissions_boundary: "arn:aws:iam::100000000002:policy/ci-boundary",
      provider: "aws.app-prod",
    });
    expect(out).not.toHaveResource(IamOpenidConnectProvider);
    expect(JSON.parse(out).resource.aws_iam_role_policy_attachment.deploy.for_each).toBe(
      '${toset(["arn:aws:iam::100000000002:policy/deploy-extra", "arn:aws:iam::aws:policy/PowerUserAccess"])}',
    );
  });
});

describe("githubTrustPolicy", () => {
  it("refuses a wildcard among exact subjects and an empty subject list", () => {
    expect(() => githubTrustPolicy("arn", "token.actions.githubusercontent.com", ["repo:a/b:ref:refs/heads/*"])).toThrow(/contains a wildcard/);
    expect(() => githubTrustPolicy("arn", "token.actions.githubusercontent.com", [])).toThrow(/at least one subject/);
  });

  it("never uses set operators, IfExists, negated operators or iss", () => {
    const text = JSON.stringify(githubTrustPolicy("arn", "token.actions.githubusercontent.com", ["repo:a/b:pull_request"], ["repo:a/b:ref:refs/heads/r/*"]));
    expect(text).not.toMatch(/ForAllValues|ForAnyValue|IfExists|Not[A-Z]|:iss/);
  });
});

describe("workflowUsage", () => {
  it("gives the ARN, the job's environment and a ready-to-paste step", () => {
    const [role] = ciRoles(compileRole({ maxSessionDuration: 7200 }));
    const usage = workflowUsage(role, "eu-west-1");
    expect(usage.roleArn).toBe("arn:aws:iam::100000000002:role/deploy");
    expect(usage.jobNeeds).toEqual(["environment: production (any branch the environment's deployment rules allow)"]);
    expect(usage.yaml).toMatchInlineSnapshot(`
      "# deploy in app-prod: acme/app, environment: production (any branch the environment's deployment rules allow)
      environment: production
      permissions:
        id-token: write
        contents: read
      steps:
        - name: Configure AWS credentials
          uses: aws-actions/configure-aws-credentials@v4
          with:
            role-to-assume: arn:aws:iam::100000000002:role/deploy
            aws-region: eu-west-1
            role-duration-seconds: 7200
      "
    `);
  });

  it("says which branch, tag or event the job needs", () => {
    const [role] = ciRoles(
      compileRole({
        managedPolicies: ["job-function/ViewOnlyAccess"],
        subjects: [{ pullRequest: true }, { branch: "main" }, { tag: "v1" }],
      }),
    );
    const usage = workflowUsage(role, "eu-west-1");
    expect(usage.jobNeeds).toEqual([
      "triggered by pull_request, with no environment:",
      "runs on branch main (push, workflow_dispatch or schedule) with no environment:",
      "runs for tag v1 (push of the tag) with no environment:",
    ]);
    expect(usage.yaml).not.toMatch(/^environment:/m);
    expect(usage.yaml).toMatch(/role-to-assume: arn:aws:iam::100000000002:role\/deploy\n/);
  });
});
