/**
 * IAM users and their long-lived credentials (Query protocol, per calling account), read-only: users,
 * tags, groups, login profiles, access keys and their last use, MFA devices, SSH public keys, signing
 * certificates, service-specific credentials, the credential report and the account summary (whose
 * `SummaryMap` is a Query-protocol `entry` map). What `keyless audit` reads; merged into the IAM table.
 */
import { AwsError } from "../errors";
import { OperationTable, RequestContext, XmlMap } from "../server";
import { AccountIam, accountIam, EPOCH, IamUser, RootCredentials } from "../state";
import { pageQuery } from "./paginate";
import { tagsOut } from "./tags";

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
/** The credential report's time format: `2026-01-01T00:00:00+00:00`. */
const reportTime = (seconds: number) => iso(seconds).replace(/\.\d{3}Z$/, "+00:00");
const noSuch = (what: string) => new AwsError("NoSuchEntity", what, 404);
const NO_ROOT_CREDENTIALS: RootCredentials = { password: false, accessKeys: 0, mfa: true, signingCertificates: 0 };

function iamOf(ctx: RequestContext): AccountIam {
  return accountIam(ctx.state, ctx.accountId);
}

function user(ctx: RequestContext): IamUser {
  const name = String(ctx.input.UserName ?? "");
  const found = iamOf(ctx).users.get(name);
  if (!found) throw noSuch(`The user with name ${name} cannot be found.`);
  return found;
}

const userOut = (u: IamUser) => ({ Path: u.path, UserName: u.name, UserId: u.userId, Arn: u.arn, CreateDate: iso(u.createDate) });

const byName = (users: Iterable<IamUser>) => [...users].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));

const REPORT_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
];

function reportRows(ctx: RequestContext): string[][] {
  const iam = iamOf(ctx);
  const r = iam.root ?? NO_ROOT_CREDENTIALS;
  const rows: string[][] = [];
  rows.push([
    "<root_account>",
    `arn:aws:iam::${ctx.accountId}:root`,
    reportTime(EPOCH),
    "not_supported",
    r.passwordLastUsed !== undefined ? reportTime(r.passwordLastUsed) : "no_information",
    "not_supported",
    "not_supported",
    String(r.mfa),
    String(r.accessKeys > 0),
    "N/A",
    "N/A",
    "N/A",
    "N/A",
    String(r.accessKeys > 1),
    "N/A",
    "N/A",
    "N/A",
    "N/A",
    String(r.signingCertificates > 0),
    "N/A",
    String(r.signingCertificates > 1),
    "N/A",
  ]);
  for (const u of byName(iam.users.values())) {
    const key = (i: number) => {
      const k = u.accessKeys[i];
      if (!k) return ["false", "N/A", "N/A", "N/A", "N/A"];
      return [String(k.status === "Active"), reportTime(k.createDate), k.lastUsed ? reportTime(k.lastUsed.date) : "N/A", k.lastUsed?.region ?? "N/A", k.lastUsed?.service ?? "N/A"];
    };
    const cert = (i: number) => {
      const c = u.signingCertificates[i];
      return c ? [String(c.status === "Active"), reportTime(c.uploadDate)] : ["false", "N/A"];
    };
    const p = u.loginProfile;
    rows.push([
      u.name,
      u.arn,
      reportTime(u.createDate),
      String(!!p),
      p ? (p.passwordLastUsed !== undefined ? reportTime(p.passwordLastUsed) : "no_information") : "N/A",
      p ? reportTime(p.createDate) : "N/A",
      "N/A",
      String(u.mfaDevices.length > 0),
      ...key(0),
      ...key(1),
      ...cert(0),
      ...cert(1),
    ]);
  }
  return rows;
}

