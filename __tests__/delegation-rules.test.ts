import { rmSync } from "node:fs";
import { compile } from "../src/compile/compile";
import { messages, workspace, writeDefinitions } from "./support/fixtures";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function codes(files: Record<string, unknown>): string[] {
  const dir = writeDefinitions(files);
  dirs.push(dir);
  const r = compile({ dir, cwd: dir, evaluationDate: "2026-01-15" });
  return r.diagnostics.filter((d) => d.code.startsWith("KL8")).map((d) => `${d.severity} ${d.code} ${d.subject ?? ""}`);
}
const ic = (accountTargets: string[]) => ({
  permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
  groups: { Ops: { source: "external" } },
  assignments: [
    {
      groups: ["Ops"],
      permissionSets: ["ReadOnly"],
      targets: {
        accounts: accountTargets,
        includeManagementAccount: accountTargets.includes("management"),
      },
    },
  ],
});
const github = {
  providers: { "app-prod": {} },
  roles: {
    deploy: {
      account: "app-prod",
      repository: "acme/app",
      subjects: [{ environment: "production" }],
      managedPolicies: ["ReadOnlyAccess"],
    },
  },
};
const guardrails = { denyIamUsers: { targets: { root: true } } };

describe("delegated administration rules (KL801-KL804)", () => {
  it("run from the management account: nothing to say", () => {
    expect(
      codes({
        "org.yaml": workspace({
          identityCenter: ic(["management", "app-prod"]),
          githubOidc: github,
          guardrails,
        }),
      }),
    ).toEqual([]);
  });

  it("run from a delegated administrator: grants into the management account are errors; SCPs and the default member role are warnings", () => {
    const r = codes({
      "org.yaml": workspace({
        aws: { region: "eu-west-1", account: "audit" },
        identityCenter: ic(["management", "app-prod"]),
        githubOidc: github,
        guardrails,
      }),
    });
    expect(r).toEqual(["error KL801 assignment:group:Ops/ReadOnly/management", "warning KL803 scp:keyless-deny-iam-users", "warning KL804 workspace:org"]);
  });

  it("a delegated administrator granting only member accounts, with a member role that trusts it: no finding", () => {
    const r = codes({
      "org.yaml": workspace({
        aws: {
          region: "eu-west-1",
          account: "audit",
          memberAccountRole: "keyless-delegated",
        },
        identityCenter: ic(["app-prod"]),
        githubOidc: github,
      }),
    });
    expect(r).toEqual([]);
  });

  it("a permission set owned from a delegated administrator, assigned into the management account by the management's workspace", () => {
    const r = codes({
      "delegated.yaml": workspace({
        aws: { region: "eu-west-1", account: "audit" },
        identityCenter: ic(["app-prod"]),
      }),
      "management.yaml": workspace({
        identityCenter: {
          assignments: [
            {
              groups: ["Ops"],
              permissionSets: ["ReadOnly"],
              targets: {
                accounts: ["management"],
                includeManagementAccount: true,
              },
            },
          ],
        },
      }),
    });
    expect(r).toEqual(["error KL802 permission-set:ReadOnly"]);
  });
});

describe("break-glass in the directory under an external IdP (KL805)", () => {
  const group = (description: string, source = "external") =>
    workspace({
      identityCenter: {
        permissionSets: { Admin: { managedPolicies: ["ReadOnlyAccess"] } },
        groups: {
          Emergency: { source: "managed", description, members: ["bg"] },
          Ops: { source },
        },
        users: {
          bg: {
            source: "managed",
            displayName: "BG",
            givenName: "B",
            familyName: "G",
          },
        },
        assignments: [
          {
            groups: ["Emergency", "Ops"],
            permissionSets: ["Admin"],
            targets: { accounts: ["app-prod"] },
          },
        ],
      },
    });

  it("warns when a managed group is described as working while the IdP is down", () => {
    const dir = writeDefinitions({
      "org.yaml": group("Break-glass admins that work when the IdP is down"),
    });
    dirs.push(dir);
    expect(messages(compile({ dir, cwd: dir, evaluationDate: "2026-01-15" }))).toMatchInlineSnapshot(
      `"org.yaml:11 warning KL805 $.identityCenter.groups.Emergency: managed group "Emergency" is described as break-glass access, but this organization signs in through an external IdP: Identity Center directory users sign in through it too, so its members cannot sign in when the IdP is down | fix: keep break-glass as an IAM role or user with hardware MFA in the management account (README: Break-glass), exempt from the guardrails and alarmed; remove this group or describe what it is really for"`,
    );
  });

  it("says nothing for a managed group with another purpose, or without an external identity source", () => {
    expect(codes({ "org.yaml": group("On-call rotation, reviewed here") })).toEqual([]);
    expect(
      codes({
        "org.yaml": group("Break-glass admins that work when the IdP is down", "managed"),
      }),
    ).toEqual([]);
  });
});
