import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { literal, literalData } from "../modules/literal";
import { synthesize } from "../modules/synth";
import { compileFiles, messages, workspace } from "./support/fixtures";

/** An IAM policy variable and a Terraform template directive: both must reach AWS verbatim. */
const V = "${aws:username}";
const D = "%{if true}x%{endif}";
const E = `$\${aws:username} %%{if true}x%%{endif}`;
const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::home/${V} ${D}/*` }] };

/** A workspace with both in every kind of literal string keyless writes. */
function escapingWorkspace(): Record<string, unknown> {
  return workspace({
    aws: { region: "eu-west-1", defaultTags: { Owner: `${V} ${D}` } },
    identityCenter: {
      permissionSets: { Home: { description: `Home ${V} ${D}`, inlinePolicy: doc, tags: { Note: `${V} ${D}` } } },
      groups: { Team: { source: "managed", description: `Team ${V} ${D}` } },
      accessControlAttributes: { team: ["${path:enterprise.department}"] },
      assignments: [{ groups: ["Team"], permissionSets: ["Home"], targets: { accounts: ["app-dev"] } }],
    },
    guardrails: {
      policies: {
        NoHome: {
          description: `Deny ${V} ${D}`,
          document: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:DeleteObject", Resource: `arn:aws:s3:::home/${V} ${D}` }] },
          targets: { organizationalUnits: ["workloads"] },
        },
      },
    },
    githubOidc: {
      providers: { "app-dev": { tags: { Note: `${V} ${D}` } } },
      roles: {
        deploy: {
          account: "app-dev",
          repository: "acme/app",
          subjects: [{ environment: "dev" }],
          description: `Deploy ${V} ${D}`,
          tags: { Note: `${V} ${D}` },
          inlinePolicies: { home: doc },
        },
      },
    },
  });
}

describe("literal", () => {
  it("escapes interpolations and directives, in strings and object keys, and nothing else", () => {
    expect(literal(`${V} ${D} $ % {} $x{`)).toBe(`${E} $ % {} $x{`);
    expect(literalData({ [V]: [V, 1, true, null, { k: D }] })).toEqual({ [literal(V)]: [literal(V), 1, true, null, { k: literal(D) }] });
    // Copy on write: what holds nothing to escape comes back as the same objects.
    const plain = { a: ["x", { b: "{y}" }], c: 1 };
    expect(literalData(plain)).toBe(plain);
    const mixed = { keep: plain.a, change: [`${V}`] };
    expect(literalData(mixed).keep).toBe(plain.a);
    expect(Object.keys(literalData({ a: 1, [D]: 2, z: 3 }))).toEqual(["a", literal(D), "z"]);
  });
});

describe("every literal string keyless writes is escaped for Terraform", () => {
  const result = compileFiles({ "org.yaml": escapingWorkspace() });
  const base = mkdtempSync(join(tmpdir(), "keyless-escape-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  synthesize(result.plan!, { outdir: join(base, "out") });
  const text = readFileSync(join(base, "out", "stacks", "org", "cdk.tf.json"), "utf8");
  const tf = JSON.parse(text);

  it("compiles", () => {
    expect(messages(result)).toBe("");
  });

  it.each([
    ["permission set description", () => tf.resource.aws_ssoadmin_permission_set.Home.description, `Home ${E}`],
    ["permission set tag", () => tf.resource.aws_ssoadmin_permission_set.Home.tags.Note, E],
    ["permission set inline policy", () => JSON.parse(tf.resource.aws_ssoadmin_permission_set_inline_policy.Home.inline_policy).Statement[0].Resource, `arn:aws:s3:::home/${E}/*`],
    ["managed group description", () => Object.values<any>(tf.resource.aws_identitystore_group.managed.for_each)[0].description, `Team ${E}`],
    ["ABAC source", () => tf.resource.aws_ssoadmin_instance_access_control_attributes.this.attribute[0].value[0].source[0], "$${path:enterprise.department}"],
    ["SCP description", () => tf.resource.aws_organizations_policy.policy_NoHome.description, `Deny ${E}`],
    ["SCP content", () => JSON.parse(tf.resource.aws_organizations_policy.policy_NoHome.content).Statement[0].Resource, `arn:aws:s3:::home/${E}`],
    ["GitHub role description", () => tf.resource.aws_iam_role.deploy.description, `Deploy ${E}`],
    ["GitHub role tag", () => tf.resource.aws_iam_role.deploy.tags.Note, E],
    ["GitHub role inline policy", () => JSON.parse(Object.values<string>(tf.resource.aws_iam_role_policy.deploy.for_each)[0]).Statement[0].Resource, `arn:aws:s3:::home/${E}/*`],
    ["OIDC provider tag", () => tf.resource["aws_iam_openid_connect_provider"]["github_app-dev"].tags.Note, E],
    ["provider default tag", () => tf.provider.aws[0].default_tags[0].tags.Owner, E],
  ])("%s", (_kind, get, expected) => {
    expect(get()).toBe(expected);
  });

  it("leaves no unescaped template anywhere, and keyless's own expressions unescaped", () => {
    expect(text.match(/(^|[^$])\$\{aws:|(^|[^%])%\{|(^|[^$])\$\{path:/gm)).toBeNull();
    expect(text).toContain('"${local.sso_instance_arn}"');
    expect(text).toContain('"${aws_iam_role.deploy.name}"');
    expect(text).not.toMatch(/\$\$\{(local|data|aws_|each|element|toset|lookup)/);
  });
});
