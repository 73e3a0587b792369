import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  IAMClient,
  paginateListAccessKeys,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListSigningCertificates,
  paginateListSSHPublicKeys,
  paginateListUsers,
  paginateListUserTags,
  ListServiceSpecificCredentialsCommand,
} from "@aws-sdk/client-iam";
import type { AccessKeySnapshot, IamUserSnapshot, RootSnapshot } from "../brownfield/audit";

const day = (d: Date | string | undefined): string | undefined => {
  if (d === undefined) return undefined;
  const t = typeof d === "string" ? Date.parse(d) : d.getTime();
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : undefined;
};

async function collect<T, R>(pages: AsyncIterable<T>, pick: (page: T) => readonly R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

const isNoSuchEntity = (e: unknown) => (e as { name?: string })?.name === "NoSuchEntityException" || (e as { name?: string })?.name === "NoSuchEntity";

/** The credential report as rows by user name (`<root_account>` for the root user). */
export function parseCredentialReport(csv: string): Map<string, Record<string, string>> {
  const lines = csv.split(/\r?\n/).filter((l) => l.length);
  const rows = new Map<string, Record<string, string>>();
  if (!lines.length) return rows;
  const head = lines[0].split(",");
  for (const l of lines.slice(1)) {
    const cells = l.split(",");
    rows.set(cells[0], Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ""])));
  }
  return rows;
}

async function credentialReport(iam: IAMClient): Promise<Map<string, Record<string, string>>> {
  for (let i = 0; i < 10; i++) {
    const g = await iam.send(new GenerateCredentialReportCommand({}));
    if (g.State === "COMPLETE") break;
    await new Promise((r) => setTimeout(r, 200 * (i + 1)));
  }
  const r = await iam.send(new GetCredentialReportCommand({}));
  const content = r.Content ? Buffer.from(r.Content).toString("utf8") : "";
  return parseCredentialReport(content);
}

/**
 * Reads one account's IAM users and their long-lived credentials, and its root user's. Read-only:
 * iam:ListUsers, ListUserTags, ListGroupsForUser, GetLoginProfile, ListMFADevices, ListAccessKeys,
 * GetAccessKeyLastUsed, ListSSHPublicKeys, ListSigningCertificates, ListServiceSpecificCredentials,
 * GenerateCredentialReport, GetCredentialReport, GetAccountSummary.
 */
export async function readAccountCredentials(iam: IAMClient): Promise<{ users: IamUserSnapshot[]; root: RootSnapshot }> {
  const report = await credentialReport(iam).catch(() => new Map<string, Record<string, string>>());
  const users: IamUserSnapshot[] = [];
  for (const u of await collect(paginateListUsers({ client: iam }, {}), (p) => p.Users)) {
    const UserName = u.UserName!;
    const tags = await collect(paginateListUserTags({ client: iam }, { UserName }), (p) => p.Tags);
    const groups = await collect(paginateListGroupsForUser({ client: iam }, { UserName }), (p) => p.Groups);
    let password: IamUserSnapshot["password"];
    try {
      const lp = await iam.send(new GetLoginProfileCommand({ UserName }));
      const lastUsed = report.get(UserName)?.password_last_used;
      password = { created: day(lp.LoginProfile?.CreateDate), ...(lastUsed && /^\d{4}-/.test(lastUsed) ? { lastUsed: lastUsed.slice(0, 10) } : {}) };
    } catch (e) {
      if (!isNoSuchEntity(e)) throw e;
    }
    const mfa = await collect(paginateListMFADevices({ client: iam }, { UserName }), (p) => p.MFADevices);
    const keys: AccessKeySnapshot[] = [];
    for (const k of await collect(paginateListAccessKeys({ client: iam }, { UserName }), (p) => p.AccessKeyMetadata)) {
      const used = (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId! }))).AccessKeyLastUsed;
      const lastDate = day(used?.LastUsedDate);
      keys.push({
        id: k.AccessKeyId!,
        status: k.Status ?? "Active",
        created: day(k.CreateDate) ?? "",
        ...(lastDate
          ? {
              lastUsed: {
                date: lastDate,
                ...(used?.ServiceName && used.ServiceName !== "N/A" ? { service: used.ServiceName } : {}),
                ...(used?.Region && used.Region !== "N/A" ? { region: used.Region } : {}),
              },
            }
          : {}),
      });
    }
    const ssh = await collect(paginateListSSHPublicKeys({ client: iam }, { UserName }), (p) => p.SSHPublicKeys);
    const certs = await collect(paginateListSigningCertificates({ client: iam }, { UserName }), (p) => p.Certificates);
    const svc = (await iam.send(new ListServiceSpecificCredentialsCommand({ UserName }))).ServiceSpecificCredentials ?? [];
    users.push({
      userName: UserName,
      arn: u.Arn ?? "",
      created: day(u.CreateDate) ?? "",
      tags: Object.fromEntries(tags.map((t) => [t.Key!, t.Value ?? ""])),
      groups: groups.map((g) => g.GroupName!).sort(),
      ...(password ? { password } : {}),
      mfaDevices: mfa.map((m) => m.SerialNumber!).sort(),
      accessKeys: keys,
      sshKeys: ssh.map((s) => ({ id: s.SSHPublicKeyId!, status: s.Status ?? "Active", created: day(s.UploadDate) })),
      signingCertificates: certs.map((c) => ({ id: c.CertificateId!, status: c.Status ?? "Active", created: day(c.UploadDate) })),
      serviceCredentials: svc.map((c) => ({ id: c.ServiceSpecificCredentialId!, status: c.Status ?? "Active", created: day(c.CreateDate), service: c.ServiceName })),
    });
  }
  const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
  const rootRow = report.get("<root_account>");
  const rootUsed = rootRow?.password_last_used;
  const root: RootSnapshot = {
    password: (summary.AccountPasswordPresent ?? 0) > 0,
    ...(rootUsed && /^\d{4}-/.test(rootUsed) ? { passwordLastUsed: rootUsed.slice(0, 10) } : {}),
    activeAccessKeys: rootRow ? ["access_key_1_active", "access_key_2_active"].filter((c) => rootRow[c] === "true").length : (summary.AccountAccessKeysPresent ?? 0),
    mfa: (summary.AccountMFAEnabled ?? 0) > 0,
    signingCertificates: summary.AccountSigningCertificatesPresent ?? 0,
  };
  return { users, root };
}
