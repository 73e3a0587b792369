import { diffPolicy } from "../src/report/policy-diff";
import { conditionWords, statementWords } from "../src/report/policy-words";
import { normalizePolicy } from "../src/report/statements";

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const read = (Sid: string, regions: string[]) => ({ Sid, Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": regions } } });

describe("statement-level policy diff", () => {
  it("a new statement allowing less than an unchanged one widens nothing; allowing more does", () => {
    const wide = read("Wide", ["eu-west-1", "us-east-1"]);
    expect(diffPolicy("inline", "Reader", doc(wide), doc(wide, read("Narrow", ["eu-west-1"]))).widenings).toEqual([]);
    const narrow = read("Narrow", ["eu-west-1"]);
    expect(diffPolicy("inline", "Reader", doc(narrow), doc(narrow, read("Wide", ["eu-west-1", "us-east-1"]))).widenings).toEqual([
      "Reader can now call s3:GetObject on * when aws:RequestedRegion is one of eu-west-1, us-east-1",
    ]);
  });

  it("the same policy, reordered or re-spelled, says nothing", () => {
    const a = doc({ Effect: "Allow", Action: ["b:B", "a:A"], Resource: "*" }, { Sid: "X", Effect: "Deny", Action: "c:C", Resource: ["r2", "r1"] });
    const b = doc({ Sid: "X", Effect: "Deny", Action: ["c:C"], Resource: ["r1", "r2", "r1"] }, { Effect: "Allow", Action: ["a:A", "b:B"], Resource: ["*"] });
    expect(diffPolicy("inline", "P", a, b)).toEqual({ details: [], widenings: [], narrowings: [] });
  });

  it("a document the policy model rejects has no statements, and does not throw", () => {
    expect(normalizePolicy('{"Statement":[{"Effect":"Allow","Action":"a:A","NotAction":"b:B"}]}')).toEqual([]);
    expect(normalizePolicy("not json")).toEqual([]);
  });
});

describe("policies in words", () => {
  it("says Null, IfExists and set operators", () => {
    expect(conditionWords({ operator: "Null", key: "aws:MultiFactorAuthAge", values: ["true"] })).toBe("aws:MultiFactorAuthAge is absent");
    expect(conditionWords({ operator: "StringEqualsIfExists", key: "aws:RequestTag/team", values: ["a", "b"] })).toBe("aws:RequestTag/team is one of a, b (when present)");
    expect(conditionWords({ operator: "ForAllValues:StringLike", key: "aws:TagKeys", values: ["team*"] })).toBe("every one of aws:TagKeys matches team*");
  });

  it("says NotAction, NotResource and principals", () => {
    const [s] = normalizePolicy(
      doc({ Effect: "Deny", NotAction: ["iam:Get*", "iam:List*"], NotResource: "arn:aws:s3:::logs/*", Principal: { AWS: "arn:aws:iam::111111111111:root" } }),
    );
    expect(statementWords(s)).toBe("Deny everything except iam:Get*, iam:List* on every resource except arn:aws:s3:::logs/* for AWS:arn:aws:iam::111111111111:root");
  });
});
