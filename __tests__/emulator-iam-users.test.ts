/**
 * The shared emulator's IAM users and long-lived credentials (services/iam-users.ts), read by the real
 * SDK over HTTP: per account, the account summary's `SummaryMap` entry map, the credential report, and
 * Organizations' legacy `Status`-only accounts.
 */
import { GetAccessKeyLastUsedCommand, GetAccountSummaryCommand, GetCredentialReportCommand, GetLoginProfileCommand, IAMClient, ListUsersCommand } from "@aws-sdk/client-iam";
import { DescribeAccountCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { Emulator, keyForAccount, startEmulator } from "./support/emulator";

const MEMBER = "222222222222";
let emulator: Emulator;

const client = <T>(C: new (config: any) => T, accountId: string) =>
  new C({ endpoint: emulator.endpoint, region: "us-east-1", credentials: { accessKeyId: keyForAccount(accountId), secretAccessKey: "x" }, maxAttempts: 1 });

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      organization: { accounts: [{ id: MEMBER, name: "member", legacyStatusOnly: true }] },
      iam: {
        [MEMBER]: {
          root: { password: true, passwordLastUsed: "2026-10-01", accessKeys: 1, mfa: false },
          users: [
            { userName: "bob", created: "2020-01-02", accessKeys: [{ id: "AKIABOB0000000000001", created: "2021-01-01" }] },
            {
              userName: "alice",
              password: { lastUsed: "2026-11-20" },
              mfa: ["arn:aws:iam::222222222222:mfa/alice"],
              accessKeys: [{ id: "AKIAALICE00000000001", lastUsed: { date: "2026-11-30", service: "s3", region: "eu-west-1" } }],
            },
          ],
        },
      },
    },
  });
});
afterAll(async () => {
  expect(emulator.unhandled).toEqual([]);
  await emulator.stop();
});

it("answers GetAccountSummary with a SummaryMap the SDK parses, per account", async () => {
  const member = await client(IAMClient, MEMBER).send(new GetAccountSummaryCommand({}));
  expect(member.SummaryMap).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, AccountPasswordPresent: 1, Users: 2, MFADevices: 1 });
  const management = await client(IAMClient, "111111111111").send(new GetAccountSummaryCommand({}));
  expect(management.SummaryMap).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, AccountPasswordPresent: 0, Users: 0 });
});

it("lists users by name, with login profiles and key last use as IAM answers them", async () => {
  const iam = client(IAMClient, MEMBER);
  expect((await iam.send(new ListUsersCommand({}))).Users!.map((u) => [u.UserName, u.Arn, u.CreateDate!.toISOString().slice(0, 10)])).toEqual([
    ["alice", "arn:aws:iam::222222222222:user/alice", "2026-01-01"],
    ["bob", "arn:aws:iam::222222222222:user/bob", "2020-01-02"],
  ]);
  await expect(iam.send(new GetLoginProfileCommand({ UserName: "bob" }))).rejects.toMatchObject({ name: "NoSuchEntityException", $metadata: { httpStatusCode: 404 } });
  expect((await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: "AKIABOB0000000000001" }))).AccessKeyLastUsed).toEqual({ ServiceName: "N/A", Region: "N/A" });
  expect((await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: "AKIAALICE00000000001" }))).AccessKeyLastUsed).toEqual({
    LastUsedDate: new Date("2026-11-30T00:00:00Z"),
    ServiceName: "s3",
    Region: "eu-west-1",
  });
  expect((await client(IAMClient, "111111111111").send(new ListUsersCommand({}))).Users).toEqual([]);
});

it("serves the credential report as base64 CSV with the root user first", async () => {
  const r = await client(IAMClient, MEMBER).send(new GetCredentialReportCommand({}));
  const rows = Buffer.from(r.Content!)
    .toString("utf8")
    .split("\n")
    .map((l) => l.split(","));
  const at = (row: string[], column: string) => row[rows[0].indexOf(column)];
  expect(rows.map((row) => row[0])).toEqual(["user", "<root_account>", "alice", "bob"]);
  expect(["password_last_used", "mfa_active", "access_key_1_active"].map((c) => at(rows[1], c))).toEqual(["2026-10-01T00:00:00+00:00", "false", "true"]);
  expect(["password_enabled", "password_last_used", "mfa_active", "access_key_1_last_used_service"].map((c) => at(rows[2], c))).toEqual([
    "true",
    "2026-11-20T00:00:00+00:00",
    "true",
    "s3",
  ]);
  expect(["password_enabled", "password_last_used", "access_key_1_active", "access_key_2_active"].map((c) => at(rows[3], c))).toEqual(["false", "N/A", "true", "false"]);
});

it("describes a legacy account with Status only", async () => {
  const a = (await client(OrganizationsClient, "111111111111").send(new DescribeAccountCommand({ AccountId: MEMBER }))).Account!;
  expect([a.Status, a.State]).toEqual(["ACTIVE", undefined]);
});
