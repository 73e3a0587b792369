/**
 * The emulator's HTTP side: wire protocols, routing, call counting and error shapes.
 *
 * - JSON 1.1 (`X-Amz-Target: <prefix>.<Operation>`): SSO Admin, Identity Store, Organizations.
 * - Query (form-encoded `Action=...`, XML answers): IAM and STS, told apart by the SigV4 credential
 *   scope's service in the Authorization header.
 *
 * Signatures are not checked. The calling account is read from the access key (see `accountOfKey`).
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { AwsError } from "./errors";
import { EmulatorState, hex } from "./state";

export interface RequestContext {
  readonly state: EmulatorState;
  readonly input: any;
  /** The account the caller's credentials belong to. */
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
}
export type Handler = (ctx: RequestContext) => unknown;
export type OperationTable = Readonly<Record<string, Handler>>;
/** service ("sso-admin", "identitystore", "organizations", "iam", "sts") -> operation -> handler. */
export type ServiceTables = Record<string, Record<string, Handler>>;

export interface CallRecord {
  readonly service: string;
  readonly operation: string;
  readonly seq: number;
  readonly accountId: string;
}

export interface ServerOptions {
  readonly state: EmulatorState;
  readonly services: ServiceTables;
  /** Answer this call with `ThrottlingException` (the SDKs retry it). `count` is 1 for the first call of the operation. */
  readonly throttle?: (call: { service: string; operation: string; count: number }) => boolean;
}

const JSON_TARGETS: Record<string, string> = {
  SWBExternalService: "sso-admin",
  AWSIdentityStore: "identitystore",
  AWSOrganizationsV20161128: "organizations",
};
const QUERY_NAMESPACES: Record<string, string> = {
  iam: "https://iam.amazonaws.com/doc/2010-05-08/",
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
};

/** Credentials the emulator issues or accepts: `AKIAEMU<12-digit account>` / `ASIAEMU<account>...`. Other keys: the management account. */
export function accountOfKey(accessKeyId: string, managementAccountId: string): string {
  const m = /^A[KS]IAEMU(\d{12})/.exec(accessKeyId);
  return m ? m[1] : managementAccountId;
}
export const keyForAccount = (accountId: string, temporary = false) => `${temporary ? "ASIA" : "AKIA"}EMU${accountId}`;

export class EmulatorServer {
  readonly log: CallRecord[] = [];
  readonly counts: Record<string, number> = {};
  /** Calls no handler answered: a test that sees one here found an operation the emulator lacks. */
  readonly unhandled: string[] = [];
  private readonly totals: Record<string, number> = {};
  private seq = 0;
  private server?: Server;

  constructor(private readonly options: ServerOptions) {}

