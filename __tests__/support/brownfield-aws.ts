/**
 * STOP-GAP read-only AWS emulator for the brownfield tests (inventory, import, audit), used because the
 * shared emulator (__tests__/support/emulator/) had not landed on main when these were written. Real
 * HTTP on 127.0.0.1, spoken to by the real AWS SDK v3: Organizations, SSO Admin and Identity Store
 * (JSON 1.1), IAM and STS (query protocol, XML). Read operations only, over a seeded state; each
 * request's account is the one its access key belongs to (AssumeRole hands out "ASIA<account id>").
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeedIamUser {
  userName: string;
  created: string;
  tags?: Record<string, string>;
  groups?: string[];
  password?: { created: string; lastUsed?: string };
  mfa?: string[];
  accessKeys?: { id: string; status: "Active" | "Inactive"; created: string; lastUsed?: { date: string; service: string; region: string } }[];
  sshKeys?: { id: string; status: string }[];
  signingCertificates?: { id: string; status: string }[];
  serviceCredentials?: { id: string; service: string; status: string }[];
}

export interface SeedAccount {
  id: string;
  name: string;
  email: string;
  parentId: string;
  state?: string;
  /** Legacy field only (no State): how accounts looked before 2026-09. */
  legacyStatus?: string;
  tags?: Record<string, string>;
  policies?: string[];
  iamUsers?: SeedIamUser[];
  root?: { password: boolean; passwordLastUsed?: string; accessKeys: number; mfa: boolean };
  oidcProviders?: { url: string; clientIds: string[] }[];
  roles?: {
    name: string;
    path?: string;
    description?: string;
    trust: string;
    managed?: string[];
    inline?: Record<string, string>;
    boundary?: string;
    maxSessionDuration?: number;
    tags?: Record<string, string>;
  }[];
}

export interface SeedPermissionSet {
  arn: string;
  name: string;
  description?: string;
  sessionDuration?: string;
  relayState?: string;
  tags?: Record<string, string>;
  managed?: string[];
  customer?: { name: string; path: string }[];
  inline?: string;
  boundary?: { managedPolicyArn?: string; customer?: { name: string; path: string } };
}

export interface BrownfieldSeed {
  managementAccountId: string;
  rootId: string;
  rootPolicies: string[];
  ous: { id: string; name: string; parentId: string; policies?: string[] }[];
  accounts: SeedAccount[];
  instanceArn: string;
  identityStoreId: string;
  users: { id: string; userName: string; email?: string }[];
  groups: { id: string; displayName: string }[];
  permissionSets: SeedPermissionSet[];
  assignments: { permissionSetArn: string; accountId: string; principalType: "GROUP" | "USER"; principalId: string }[];
  /** Customer-managed SCPs; targets name them in their `policies`. FullAWSAccess is always there. */
  scps: { id: string; name: string; description: string; content: string }[];
}

export interface BrownfieldAws {
  readonly endpoint: string;
  readonly seed: BrownfieldSeed;
  /** "iam:ListUsers" -> count. */
  calls(): Record<string, number>;
  /** Clears the call counters. */
  reset(): void;
  stop(): Promise<void>;
}

class AwsFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function toXml(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.map((x) => `<member>${toXml(x)}</member>`).join("");
  if (typeof v === "object")
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => (x === undefined ? "" : `<${k}>${toXml(x)}</${k}>`))
      .join("");
  return xmlEscape(String(v));
}

function page<T>(items: T[], token: string | undefined, max = 2): { items: T[]; next?: string } {
  // Small pages on purpose: the readers must follow NextToken / Marker.
  const start = token ? Number(token) : 0;
  const slice = items.slice(start, start + max);
  return { items: slice, next: start + max < items.length ? String(start + max) : undefined };
}

