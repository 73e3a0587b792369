import {
  actionInfo,
  actionMatches,
  allowsPrivileged,
  checkManagedPolicyName,
  expandActionPattern,
  isReadOnly,
  parsePolicy,
  PolicyModelError,
  statementKey,
  statementToJson,
  wildcardMatch,
} from "../src/policy/model";

const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const allow = (Action: string | string[], extra: object = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });

describe("parsePolicy", () => {
  it("normalizes statements: sorted lists, conditions, a single statement object", () => {
    const p = parsePolicy({
      Statement: {
        Sid: "A",
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:GetObject", "s3:GetObject"],
        Resource: "*",
        Condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1"] }, Bool: { "aws:SecureTransport": true } },
      },
    });
    expect(p.statements).toEqual([
      {
        index: 0,
        sid: "A",
        effect: "Allow",
        actions: { kind: "Action", patterns: ["s3:GetObject", "s3:PutObject"] },
        resources: { kind: "Resource", patterns: ["*"] },
        conditions: [
          { operator: "Bool", key: "aws:SecureTransport", values: ["true"] },
          { operator: "StringEquals", key: "aws:RequestedRegion", values: ["eu-west-1"] },
        ],
      },
    ]);
  });

  it("rejects Action with NotAction, no action, and unknown elements, with the path", () => {
    const err = (d: object) => {
      try {
        parsePolicy(d);
      } catch (e) {
        return e instanceof PolicyModelError ? `${e.path.join(".")}: ${e.message}` : String(e);
      }
      return "no error";
    };
    expect(err(doc({ Effect: "Allow", Action: "s3:*", NotAction: "iam:*", Resource: "*" }))).toBe("Statement.0: has both Action and NotAction; use one");
    expect(err(doc(allow("s3:*"), { Effect: "Deny", Resource: "*" }))).toBe("Statement.1: has neither Action nor NotAction");
    expect(err(doc({ ...allow("s3:*"), Conditions: {} }))).toBe('Statement.0.Conditions: has an unknown element "Conditions"');
    expect(err(doc({ Effect: "allow", Action: "s3:*" }))).toBe('Statement.0.Effect: Effect must be Allow or Deny, found "allow"');
  });

  it("round-trips through statementToJson, and keys statements by Sid or content", () => {
    const raw = { Sid: "X", Effect: "Deny", NotAction: ["b:B", "a:A"], NotResource: "arn:aws:s3:::x", Condition: { StringLike: { "aws:PrincipalArn": ["b", "a"] } } };
    const [s] = parsePolicy(doc(raw)).statements;
    expect(statementToJson(s)).toEqual({
      Sid: "X",
      Effect: "Deny",
      NotAction: ["a:A", "b:B"],
      NotResource: "arn:aws:s3:::x",
      Condition: { StringLike: { "aws:PrincipalArn": ["a", "b"] } },
    });
    expect(parsePolicy(doc(statementToJson(s))).statements[0]).toEqual(s);
    expect(statementKey(s)).toBe("sid:X");
    const [a, b] = parsePolicy(doc(allow(["x:B", "x:A"]), allow(["x:A", "x:B"]))).statements;
    expect(statementKey(a)).toBe(statementKey(b));
  });
});

describe("actions", () => {
  it("matches IAM wildcards case-insensitively for actions, and * crosses /", () => {
    expect(actionMatches("s3:Get*", "s3:getobject")).toBe(true);
    expect(actionMatches("iam:?etRole", "iam:GetRole")).toBe(true);
    expect(actionMatches("iam:Get*", "iam:PassRole")).toBe(false);
    expect(wildcardMatch("refs/heads/release/*", "refs/heads/release/x/y")).toBe(true);
    expect(wildcardMatch("arn:aws:s3:::A*", "arn:aws:s3:::abc")).toBe(false);
  });

  it("knows access levels from IAM's data", () => {
    expect(actionInfo("iam:PassRole")?.levels).toEqual(["Write"]);
    expect(actionInfo("iam:PutRolePolicy")?.levels).toEqual(["Permissions management", "Write"]);
    expect(actionInfo("s3:GetObject")?.levels).toEqual(["Read"]);
    expect(actionInfo("s3:NoSuchThing")).toBeUndefined();
    expect(expandActionPattern("iam:*")!.length).toBeGreaterThan(150);
    expect(expandActionPattern("*:Get*")).toBeUndefined();
  });
});

