import { runCli } from "../src/cli/cli";
import type { CliIo } from "../src/cli/context";
import { profileEntries, renderProfiles } from "../src/profiles/profiles";
import { compileFiles, workspace, writeDefinitions } from "./support/fixtures";

const files = {
  "org.yaml": workspace({
    identityCenter: {
      permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] }, Ops: { name: "ProdOperator", managedPolicies: ["PowerUserAccess"] } },
      groups: { Developers: { source: "external" }, OnCall: { source: "managed", members: ["alice"] } },
      users: { alice: { source: "external" } },
      assignments: [
        { groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { organizationalUnits: ["workloads/prod"] } },
        { groups: ["OnCall"], permissionSets: ["Ops"], targets: { accounts: ["app-prod"] } },
        { users: ["alice"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev", "app-prod"] } },
      ],
    },
  }),
};
const plan = () => compileFiles(files).plan!;
const sso = { startUrl: "https://d-1234567890.awsapps.com/start", ssoRegion: "eu-west-1" };

describe("AWS CLI SSO profiles", () => {
  it("has one profile per account and permission set of a group, named <account>.<permission set>", () => {
    const entries = profileEntries(plan(), { group: "Developers" });
    expect(entries.map((e) => e.profile)).toEqual(["app-prod.ReadOnly", "data-prod.ReadOnly"]);
    expect(renderProfiles(entries, sso)).toMatchInlineSnapshot(`
"# Sign in once with: aws sso login --sso-session keyless

[sso-session keyless]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

# app-prod (100000000002), ReadOnly, through group Developers
[profile app-prod.ReadOnly]
sso_session = keyless
sso_account_id = 100000000002
sso_role_name = ReadOnly
region = eu-west-1

# data-prod (100000000003), ReadOnly, through group Developers
[profile data-prod.ReadOnly]
sso_session = keyless
sso_account_id = 100000000003
sso_role_name = ReadOnly
region = eu-west-1
"
`);
  });

  it("gives a user their own grants and those of the managed groups listing them, by AWS role name, once each", () => {
    const entries = profileEntries(plan(), { user: "alice" });
    expect(entries.map((e) => [e.profile, e.permissionSet, e.via.join(", ")])).toEqual([
      ["app-dev.ReadOnly", "ReadOnly", "user alice"],
      ["app-prod.ProdOperator", "ProdOperator", "group OnCall"],
      ["app-prod.ReadOnly", "ReadOnly", "user alice"],
    ]);
  });

  describe("keyless profiles", () => {
    const dir = writeDefinitions(files);
    const run = (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir, env: {}, isTTY: false, today: () => "2026-01-15" };
      return { code: runCli(argv, io), stdout: out.join("\n"), stderr: err.join("\n") };
    };

    it("prints the profiles, deterministically", () => {
      const args = ["profiles", "--dir", ".", "--group", "Developers", "--start-url", sso.startUrl, "--sso-region", "eu-west-1", "--region", "us-east-1"];
      const r = run(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("[profile data-prod.ReadOnly]\nsso_session = keyless\nsso_account_id = 100000000003\nsso_role_name = ReadOnly\nregion = us-east-1");
      expect(r.stdout.startsWith("# AWS CLI profiles for group Developers: 2 account x permission set pair(s)")).toBe(true);
      expect(run(...args).stdout).toBe(r.stdout);
    });

    it("says clearly what is missing", () => {
      const noUrl = run("profiles", "--dir", ".", "--group", "Developers", "--sso-region", "eu-west-1");
      expect(noUrl.code).toBe(2);
      expect(noUrl.stderr).toContain("profiles needs --start-url <url>: your AWS access portal URL");
      const noRegion = run("profiles", "--dir", ".", "--group", "Developers", "--start-url", sso.startUrl);
      expect(noRegion.code).toBe(2);
      expect(noRegion.stderr).toContain("profiles needs --sso-region <region>");
      expect(run("profiles", "--dir", ".", "--start-url", sso.startUrl, "--sso-region", "eu-west-1").stderr).toContain("exactly one of --group <name> or --user <name>");
      const nobody = run("profiles", "--dir", ".", "--group", "developers", "--start-url", sso.startUrl, "--sso-region", "eu-west-1");
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toContain('group developers has no account assignment in .: did you mean "Developers"?');
    });
  });
});
