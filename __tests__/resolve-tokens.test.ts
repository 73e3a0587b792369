import { App, Fn, Lazy, TerraformIterator, TerraformLocal, TerraformOutput, TerraformStack, Testing, Token } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { resolve as cdktfResolve } from "cdktf/lib/_tokens";
import { resolveTokens, withTokenOnlyResolve } from "../modules/resolve-tokens";

/** cdktf's own resolve, and ours over it, in one stack. */
function resolvers() {
  const stack = new TerraformStack(Testing.app(), "s");
  const role = new IamRole(stack, "r", { name: "deploy", assumeRolePolicy: "{}" });
  const theirs = (v: unknown) => cdktfResolve(stack, v);
  const ours = (v: unknown) => resolveTokens(v, theirs);
  return { role, theirs, ours };
}

describe("resolveTokens", () => {
  it("returns what holds no token as it is (the same objects), equal to cdktf's copy", () => {
    const { theirs, ours } = resolvers();
    const plain = {
      name: "deploy",
      arn: "arn:aws:iam::123456789012:role/deploy",
      policy: '{"Statement":[{"Resource":"arn:aws:s3:::b/$${aws:username}/*"}]}',
      n: 3600,
      on: true,
      none: null,
      list: ["a", 1, false, null, { k: "v" }],
      nested: { deep: { deeper: ["x"] } },
    };
    expect(ours(plain)).toBe(plain);
    expect(ours(plain)).toEqual(theirs(plain));
  });

  it("drops object keys whose value is undefined, as cdktf does", () => {
    const { theirs, ours } = resolvers();
    const value = { a: "1", b: undefined, c: { d: undefined, e: 2 } };
    const out = ours(value) as Record<string, unknown>;
    expect(out).toEqual(theirs(value));
    expect(Object.keys(out)).toEqual(["a", "c"]);
    expect(Object.keys(out.c as object)).toEqual(["e"]);
  });

  it("gives an array holding undefined to cdktf, which drops those elements", () => {
    const { theirs, ours } = resolvers();
    const value = { list: ["a", undefined, "b"], nested: [{ k: undefined }] };
    expect(ours(value)).toEqual(theirs(value));
    expect((ours(value) as { list: string[] }).list).toEqual(["a", "b"]);
  });

  it("resolves string, list, number and map tokens, references and functions exactly as cdktf", () => {
    const { role, theirs, ours } = resolvers();
    const value = {
      ref: role.arn,
      inText: `role ${role.name} in ${Token.asString(Lazy.stringValue({ produce: () => "lazy" }))}`,
      list: Token.asList(Lazy.listValue({ produce: () => ["x", "y"] })),
      listRef: role.managedPolicyArns,
      number: Token.asNumber(Lazy.numberValue({ produce: () => 42 })),
      numberInText: `max ${Token.asString(role.maxSessionDuration)}`,
      map: Token.asStringMap(Lazy.anyValue({ produce: () => ({ a: "b" }) })),
      fn: Fn.jsonencode({ a: role.id }),
      plainBeside: { kept: "as is" },
    };
    const out = ours(value) as Record<string, unknown>;
    expect(out).toEqual(theirs(value));
    expect(out.ref).toBe("${aws_iam_role.r.arn}");
    expect(out.number).toBe(42);
    expect(JSON.stringify(out)).not.toContain("TfToken");
    expect(out.plainBeside).toBe(value.plainBeside);
  });

  it("gives cdktf what only looks like a token, and what it rejects", () => {
    const { theirs, ours } = resolvers();
    // cdktf's number-token pattern matches these; it looks them up and keeps them.
    for (const s of ["1e5", "v2e+3", "x-e-1"]) expect(ours(s)).toBe(theirs(s));
    expect(ours(2.5)).toBe(2.5);
    expect(ours(-123456789.5)).toBe(theirs(-123456789.5));
    const date = new Date(0);
    expect(ours(date)).toBe(theirs(date));
    expect(() => ours(Token.STRING_MAP_TOKEN_VALUE)).toThrow();
    expect(() => ours(Token.NUMBER_MAP_TOKEN_VALUE)).toThrow();
    expect(() => ours({ f: () => 1 })).toThrow();
  });
});

describe("withTokenOnlyResolve", () => {
  /** A stack with references, iterators, locals, outputs, providers and overrides (one deleting a value). */
  function synthStack(): string {
    const app = new App({ outdir: Testing.app().outdir, stackTraces: false });
    const stack = new TerraformStack(app, "s");
    const member = new AwsProvider(stack, "member", { region: "eu-west-1", alias: "member" });
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const names = new TerraformLocal(stack, "names", { a: "alpha", b: "beta" });
    const it = TerraformIterator.fromMap(names.asStringMap);
    const roles = new IamRole(stack, "roles", { forEach: it, name: it.value, assumeRolePolicy: '{"x":"$${aws:PrincipalTag/team}"}', provider: member });
    const one = new IamRole(stack, "one", { name: "one", assumeRolePolicy: "{}", tags: { team: "ops" }, maxSessionDuration: 3600 });
    new IamRolePolicyAttachment(stack, "att", { role: one.name, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess", dependsOn: [roles] });
    one.addOverride("tags", undefined);
    one.addOverride("description", `for ${one.name}`);
    stack.addOverride("terraform.required_version", ">= 1.5");
    new TerraformOutput(stack, "arn", { value: one.arn });
    return Testing.synth(stack);
  }

  it("synthesizes the same document as cdktf's resolve, and restores it afterwards", () => {
    const tokens = require("cdktf/lib/_tokens") as { resolve: unknown };
    const original = tokens.resolve;
    const expected = synthStack();
    const seen: unknown[] = [];
    const fast = withTokenOnlyResolve(() => {
      seen.push(tokens.resolve);
      return synthStack();
    });
    expect(seen[0]).not.toBe(original);
    expect(tokens.resolve).toBe(original);
    expect(fast).toBe(expected);
    expect(JSON.parse(fast).resource.aws_iam_role.one.tags).toBeUndefined();
    expect(fast).toContain("${aws_iam_role.one.name}");
  });
});