describe("allowsPrivileged", () => {
  it.each([
    ["Action *", doc(allow("*"))],
    ["Action *:*", doc(allow("*:*"))],
    ["iam:*", doc(allow("iam:*"))],
    ["NotAction Allow", doc({ Effect: "Allow", NotAction: "s3:*", Resource: "*" })],
    ["NotResource", doc({ Effect: "Allow", Action: "iam:*", NotResource: "arn:aws:iam::123456789012:role/BreakGlass" })],
    ["* with an always-true condition", doc(allow("*", { Condition: { StringLike: { "aws:PrincipalArn": "*" } } }))],
    ["iam:Put* on arn:aws:iam::*:role/*", doc({ Effect: "Allow", Action: "iam:Put*", Resource: "arn:aws:iam::*:role/*" })],
    ["iam:PassRole with ec2:RunInstances", doc(allow(["iam:PassRole", "ec2:RunInstances"]))],
  ])("is privileged: %s", (_what, d) => {
    const v = allowsPrivileged(d);
    expect(v.reasons.length).toBeGreaterThan(0);
    expect(v.privileged).toBe(true);
  });

  it.each([
    ["AdministratorAccess", [{ managed: "AdministratorAccess" }]],
    ["IAMFullAccess (by ARN)", [{ managed: "arn:aws:iam::aws:policy/IAMFullAccess" }]],
    ["PowerUserAccess plus iam:PassRole", [{ managed: "PowerUserAccess" }, { document: doc(allow("iam:PassRole")) }]],
    ["PowerUserAccess plus iam:CreateRole", [{ managed: "PowerUserAccess" }, { document: doc(allow("iam:CreateRole")) }]],
  ])("is privileged: %s", (_what, sources) => {
    expect(allowsPrivileged(sources).privileged).toBe(true);
  });

  it.each([
    ["PowerUserAccess alone", [{ managed: "PowerUserAccess" }]],
    ["ReadOnlyAccess", [{ managed: "ReadOnlyAccess" }]],
    ["iam:* on one role path only", [{ document: doc({ Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::123456789012:role/app/*" }) }]],
    ["* under a real condition", [{ document: doc(allow("*", { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } })) }]],
    ["* with iam:* denied", [{ document: doc(allow("*"), { Effect: "Deny", Action: ["iam:*", "organizations:*", "sso:*"], Resource: "*" }) }]],
    ["s3 only", [{ document: doc(allow("s3:*")) }]],
  ])("is not privileged: %s", (_what, sources) => {
    expect(allowsPrivileged(sources)).toEqual({ privileged: false, reasons: [], unknownManaged: [] });
  });

  it("names the statement and the actions", () => {
    expect(allowsPrivileged(doc({ Sid: "Ops", Effect: "Allow", NotAction: "s3:*", Resource: "*" })).reasons[0]).toBe(
      "allows every action on every resource (statement Ops: every action except s3:* on *)",
    );
  });
});

describe("isReadOnly", () => {
  it("accepts Read/List actions by IAM's access levels", () => {
    expect(isReadOnly(doc(allow(["ec2:Describe*", "iam:ListRoles", "iam:GetRole"])))).toEqual({ readOnly: true, problems: [] });
    expect(isReadOnly([{ managed: "job-function/ViewOnlyAccess" }, { managed: "SecurityAudit" }]).readOnly).toBe(true);
  });

  it("rejects verbs that look like reads but are not, secret readers, NotAction and unknown actions", () => {
    const problems = (d: unknown) => isReadOnly(d).problems.map((p) => `${p.action}: ${p.why}`);
    expect(problems([{ managed: "PowerUserAccess" }])).toEqual([
      "PowerUserAccess: writes (every action except IAM, Organizations and Account management (service-linked roles allowed))",
    ]);
    expect(problems(doc(allow("secretsmanager:GetSecretValue")))).toEqual(["secretsmanager:GetSecretValue: reads secrets, data or credentials"]);
    expect(problems(doc(allow("sts:AssumeRole")))).toEqual(["sts:AssumeRole: reads secrets, data or credentials"]);
    expect(problems(doc(allow("ssm:GetParameter")))).toEqual(["ssm:GetParameter: reads secrets, data or credentials"]);
    expect(problems(doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }))).toEqual(["NotAction iam:*: allows every action except those listed"]);
    expect(problems(doc(allow("s3:Frobnicate")))).toEqual(["s3:Frobnicate: matches no action IAM knows"]);
    expect(problems(doc(allow("*:Get*")))).toEqual(["*:Get*: matches actions of every service"]);
    // A Get* that IAM classifies as a write.
    expect(problems(doc(allow(["cognito-identity:GetId", "cloudshell:GetFileDownloadUrls"])))).toEqual([
      "cloudshell:GetFileDownloadUrls: is a Write action",
      "cognito-identity:GetId: is a Write action",
    ]);
  });

  it("judges managed policies by meaning; ReadOnlyAccess reads data unless those readers are denied", () => {
    expect(isReadOnly([{ managed: "PowerUserAccess" }]).readOnly).toBe(false);
    expect(isReadOnly([{ managed: "NotARealPolicy" }]).problems).toEqual([{ action: "NotARealPolicy", why: "is an AWS managed policy keyless does not know to be read-only" }]);
    const ro = isReadOnly([{ managed: "ReadOnlyAccess" }]);
    expect(ro.readOnly).toBe(false);
    expect(ro.problems.map((p) => p.action)).toContain("s3:GetObject*");
    const denyReaders = {
      Effect: "Deny",
      Action: [
        "s3:GetObject*",
        "ssm:GetParameter*",
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:Scan",
        "lambda:GetFunction",
        "ecr:GetAuthorizationToken",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
        "codecommit:GitPull",
        "logs:GetLogEvents",
        "logs:FilterLogEvents",
        "kinesis:GetRecords",
        "sqs:ReceiveMessage",
        "athena:GetQueryResults",
      ],
      Resource: "*",
    };
    expect(isReadOnly([{ managed: "ReadOnlyAccess" }, { document: doc(denyReaders) }])).toEqual({ readOnly: true, problems: [] });
  });
});

describe("checkManagedPolicyName", () => {
  it("knows AWS's managed policies, with their paths, and suggests the closest for a misspelling", () => {
    expect(checkManagedPolicyName("PowerUserAccess")).toEqual({ known: true });
    expect(checkManagedPolicyName("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")).toEqual({ known: true });
    expect(checkManagedPolicyName("PowerUserAcess")).toEqual({ known: false, name: "PowerUserAcess", didYouMean: "PowerUserAccess" });
    expect(checkManagedPolicyName("ViewOnlyAccess")).toEqual({ known: false, name: "ViewOnlyAccess", didYouMean: "job-function/ViewOnlyAccess" });
    expect(checkManagedPolicyName("AcmeInternalDeployerPolicyV7")).toEqual({ known: false, name: "AcmeInternalDeployerPolicyV7" });
  });
});
