import { formatFindings } from "../src/rules/format";
import { reasonProblem } from "../src/rules/acknowledgements";
import { compileFiles, messages, workspace } from "./support/fixtures";

const REASON = "Alice is the on-call lead until the Q1 2027 reorganisation; reviewed by security.";

/** org.yaml: ReadOnly for Platform, and ReadOnly for user alice on two accounts (two KL307 findings). */
function defs(acknowledgements: unknown[], extra: Record<string, unknown> = {}) {
  return {
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
        groups: { Platform: { source: "external" } },
        users: { alice: { source: "external" } },
        assignments: [
          {
            groups: ["Platform"],
            permissionSets: ["ReadOnly"],
            targets: { accounts: ["audit"] },
          },
          {
            users: ["alice"],
            permissionSets: ["ReadOnly"],
            targets: { accounts: ["app-dev", "app-prod"] },
          },
        ],
      },
      acknowledgements,
      ...extra,
    }),
  };
}

describe("acknowledgements", () => {
  it("accept a finding by rule and subject: it no longer counts, and is listed with its reason", () => {
    const result = compileFiles(
      defs([
        {
          rule: "KL307",
          subject: "assignment:user:alice/ReadOnly/app-dev",
          reason: REASON,
        },
      ]),
    );
    expect(messages(result)).toMatchInlineSnapshot(
      `"org.yaml:24 warning KL307 $.identityCenter.assignments[1].users[0]: permission set "ReadOnly" is assigned to user "alice" in account app-prod; access granted person by person is hard to review and to revoke | fix: put the user in a group (managed, with members) and assign the group"`,
    );
    expect(result.acknowledged.map((d) => [d.code, d.subject, d.acknowledgement.reason, d.acknowledgement.line])).toEqual([
      ["KL307", "assignment:user:alice/ReadOnly/app-dev", REASON, 32],
    ]);
    expect(result.plan).toBeDefined();
  });

  it("let an error that its rule says is acknowledgeable pass: the plan is produced", () => {
    const prod = (acknowledgements: unknown[]) =>
      compileFiles({
        "org.yaml": workspace({
          identityCenter: {
            permissionSets: {
              Admin: { managedPolicies: ["AdministratorAccess"] },
            },
            groups: { Oncall: { source: "external" } },
          },
        }),
        "prod.yaml": workspace({
          identityCenter: {
            assignments: [
              {
                groups: ["Oncall"],
                permissionSets: ["Admin"],
                targets: { accounts: ["app-prod"] },
              },
            ],
          },
          acknowledgements,
        }),
      });
    expect(prod([]).plan).toBeUndefined();
    const acked = prod([
      {
        rule: "KL601",
        subject: "assignment:group:Oncall/Admin/app-prod",
        reason: "Incident 4711: on-call needs admin in app-prod until the database migration ends.",
      },
    ]);
    expect(messages(acked)).toBe("");
    expect(acked.plan).toBeDefined();
    expect(acked.acknowledged.map((d) => [d.code, d.severity])).toEqual([["KL601", "error"]]);
  });

  it("also accept compiler findings, whose subject comes from where they are written", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        guardrails: { denyIamUsers: { targets: { root: true, accounts: ["management"] } } },
        acknowledgements: [
          { rule: "KL403", subject: "scp:keyless-deny-iam-users", reason: "Listed so the audit report shows the management account is covered by other controls." },
        ],
      }),
    });
    expect(result.diagnostics.filter((d) => d.code !== "KL413")).toEqual([]); // KL413: the management account is outside every guardrail
    expect(result.acknowledged.map((d) => [d.code, d.subject, d.path.join(".")])).toEqual([["KL403", "scp:keyless-deny-iam-users", "guardrails.denyIamUsers.targets.accounts.0"]]);
  });

  it("match subjects with * and only in their own workspace file", () => {
    const result = compileFiles({
      ...defs([{ rule: "KL307", subject: "assignment:user:alice/*", reason: REASON }]),
      "dev.yaml": workspace({
        identityCenter: {
          assignments: [
            {
              users: ["alice"],
              permissionSets: ["ReadOnly"],
              targets: { accounts: ["data-prod"] },
            },
          ],
        },
      }),
    });
    expect(result.acknowledged.map((d) => d.subject)).toEqual(["assignment:user:alice/ReadOnly/app-dev", "assignment:user:alice/ReadOnly/app-prod"]);
    expect(result.diagnostics.map((d) => [d.file, d.code, d.subject])).toEqual([["dev.yaml", "KL307", "assignment:user:alice/ReadOnly/data-prod"]]);
  });

  it("that match nothing are a warning (KL690)", () => {
    const result = compileFiles(
      defs([
        {
          rule: "KL307",
          subject: "assignment:user:bob/ReadOnly/app-dev",
          reason: REASON,
        },
        { rule: "KL604", subject: "group:Platform", reason: REASON },
      ]),
    );
    expect(
      messages({
        ...result,
        diagnostics: result.diagnostics.filter((d) => d.code === "KL690"),
      }),
    ).toMatchInlineSnapshot(`
      "org.yaml:33 warning KL690 $.acknowledgements[0].subject: no KL307 finding in org.yaml has subject "assignment:user:bob/ReadOnly/app-dev", so this acknowledgement covers nothing | fix: remove it, or copy the subject exactly as keyless prints it under the finding
      org.yaml:37 warning KL690 $.acknowledgements[1].subject: no KL604 finding in org.yaml has subject "group:Platform", so this acknowledgement covers nothing | fix: remove it, or copy the subject exactly as keyless prints it under the finding"
    `);
  });

  it("without a real reason are an error (KL691) and acknowledge nothing", () => {
    const result = compileFiles(
      defs(
        ["todo", "n/a", "fix later", "temporary", "ok", "Approved.", "TODO: fix this later", "accepted for now"].map((reason) => ({
          rule: "KL307",
          subject: "assignment:user:alice/*",
          reason,
        })),
      ),
    );
    expect(result.acknowledged).toEqual([]);
    expect(
      messages({
        ...result,
        diagnostics: result.diagnostics.filter((d) => d.code === "KL691"),
      }),
    ).toMatchInlineSnapshot(`
      "org.yaml:34 error KL691 $.acknowledgements[0].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: it is 4 characters long, expected at least ten | fix: say why the finding is acceptable, for example who decided it and until when
      org.yaml:37 error KL691 $.acknowledgements[1].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: it is 3 characters long, expected at least ten | fix: say why the finding is acceptable, for example who decided it and until when
      org.yaml:40 error KL691 $.acknowledgements[2].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: it is 9 characters long, expected at least ten | fix: say why the finding is acceptable, for example who decided it and until when
      org.yaml:43 error KL691 $.acknowledgements[3].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: it is 9 characters long, expected at least ten | fix: say why the finding is acceptable, for example who decided it and until when
      org.yaml:46 error KL691 $.acknowledgements[4].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: it is 2 characters long, expected at least ten | fix: say why the finding is acceptable, for example who decided it and until when
      org.yaml:49 error KL691 $.acknowledgements[5].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: it is 9 characters long, expected at least ten | fix: say why the finding is acceptable, for example who decided it and until when
      org.yaml:52 error KL691 $.acknowledgements[6].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: "TODO: fix this later" is a placeholder, not a reason | fix: say why the finding is acceptable, for example who decided it and until when
      org.yaml:55 error KL691 $.acknowledgements[7].reason: the reason for acknowledging KL307 assignment:user:alice/* is not a real sentence: "accepted for now" is a placeholder, not a reason | fix: say why the finding is acceptable, for example who decided it and until when"
    `);
  });

  it.each([
    ["a sentence with who and until when", REASON, undefined],
    ["a short but real reason", "Vendor audit access, ends March.", undefined],
    ["too short", "audit", "it is 5 characters long, expected at least ten"],
    ["one long word", "acknowledged-by-security-team", "it has 1 word(s), expected a sentence of at least three"],
    ["a placeholder with filler", "TODO, will fix it later", '"TODO, will fix it later" is a placeholder, not a reason'],
  ])("reason: %s", (_, reason, problem) => {
    expect(reasonProblem(reason)).toBe(problem);
  });

  it("of a rule that cannot be acknowledged are an error (KL692), and GitHub trust rules point to allow", () => {
    const result = compileFiles(
      defs([
        { rule: "KL203", subject: "workspace:org", reason: REASON },
        { rule: "KL510", subject: "role:deploy", reason: REASON },
        { rule: "KL998", subject: "workspace:org", reason: REASON },
        { rule: "KL307", subject: "assignment:user:alice/*", reason: REASON },
      ]),
    );
    expect(messages(result)).toMatchInlineSnapshot(`
      "org.yaml:32 error KL692 $.acknowledgements[0].rule: KL203 (unknown permission set) cannot be acknowledged in acknowledgements: its findings are errors that must be fixed | fix: remove this entry and fix the finding
      org.yaml:36 error KL692 $.acknowledgements[1].rule: KL510 (administrator access on a GitHub Actions role) cannot be acknowledged in acknowledgements: it is acknowledged on the GitHub Actions role, with allow.administratorAccess | fix: remove this entry and set allow.administratorAccess: "<reason>" on the role
      org.yaml:40 error KL692 $.acknowledgements[2].rule: KL998 is not a keyless rule | fix: use a rule id from RULES.md, as printed with the finding"
    `);
    expect(result.plan).toBeUndefined();
  });

  it("are shown by validate's text form with the subject to copy", () => {
    const result = compileFiles(
      defs([
        {
          rule: "KL307",
          subject: "assignment:user:alice/ReadOnly/app-dev",
          reason: REASON,
        },
      ]),
    );
    expect(formatFindings(result.diagnostics, result.acknowledged)).toMatchInlineSnapshot(`
      "# org.yaml
      org.yaml:24:11 warning KL307 at $.identityCenter.assignments[1].users[0]: permission set "ReadOnly" is assigned to user "alice" in account app-prod; access granted person by person is hard to review and to revoke
        fix: put the user in a group (managed, with members) and assign the group
        subject: assignment:user:alice/ReadOnly/app-prod

      # acknowledged
      org.yaml:24:11 acknowledged KL307 at $.identityCenter.assignments[1].users[0]: permission set "ReadOnly" is assigned to user "alice" in account app-dev; access granted person by person is hard to review and to revoke
        fix: put the user in a group (managed, with members) and assign the group
        subject: assignment:user:alice/ReadOnly/app-dev
        reason: Alice is the on-call lead until the Q1 2027 reorganisation; reviewed by security. (org.yaml:32)

      0 error(s), 1 warning(s), 1 acknowledged"
    `);
  });
});