export async function startBrownfieldAws(seed: BrownfieldSeed): Promise<BrownfieldAws> {
  const counts: Record<string, number> = {};
  const accountOf = (req: IncomingMessage): string => {
    const m = /Credential=([A-Z0-9]+)\//.exec(String(req.headers.authorization ?? ""));
    const key = m?.[1] ?? "";
    const id = key.slice(-12);
    return /^\d{12}$/.test(id) ? id : seed.managementAccountId;
  };
  const account = (id: string) => {
    const a = seed.accounts.find((x) => x.id === id);
    if (!a) throw new AwsFault("AccountNotFoundException", `account ${id} not found`);
    return a;
  };
  const tagList = (t?: Record<string, string>) => Object.entries(t ?? {}).map(([Key, Value]) => ({ Key, Value }));

  const policiesOf = (id: string): string[] =>
    id === seed.rootId ? seed.rootPolicies : (seed.ous.find((o) => o.id === id)?.policies ?? seed.accounts.find((a) => a.id === id)?.policies ?? []);
  const summary = (n: string) => {
    const x = seed.scps.find((p) => p.name === n);
    return { Id: x?.id ?? "p-FullAWSAccess", Name: n, Description: x?.description ?? "Allows access to every operation", Type: "SERVICE_CONTROL_POLICY", AwsManaged: !x };
  };
  const organizations: Record<string, (b: any) => unknown> = {
    DescribeOrganization: () => ({ Organization: { Id: "o-exampleorg1", MasterAccountId: seed.managementAccountId, FeatureSet: "ALL" } }),
    ListRoots: () => ({ Roots: [{ Id: seed.rootId, Name: "Root" }] }),
    ListAccountsForParent: (b) => {
      const p = page(
        seed.accounts.filter((a) => a.parentId === b.ParentId),
        b.NextToken,
      );
      return {
        Accounts: p.items.map((a) => ({
          Id: a.id,
          Arn: `arn:aws:organizations::${seed.managementAccountId}:account/o-exampleorg1/${a.id}`,
          Name: a.name,
          Email: a.email,
          ...(a.legacyStatus ? { Status: a.legacyStatus } : { State: a.state ?? "ACTIVE" }),
        })),
        NextToken: p.next,
      };
    },
    ListOrganizationalUnitsForParent: (b) => {
      const p = page(
        seed.ous.filter((o) => o.parentId === b.ParentId),
        b.NextToken,
      );
      return { OrganizationalUnits: p.items.map((o) => ({ Id: o.id, Name: o.name, Arn: `arn:aws:organizations::x:ou/${o.id}` })), NextToken: p.next };
    },
    ListTagsForResource: (b) => ({ Tags: tagList(seed.accounts.find((a) => a.id === b.ResourceId)?.tags) }),
    ListPoliciesForTarget: (b) => {
      const names = policiesOf(b.TargetId);
      return { Policies: names.map((n) => summary(n)) };
    },
    ListPolicies: (b) => {
      const p = page(["FullAWSAccess", ...seed.scps.map((x) => x.name)], b.NextToken);
      return { Policies: p.items.map(summary), NextToken: p.next };
    },
    DescribePolicy: (b) => {
      const x = seed.scps.find((p) => p.id === b.PolicyId);
      if (!x && b.PolicyId !== "p-FullAWSAccess") throw new AwsFault("PolicyNotFoundException", `policy ${b.PolicyId} not found`);
      return {
        Policy: {
          PolicySummary: summary(x?.name ?? "FullAWSAccess"),
          Content: x?.content ?? '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
        },
      };
    },
    ListTargetsForPolicy: (b) => {
      const name = b.PolicyId === "p-FullAWSAccess" ? "FullAWSAccess" : seed.scps.find((p) => p.id === b.PolicyId)?.name;
      const ids = [seed.rootId, ...seed.ous.map((o) => o.id), ...seed.accounts.map((a) => a.id)].filter((id) => name && policiesOf(id).includes(name));
      const p = page(ids, b.NextToken);
      return {
        Targets: p.items.map((TargetId) => ({
          TargetId,
          Name: TargetId,
          Type: TargetId.startsWith("r-") ? "ROOT" : TargetId.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT",
        })),
        NextToken: p.next,
      };
    },
  };
  const ps = (arn: string) => {
    const p = seed.permissionSets.find((x) => x.arn === arn);
    if (!p) throw new AwsFault("ResourceNotFoundException", `permission set ${arn} not found`);
    return p;
  };
  const sso: Record<string, (b: any) => unknown> = {
    ListInstances: () => ({ Instances: [{ InstanceArn: seed.instanceArn, IdentityStoreId: seed.identityStoreId, Status: "ACTIVE" }] }),
    ListPermissionSets: (b) => {
      const p = page(
        seed.permissionSets.map((x) => x.arn),
        b.NextToken,
      );
      return { PermissionSets: p.items, NextToken: p.next };
    },
    DescribePermissionSet: (b) => {
      const p = ps(b.PermissionSetArn);
      return { PermissionSet: { Name: p.name, PermissionSetArn: p.arn, Description: p.description, SessionDuration: p.sessionDuration ?? "PT1H", RelayState: p.relayState } };
    },
    ListManagedPoliciesInPermissionSet: (b) => ({ AttachedManagedPolicies: (ps(b.PermissionSetArn).managed ?? []).map((Arn) => ({ Arn, Name: Arn.split("/").pop() })) }),
    ListCustomerManagedPolicyReferencesInPermissionSet: (b) => ({
      CustomerManagedPolicyReferences: (ps(b.PermissionSetArn).customer ?? []).map((c) => ({ Name: c.name, Path: c.path })),
    }),
    GetInlinePolicyForPermissionSet: (b) => ({ InlinePolicy: ps(b.PermissionSetArn).inline ?? "" }),
    GetPermissionsBoundaryForPermissionSet: (b) => {
      const x = ps(b.PermissionSetArn).boundary;
      if (!x) throw new AwsFault("ResourceNotFoundException", "no permissions boundary");
      return {
        PermissionsBoundary: x.managedPolicyArn ? { ManagedPolicyArn: x.managedPolicyArn } : { CustomerManagedPolicyReference: { Name: x.customer!.name, Path: x.customer!.path } },
      };
    },
    ListTagsForResource: (b) => ({ Tags: tagList(ps(b.ResourceArn).tags) }),
    ListAccountsForProvisionedPermissionSet: (b) => {
      const ids = [...new Set(seed.assignments.filter((a) => a.permissionSetArn === b.PermissionSetArn).map((a) => a.accountId))].sort();
      const p = page(ids, b.NextToken);
      return { AccountIds: p.items, NextToken: p.next };
    },
    ListAccountAssignments: (b) => {
      const list = seed.assignments.filter((a) => a.permissionSetArn === b.PermissionSetArn && a.accountId === b.AccountId);
      const p = page(list, b.NextToken);
      return {
        AccountAssignments: p.items.map((a) => ({ AccountId: a.accountId, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId })),
        NextToken: p.next,
      };
    },
  };
  const identitystore: Record<string, (b: any) => unknown> = {
    ListUsers: (b) => {
      const p = page(seed.users, b.NextToken);
      return {
        Users: p.items.map((u) => ({ UserId: u.id, UserName: u.userName, IdentityStoreId: seed.identityStoreId, Emails: u.email ? [{ Value: u.email, Primary: true }] : [] })),
        NextToken: p.next,
      };
    },
    ListGroups: (b) => {
      const p = page(seed.groups, b.NextToken);
      return { Groups: p.items.map((g) => ({ GroupId: g.id, DisplayName: g.displayName, IdentityStoreId: seed.identityStoreId })), NextToken: p.next };
    },
  };

  const user = (acct: SeedAccount, name: string) => {
    const u = (acct.iamUsers ?? []).find((x) => x.userName === name);
    if (!u) throw new AwsFault("NoSuchEntity", `The user with name ${name} cannot be found.`, 404);
    return u;
  };
  const role = (a: SeedAccount, name: string) => {
    const r = (a.roles ?? []).find((x) => x.name === name);
    if (!r) throw new AwsFault("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);
    return r;
  };
  const roleXml = (a: SeedAccount, r: NonNullable<SeedAccount["roles"]>[number], full: boolean) => ({
    RoleName: r.name,
    RoleId: `AROA${r.name.length}X`,
    Path: r.path ?? "/",
    Arn: `arn:aws:iam::${a.id}:role${r.path ?? "/"}${r.name}`,
    CreateDate: "2023-01-01T00:00:00Z",
    AssumeRolePolicyDocument: encodeURIComponent(r.trust),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration ?? 3600,
    ...(full && r.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: r.boundary } } : {}),
    ...(full && r.tags ? { Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
  });
  const iam: Record<string, (q: URLSearchParams, acct: SeedAccount) => unknown> = {
    ListUsers: (q, a) => {
      const p = page(a.iamUsers ?? [], q.get("Marker") ?? undefined);
      return {
        Users: p.items.map((u) => ({
          UserName: u.userName,
          UserId: `AIDA${u.userName.length}X`,
          Arn: `arn:aws:iam::${a.id}:user/${u.userName}`,
          Path: "/",
          CreateDate: `${u.created}T00:00:00Z`,
        })),
        IsTruncated: !!p.next,
        Marker: p.next,
      };
    },
    ListUserTags: (q, a) => ({ Tags: tagList(user(a, q.get("UserName")!).tags), IsTruncated: false }),
    ListGroupsForUser: (q, a) => ({
      Groups: (user(a, q.get("UserName")!).groups ?? []).map((g) => ({
        GroupName: g,
        GroupId: `AGPA${g.length}`,
        Arn: `arn:aws:iam::${a.id}:group/${g}`,
        Path: "/",
        CreateDate: "2020-01-01T00:00:00Z",
      })),
      IsTruncated: false,
    }),
    GetLoginProfile: (q, a) => {
      const u = user(a, q.get("UserName")!);
      if (!u.password) throw new AwsFault("NoSuchEntity", `Login Profile for User ${u.userName} cannot be found.`, 404);
      return { LoginProfile: { UserName: u.userName, CreateDate: `${u.password.created}T00:00:00Z` } };
    },
    ListMFADevices: (q, a) => ({
      MFADevices: (user(a, q.get("UserName")!).mfa ?? []).map((s) => ({ UserName: q.get("UserName"), SerialNumber: s, EnableDate: "2021-01-01T00:00:00Z" })),
      IsTruncated: false,
    }),
    ListAccessKeys: (q, a) => {
      const u = user(a, q.get("UserName")!);
      return {
        AccessKeyMetadata: (u.accessKeys ?? []).map((k) => ({ UserName: u.userName, AccessKeyId: k.id, Status: k.status, CreateDate: `${k.created}T00:00:00Z` })),
        IsTruncated: false,
      };
    },
    GetAccessKeyLastUsed: (q, a) => {
      const id = q.get("AccessKeyId");
      for (const u of a.iamUsers ?? []) {
        const k = (u.accessKeys ?? []).find((x) => x.id === id);
        if (k)
          return {
            UserName: u.userName,
            AccessKeyLastUsed: k.lastUsed
              ? { LastUsedDate: `${k.lastUsed.date}T00:00:00Z`, ServiceName: k.lastUsed.service, Region: k.lastUsed.region }
              : { ServiceName: "N/A", Region: "N/A" },
          };
      }
      throw new AwsFault("NoSuchEntity", `access key ${id} not found`, 404);
    },
    ListSSHPublicKeys: (q, a) => ({
      SSHPublicKeys: (user(a, q.get("UserName")!).sshKeys ?? []).map((k) => ({
        UserName: q.get("UserName"),
        SSHPublicKeyId: k.id,
        Status: k.status,
        UploadDate: "2022-01-01T00:00:00Z",
      })),
      IsTruncated: false,
    }),
    ListSigningCertificates: (q, a) => ({
      Certificates: (user(a, q.get("UserName")!).signingCertificates ?? []).map((c) => ({
        UserName: q.get("UserName"),
        CertificateId: c.id,
        CertificateBody: "x",
        Status: c.status,
        UploadDate: "2022-01-01T00:00:00Z",
      })),
      IsTruncated: false,
    }),
    ListServiceSpecificCredentials: (q, a) => ({
      ServiceSpecificCredentials: (user(a, q.get("UserName")!).serviceCredentials ?? []).map((c) => ({
        UserName: q.get("UserName"),
        ServiceSpecificCredentialId: c.id,
        ServiceName: c.service,
        ServiceUserName: "x-at-1",
        Status: c.status,
        CreateDate: "2023-01-01T00:00:00Z",
      })),
    }),
    ListOpenIDConnectProviders: (_q, a) => ({ OpenIDConnectProviderList: (a.oidcProviders ?? []).map((p) => ({ Arn: `arn:aws:iam::${a.id}:oidc-provider/${p.url}` })) }),
    GetOpenIDConnectProvider: (q, a) => {
      const p = (a.oidcProviders ?? []).find((x) => `arn:aws:iam::${a.id}:oidc-provider/${x.url}` === q.get("OpenIDConnectProviderArn"));
      if (!p) throw new AwsFault("NoSuchEntity", "provider not found", 404);
      return { Url: p.url, ClientIDList: p.clientIds, ThumbprintList: [], CreateDate: "2023-01-01T00:00:00Z" };
    },
    ListRoles: (q, a) => {
      const p = page(a.roles ?? [], q.get("Marker") ?? undefined);
      return { Roles: p.items.map((r) => roleXml(a, r, false)), IsTruncated: !!p.next, Marker: p.next };
    },
    GetRole: (q, a) => ({ Role: roleXml(a, role(a, q.get("RoleName")!), true) }),
    ListAttachedRolePolicies: (q, a) => ({
      AttachedPolicies: (role(a, q.get("RoleName")!).managed ?? []).map((PolicyArn) => ({ PolicyArn, PolicyName: PolicyArn.split("/").pop() })),
      IsTruncated: false,
    }),
    ListRolePolicies: (q, a) => ({ PolicyNames: Object.keys(role(a, q.get("RoleName")!).inline ?? {}), IsTruncated: false }),
    GetRolePolicy: (q, a) => {
      const doc = (role(a, q.get("RoleName")!).inline ?? {})[q.get("PolicyName")!];
      if (!doc) throw new AwsFault("NoSuchEntity", "policy not found", 404);
      return { RoleName: q.get("RoleName"), PolicyName: q.get("PolicyName"), PolicyDocument: encodeURIComponent(doc) };
    },
    GenerateCredentialReport: () => ({ State: "COMPLETE" }),
    GetCredentialReport: (_q, a) => {
      const head = "user,arn,user_creation_time,password_enabled,password_last_used,mfa_active,access_key_1_active,access_key_2_active";
      const r = a.root ?? { password: false, accessKeys: 0, mfa: true };
      const rows = [
        `<root_account>,arn:aws:iam::${a.id}:root,2020-01-01T00:00:00+00:00,not_supported,${r.passwordLastUsed ? `${r.passwordLastUsed}T00:00:00+00:00` : "no_information"},${r.mfa},${r.accessKeys > 0},${r.accessKeys > 1}`,
      ];
      for (const u of a.iamUsers ?? []) {
        const keys = (u.accessKeys ?? []).filter((k) => k.status === "Active");
        rows.push(
          `${u.userName},arn:aws:iam::${a.id}:user/${u.userName},${u.created}T00:00:00+00:00,${!!u.password},${u.password?.lastUsed ? `${u.password.lastUsed}T00:00:00+00:00` : "N/A"},${!!u.mfa?.length},${keys.length > 0},${keys.length > 1}`,
        );
      }
      return { Content: Buffer.from([head, ...rows].join("\n")).toString("base64"), ReportFormat: "text/csv", GeneratedTime: "2026-12-01T00:00:00Z" };
    },
    GetAccountSummary: (_q, a) => {
      const r = a.root ?? { password: false, accessKeys: 0, mfa: true };
      const m: Record<string, number> = {
        AccountMFAEnabled: r.mfa ? 1 : 0,
        AccountAccessKeysPresent: r.accessKeys,
        AccountPasswordPresent: r.password ? 1 : 0,
        AccountSigningCertificatesPresent: 0,
        Users: (a.iamUsers ?? []).length,
      };
      return { SummaryMap: Object.entries(m).map(([key, value]) => ({ key, value })) };
    },
  };

  const summaryXml = (v: any) => `<SummaryMap>${v.SummaryMap.map((e: any) => `<entry><key>${e.key}</key><value>${e.value}</value></entry>`).join("")}</SummaryMap>`;

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    if (target) {
      const [prefix, op] = target.split(".");
      const table = prefix === "AWSOrganizationsV20161128" ? organizations : prefix === "SWBExternalService" ? sso : prefix === "AWSIdentityStore" ? identitystore : undefined;
      const service = prefix === "AWSOrganizationsV20161128" ? "organizations" : prefix === "SWBExternalService" ? "sso-admin" : "identitystore";
      counts[`${service}:${op}`] = (counts[`${service}:${op}`] ?? 0) + 1;
      try {
        const f = table?.[op];
        if (!f) throw new AwsFault("UnknownOperationException", `${target} is not emulated`);
        const out = f(body ? JSON.parse(body) : {});
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(out));
      } catch (e) {
        const f = e instanceof AwsFault ? e : new AwsFault("InternalFailure", String(e), 500);
        res.writeHead(f.status, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": f.code }).end(JSON.stringify({ __type: f.code, message: f.message }));
      }
      return;
    }
    const q = new URLSearchParams(body);
    const action = q.get("Action") ?? "";
    const isSts = action === "GetCallerIdentity" || action === "AssumeRole";
    const ns = isSts ? "https://sts.amazonaws.com/doc/2011-06-15/" : "https://iam.amazonaws.com/doc/2010-05-08/";
    counts[`${isSts ? "sts" : "iam"}:${action}`] = (counts[`${isSts ? "sts" : "iam"}:${action}`] ?? 0) + 1;
    try {
      const caller = accountOf(req);
      let result: unknown;
      let xml: string;
      if (action === "GetCallerIdentity") {
        result = { Account: caller, Arn: `arn:aws:iam::${caller}:user/keyless-test`, UserId: "AIDATEST" };
        xml = toXml(result);
      } else if (action === "AssumeRole") {
        const m = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(q.get("RoleArn") ?? "");
        if (!m) throw new AwsFault("ValidationError", "bad RoleArn");
        const a = account(m[1]);
        if ((a as { noRole?: boolean }).noRole) throw new AwsFault("AccessDenied", `not authorized to perform sts:AssumeRole on ${q.get("RoleArn")}`, 403);
        result = {
          Credentials: { AccessKeyId: `ASIA${m[1]}`, SecretAccessKey: "secret", SessionToken: "token", Expiration: "2099-01-01T00:00:00Z" },
          AssumedRoleUser: { Arn: `arn:aws:sts::${m[1]}:assumed-role/${m[2]}/keyless`, AssumedRoleId: "AROA:keyless" },
        };
        xml = toXml(result);
      } else {
        const f = iam[action];
        if (!f) throw new AwsFault("InvalidAction", `${action} is not emulated`);
        const v = f(q, account(caller)) as any;
        xml = action === "GetAccountSummary" ? summaryXml(v) : toXml(v);
      }
      res
        .writeHead(200, { "content-type": "text/xml" })
        .end(`<${action}Response xmlns="${ns}"><${action}Result>${xml}</${action}Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></${action}Response>`);
    } catch (e) {
      const f = e instanceof AwsFault ? e : new AwsFault("InternalFailure", String(e), 500);
      res
        .writeHead(f.status, { "content-type": "text/xml" })
        .end(
          `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${f.code}</Code><Message>${xmlEscape(f.message)}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
        );
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seed,
    calls: () => ({ ...counts }),
    reset: () => {
      for (const k of Object.keys(counts)) delete counts[k];
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