  async listen(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 30_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    server.unref();
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  reset(): void {
    this.log.length = 0;
    for (const k of Object.keys(this.counts)) delete this.counts[k];
    this.unhandled.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const auth = String(req.headers.authorization ?? "");
    const scope = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(auth);
    const accessKeyId = scope?.[1] ?? "";
    const region = scope?.[2] ?? "us-east-1";
    const target = String(req.headers["x-amz-target"] ?? "");
    const accountId = accountOfKey(accessKeyId, this.options.state.organization.managementAccountId);

    if (target) {
      const [prefix, operation] = target.split(".");
      const service = JSON_TARGETS[prefix] ?? prefix;
      let input: unknown = {};
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return this.sendJson(res, 400, { __type: "SerializationException", message: "body is not JSON" }, "SerializationException");
      }
      const outcome = this.call(service, operation, { state: this.options.state, input, accountId, accessKeyId, region, service });
      if (outcome instanceof AwsError)
        return this.sendJson(res, outcome.status, { __type: outcome.code, message: outcome.message, Message: outcome.message, ...outcome.extra }, outcome.code);
      return this.sendJson(res, 200, outcome ?? {});
    }

    const params = new URLSearchParams(body || (req.url?.split("?")[1] ?? ""));
    const action = params.get("Action") ?? "";
    const service = scope?.[3] === "sts" || (!scope && action in (this.options.services.sts ?? {})) ? "sts" : "iam";
    const input = parseQuery(params);
    const outcome = this.call(service, action, { state: this.options.state, input, accountId, accessKeyId, region, service });
    const requestId = this.requestId();
    const ns = QUERY_NAMESPACES[service];
    if (outcome instanceof AwsError) {
      const xml = `<ErrorResponse xmlns="${ns}"><Error><Type>${outcome.type}</Type><Code>${outcome.code}</Code><Message>${escapeXml(outcome.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      return this.send(res, outcome.status, "text/xml", xml);
    }
    const result = outcome === undefined ? "" : `<${action}Result>${toXml(outcome)}</${action}Result>`;
    const xml = `<${action}Response xmlns="${ns}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
    this.send(res, 200, "text/xml", xml);
  }

  private call(service: string, operation: string, ctx: RequestContext): unknown {
    const key = `${service}:${operation}`;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    this.totals[key] = (this.totals[key] ?? 0) + 1;
    this.log.push({ service, operation, seq: ++this.seq, accountId: ctx.accountId });
    if (this.options.throttle?.({ service, operation, count: this.totals[key] })) return new AwsError("ThrottlingException", "Rate exceeded", 400);
    const handler = this.options.services[service]?.[operation];
    if (!handler) {
      this.unhandled.push(key);
      return new AwsError("UnknownOperationException", `the emulator does not implement ${key}`, 400);
    }
    try {
      return handler(ctx);
    } catch (e) {
      if (e instanceof AwsError) return e;
      this.unhandled.push(`${key} (handler failed: ${(e as Error).message})`);
      return new AwsError("InternalFailure", `emulator handler for ${key} failed: ${(e as Error).message}`, 500);
    }
  }

  private requestId(): string {
    const h = hex(`request:${this.seq}`, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  private sendJson(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
    const headers: Record<string, string> = { "x-amzn-requestid": this.requestId() };
    if (errorType) headers["x-amzn-errortype"] = errorType;
    this.send(res, status, "application/x-amz-json-1.1", JSON.stringify(body), headers);
  }

  private send(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
    const buf = Buffer.from(text, "utf8");
    res.writeHead(status, { "content-type": type, "content-length": String(buf.length), ...headers });
    res.end(buf);
  }
}

/**
 * Query parameters to a nested value: `Tags.member.1.Key=a` -> `{ Tags: [{ Key: "a" }] }`;
 * `.member.N` (and IAM's `.entry.N`) lists become arrays in index order.
 */
export function parseQuery(params: URLSearchParams): Record<string, any> {
  const root: Record<string, any> = {};
  for (const [key, value] of params) {
    if (key === "Action" || key === "Version") continue;
    const parts = key.split(".");
    let node: any = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = node[part] ??= {};
    });
  }
  return normalizeQuery(root);
}

function normalizeQuery(node: any): any {
  if (typeof node !== "object" || node === null) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === "member" || keys[0] === "entry")) {
    const items = node[keys[0]];
    return Object.keys(items)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => normalizeQuery(items[k]));
  }
  const out: Record<string, any> = {};
  for (const k of keys) out[k] = normalizeQuery(node[k]);
  return out;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A Query-protocol map (IAM's `SummaryMap`): serialized as `<entry><key>..</key><value>..</value></entry>` items. */
export class XmlMap {
  constructor(readonly entries: Readonly<Record<string, unknown>>) {}
}

/** A value as Query-protocol XML: objects as elements, arrays as `<member>` lists, `XmlMap`s as `<entry>` lists; undefined is left out. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof XmlMap)
    return Object.entries(value.entries)
      .map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${toXml(v)}</value></entry>`)
      .join("");
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join("");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join("");
  }
  return escapeXml(String(value));
}