export const iamUsers: OperationTable = {
  ListUsers: (ctx) => {
    const prefix = String(ctx.input.PathPrefix ?? "/");
    const page = pageQuery(
      byName(iamOf(ctx).users.values()).filter((u) => u.path.startsWith(prefix)),
      ctx.input,
    );
    return { Users: page.items.map(userOut), IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
  GetUser: (ctx) => ({ User: { ...userOut(user(ctx)), Tags: tagsOut(user(ctx).tags) } }),
  ListUserTags: (ctx) => {
    const page = pageQuery(tagsOut(user(ctx).tags), ctx.input);
    return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
  ListGroupsForUser: (ctx) => {
    const page = pageQuery([...user(ctx).groups].sort(), ctx.input);
    return {
      Groups: page.items.map((g) => ({
        Path: "/",
        GroupName: g,
        GroupId: `AGPA${Buffer.from(`${ctx.accountId}/${g}`).toString("hex").slice(0, 17).toUpperCase()}`,
        Arn: `arn:aws:iam::${ctx.accountId}:group/${g}`,
        CreateDate: iso(EPOCH),
      })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
  GetLoginProfile: (ctx) => {
    const u = user(ctx);
    if (!u.loginProfile) throw noSuch(`Login Profile for User ${u.name} cannot be found.`);
    return { LoginProfile: { UserName: u.name, CreateDate: iso(u.loginProfile.createDate), PasswordResetRequired: false } };
  },
  ListMFADevices: (ctx) => {
    const u = user(ctx);
    const page = pageQuery(u.mfaDevices, ctx.input);
    return {
      MFADevices: page.items.map((m) => ({ UserName: u.name, SerialNumber: m.serialNumber, EnableDate: iso(m.enableDate) })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
  ListAccessKeys: (ctx) => {
    const u = user(ctx);
    const page = pageQuery(u.accessKeys, ctx.input);
    return {
      AccessKeyMetadata: page.items.map((k) => ({ UserName: u.name, AccessKeyId: k.id, Status: k.status, CreateDate: iso(k.createDate) })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
  /** Any key of the calling account's users; a key never used has `N/A` service and region and no date. */
  GetAccessKeyLastUsed: (ctx) => {
    const id = String(ctx.input.AccessKeyId ?? "");
    for (const u of iamOf(ctx).users.values()) {
      const k = u.accessKeys.find((x) => x.id === id);
      if (!k) continue;
      return {
        UserName: u.name,
        AccessKeyLastUsed: k.lastUsed ? { LastUsedDate: iso(k.lastUsed.date), ServiceName: k.lastUsed.service, Region: k.lastUsed.region } : { ServiceName: "N/A", Region: "N/A" },
      };
    }
    throw noSuch(`The Access Key with id ${id} cannot be found.`);
  },
  ListSSHPublicKeys: (ctx) => {
    const u = user(ctx);
    const page = pageQuery(u.sshPublicKeys, ctx.input);
    return {
      SSHPublicKeys: page.items.map((k) => ({ UserName: u.name, SSHPublicKeyId: k.id, Status: k.status, UploadDate: iso(k.uploadDate) })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
  ListSigningCertificates: (ctx) => {
    const u = user(ctx);
    const page = pageQuery(u.signingCertificates, ctx.input);
    return {
      Certificates: page.items.map((c) => ({
        UserName: u.name,
        CertificateId: c.id,
        CertificateBody: `-----BEGIN CERTIFICATE-----\n${c.id}\n-----END CERTIFICATE-----`,
        Status: c.status,
        UploadDate: iso(c.uploadDate),
      })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
  ListServiceSpecificCredentials: (ctx) => {
    const u = user(ctx);
    const service = ctx.input.ServiceName;
    return {
      ServiceSpecificCredentials: u.serviceSpecificCredentials
        .filter((c) => service === undefined || c.serviceName === service)
        .map((c) => ({
          UserName: u.name,
          ServiceSpecificCredentialId: c.id,
          ServiceName: c.serviceName,
          ServiceUserName: `${u.name}-at-${ctx.accountId}`,
          Status: c.status,
          CreateDate: iso(c.createDate),
        })),
    };
  },

  /** Reports are generated at once. */
  GenerateCredentialReport: () => ({ State: "COMPLETE", Description: "No report exists. Starting a new report generation task" }),
  GetCredentialReport: (ctx) => {
    const csv = [REPORT_COLUMNS, ...reportRows(ctx)].map((r) => r.join(",")).join("\n");
    return { Content: Buffer.from(csv, "utf8").toString("base64"), ReportFormat: "text/csv", GeneratedTime: iso(EPOCH) };
  },
  GetAccountSummary: (ctx) => {
    const iam = iamOf(ctx);
    const r = iam.root ?? NO_ROOT_CREDENTIALS;
    const users = [...iam.users.values()];
    return {
      SummaryMap: new XmlMap({
        AccountMFAEnabled: r.mfa ? 1 : 0,
        AccountAccessKeysPresent: r.accessKeys,
        AccountPasswordPresent: r.password ? 1 : 0,
        AccountSigningCertificatesPresent: r.signingCertificates,
        Users: users.length,
        UsersQuota: 5000,
        MFADevices: users.reduce((n, u) => n + u.mfaDevices.length, 0),
        MFADevicesInUse: users.reduce((n, u) => n + u.mfaDevices.length, 0),
        AccessKeysPerUserQuota: 2,
        Roles: iam.roles.size,
        RolesQuota: 1000,
        Policies: iam.policies.size,
        PoliciesQuota: 1500,
        Providers: iam.oidcProviders.size,
      }),
    };
  },
};
