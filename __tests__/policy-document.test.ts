import { canonicalPolicy, policyProblems, renderPolicy } from "../src/policy/policy-document";

describe("policy documents", () => {
  it("render minified, Version first, statement keys in AWS order, lists sorted and de-duplicated", () => {
    const text = renderPolicy({
      Statement: [{ Resource: ["b", "a", "a"], Action: ["s3:Put*", "s3:Get*"], Effect: "Allow", Condition: { StringEquals: { z: "1", a: ["y", "x"] } } }],
    });
    expect(text).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:Put*"],"Resource":["a","b"],"Condition":{"StringEquals":{"a":["x","y"],"z":"1"}}}]}',
    );
  });

  it("round-trip: rendering the canonical form again changes nothing", () => {
    const doc = { Statement: [{ Sid: "A", Effect: "Deny" as const, NotAction: ["iam:*", "sts:*"], Resource: "*" }] };
    const once = renderPolicy(doc);
    expect(renderPolicy(JSON.parse(once))).toBe(once);
    expect(canonicalPolicy(doc).Statement[0]).toEqual({ Sid: "A", Effect: "Deny", NotAction: ["iam:*", "sts:*"], Resource: "*" });
  });

  it("rejects Action with NotAction, missing actions and repeated Sids", () => {
    expect(
      policyProblems({
        Statement: [
          { Sid: "X", Effect: "Allow", Action: "a:b", NotAction: "a:c", Resource: "*" },
          { Sid: "X", Effect: "Allow", Resource: "*" },
        ],
      }).map((p) => `${p.index}: ${p.problem}`),
    ).toEqual(["0: has both Action and NotAction; use one", "1: has neither Action nor NotAction", '1: repeats Sid "X"; Sids must be unique']);
  });
});
