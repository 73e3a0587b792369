import type { Diagnostic } from "../src/diagnostics/diagnostic";
import { hazardsOf } from "../src/report/hazards";
import { reportCsv } from "../src/report/csv";
import { reportHtml } from "../src/report/html";
import { buildReport, renderReport, reportJson } from "../src/report/report";
import { baseDefinitions, planOf } from "./diff-corpus/base";
import { compileFiles, workspace } from "./support/fixtures";

const DATE = "2026-01-15";

function files(reversed = false): Record<string, unknown> {
  const rev = <T>(xs: T[]) => (reversed ? [...xs].reverse() : xs);
  const obj = (o: Record<string, unknown>) => Object.fromEntries(rev(Object.entries(o)));
  return {
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: obj({
          ReadOnly: { managedPolicies: ["ReadOnlyAccess"], sessionDuration: "PT8H" },
          Admin: { name: "AdminAccess", managedPolicies: ["AdministratorAccess"] },
        }),
        groups: obj({ Platform: { source: "external" }, Auditors: { source: "external" } }),
        assignments: rev([
          { groups: ["Platform"], permissionSets: ["Admin", "ReadOnly"], targets: { organizationalUnits: ["workloads/prod"] } },
          { groups: ["Auditors"], permissionSets: ["ReadOnly"], targets: { accounts: ["audit"] }, expires: "2026-01-20" },
        ]),
      },
      guardrails: { denyIamUsers: { targets: { organizationalUnits: ["workloads", "security"] }, exemptRoles: ["BreakGlass"] } },
      githubOidc: {
        providers: { "app-prod": {} },
        roles: obj({
          deploy: { account: "app-prod", repository: "acme/app", subjects: [{ environment: "production" }], managedPolicies: ["PowerUserAccess"] },
          plan: {
            account: "app-prod",
            repository: "acme/app",
            subjects: [{ branch: "release/*" }],
            managedPolicies: ["ReadOnlyAccess"],
            allow: { wildcardSubjects: "release branches are cut by the release bot only" },
          },
        }),
      },
    }),
  };
}

function report(reversed = false) {
  const r = compileFiles(files(reversed), DATE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return buildReport(r.plan!, r.diagnostics, DATE);
}

describe("effective-access report", () => {
  const rep = report();
  const ws = rep.workspaces[0];

  it("lists every grant with principal, permission set (AWS name and key) and account", () => {
    expect(ws.identityCenter.grants.map((g) => `${g.principal} ${g.permissionSet}/${g.permissionSetKey} ${g.account}${g.expires ? ` until ${g.expires}` : ""}`)).toEqual([
      "Auditors ReadOnly/ReadOnly audit until 2026-01-20",
      "Platform AdminAccess/Admin app-prod",
      "Platform AdminAccess/Admin data-prod",
      "Platform ReadOnly/ReadOnly app-prod",
      "Platform ReadOnly/ReadOnly data-prod",
    ]);
  });

  it("renders who has what where as an account x principal matrix", () => {
    const md = renderReport(rep);
    expect(md).toContain(
      [
        "| account | group Auditors | group Platform |",
        "| --- | --- | --- |",
        "| `app-prod` 100000000002 | · | AdminAccess, ReadOnly |",
        "| `audit` 100000000001 | ReadOnly (until 2026-01-20) | · |",
        "| `data-prod` 100000000003 | · | AdminAccess, ReadOnly |",
      ].join("\n"),
    );
    expect(md).toContain("| AdminAccess (key Admin) | PT1H | AdministratorAccess | · |");
  });

  it("shows GitHub roles with the subjects that can assume them, their account and policies", () => {
    expect(ws.githubOidc.roles.map((r) => [r.name, r.account, r.subjects, r.policies])).toEqual([
      ["deploy", "app-prod", ["repo:acme/app:environment:production"], ["PowerUserAccess"]],
      ["plan", "app-prod", ["like repo:acme/app:ref:refs/heads/release/*"], ["ReadOnlyAccess"]],
    ]);
    expect(ws.githubOidc.roles[0].arn).toBe("arn:aws:iam::100000000002:role/deploy");
    expect(ws.githubOidc.roles[0].jobNeeds).toEqual([expect.stringMatching(/^environment: production/)]);
    expect(ws.githubOidc.roles[0].workflowStep).toContain("role-to-assume: arn:aws:iam::100000000002:role/deploy");
    expect(renderReport(rep)).toContain("like `repo:acme/app:ref:refs/heads/release/*`");
  });

  it("shows which targets each guardrail covers and whom it exempts", () => {
    expect(ws.guardrails.policies).toHaveLength(1);
    const g = ws.guardrails.policies[0];
    expect(g.targets).toEqual(["ou:security", "ou:workloads"]);
    expect(g.denies).toContain("iam:CreateAccessKey");
    expect(g.exemptions.join(" ")).toContain("BreakGlass");
  });

  it("lists hazards: grants expiring soon and explicit opt-ins, with their reasons", () => {
    expect(ws.hazards.map((h) => `${h.kind}: ${h.message}`)).toEqual([
      "expiring: group Auditors loses ReadOnly in audit on 2026-01-20 (in 5 day(s))",
      "finding: the management account management (100000000000) is outside every guardrail: SCPs never apply there, so IAM users, access keys and its root user are not restricted",
      expect.stringMatching(/^opt-in: GitHub role plan in app-prod: allow.wildcardSubjects: .*release branches are cut by the release bot only/),
    ]);
    expect(renderReport(rep)).toContain("- **expiring**: group Auditors loses ReadOnly in audit on 2026-01-20 (in 5 day(s))");
  });

  it("turns warnings into hazards by kind, and keeps the ones it derives from the plan once", () => {
    const d = (code: string, message: string): Diagnostic => ({ code: code as Diagnostic["code"], severity: "warning", file: "org.yaml", path: [], line: 3, message });
    const acknowledged = { ...d("KL307", "assigned to a user"), line: 9, acknowledgement: { reason: "break-glass user, reviewed monthly", file: "org.yaml", path: [] } };
    const hz = hazardsOf(
      [d("KL313", "Admin is renamed"), d("KL309", "expires soon"), d("KL307", "assigned to a user"), { ...d("KL203", "an error"), severity: "error" }, acknowledged],
      [],
      [],
      DATE,
    );
    expect(hz).toEqual([
      { kind: "acknowledged", code: "KL307", message: "assigned to a user (reason: break-glass user, reviewed monthly)", where: "org.yaml:9" },
      { kind: "finding", code: "KL307", message: "assigned to a user", where: "org.yaml:3" },
      { kind: "replacement", code: "KL313", message: "Admin is renamed", where: "org.yaml:3" },
    ]);
  });

  it("is deterministic: the same bytes whatever the order of the definitions", () => {
    expect(reportJson(report(true))).toBe(reportJson(rep));
    expect(renderReport(report(true))).toBe(renderReport(rep));
    expect(reportHtml(report(true))).toBe(reportHtml(rep));
    expect(reportCsv(report(true))).toBe(reportCsv(rep));
    expect(JSON.parse(reportJson(rep))).toMatchObject({ version: 1, evaluationDate: DATE, workspaces: [{ name: "org" }] });
  });
});

describe("the report renders every policy truthfully", () => {
  // The corpus organization: custom SCPs with an ArnNotLike exemption, NotAction, a region
  // condition and a root-user-only deny; the built-in guardrail on workloads only.
  const rep = buildReport(planOf(baseDefinitions()), [], DATE);
  const scps = Object.fromEntries(rep.workspaces[0].guardrails.policies.map((p) => [p.name, p]));
  const md = renderReport(rep);

  it("reads a custom SCP's exemptions from its conditions", () => {
    expect(scps["protect-roles"].exemptions).toEqual(["arn:aws:iam::*:role/BreakGlass"]);
    expect(md).toContain("| `protect-roles` | `root` | iam:DeleteRole, iam:UpdateAssumeRolePolicy | arn:aws:iam::\\*:role/BreakGlass | · |");
    expect(scps["keyless-deny-iam-users"].exemptions).toEqual([
      "role BreakGlass in every account",
      "keyless's member-account role OrganizationAccountAccessRole (identity providers and protected roles only)",
    ]);
  });

  it("says NotAction as everything except the actions, once", () => {
    expect(scps["deny-regions"].denies).toEqual(["everything except iam:*, organizations:*, sts:*"]);
  });

  it("says conditions in words, negated ones on a Deny as unless", () => {
    expect(scps["deny-regions"].statements).toEqual(["OnlyIreland: Deny everything except iam:*, organizations:*, sts:* on * unless aws:RequestedRegion is eu-west-1"]);
    expect(scps["protect-roles"].statements).toEqual([
      "ProtectBaseline: Deny iam:DeleteRole, iam:UpdateAssumeRolePolicy on arn:aws:iam::*:role/baseline/* unless aws:PrincipalArn matches arn:aws:iam::*:role/BreakGlass",
    ]);
  });

  it("says a root-user-only deny is one, not a deny of everything", () => {
    expect(scps["deny-root"].denies).toEqual(["* (root users only)"]);
    expect(scps["deny-root"].statements).toEqual(["NoRootUser: Deny every action on * for root users only"]);
  });

  it("lists the active accounts a guardrail does not reach, and the management account", () => {
    // audit is in security, not workloads; old-prod is suspended; management is never reached.
    expect(scps["deny-regions"].uncoveredAccounts).toEqual(["audit"]);
    expect(scps["protect-roles"].uncoveredAccounts).toEqual([]);
    expect(rep.managementAccount).toBe("management");
    expect(md).toContain("SCPs never apply to the management account `management`.");
  });

  it("shows inline policies statement by statement, and the grant's OU and source line", () => {
    expect(rep.workspaces[0].identityCenter.permissionSets[0].inlineStatements).toEqual([
      "Operate: Allow ec2:RebootInstances, ssm:StartSession on *",
      "NoSecrets: Deny secretsmanager:GetSecretValue on *",
    ]);
    expect(rep.workspaces[0].githubOidc.roles[0].inlinePolicies.map((p) => p.statements)).toEqual([["Upload: Allow s3:PutObject on arn:aws:s3:::acme-artifacts/app/*"]]);
    expect(rep.workspaces[0].identityCenter.grants[0]).toMatchObject({ account: "app-prod", ou: "workloads/prod", source: "org.yaml" });
  });
});
