import { IAMClient } from "@aws-sdk/client-iam";
import { IdentitystoreClient } from "@aws-sdk/client-identitystore";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** How the read-only commands reach AWS: the SDK's default credential chain, a region, a member-account role. */
export interface AwsSettings {
  /** `--profile`; absent: the default credential chain (environment, SSO cache, instance role...). */
  readonly profile?: string;
  readonly region: string;
  /** Role assumed in member accounts (the stacks' `aws.memberAccountRole`). */
  readonly memberAccountRole: string;
  readonly partition: string;
  /** The environment the SDK settings come from (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, keys). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

type ServiceId = "ORGANIZATIONS" | "SSO_ADMIN" | "IDENTITYSTORE" | "IAM" | "STS";

/**
 * The SDK's standard endpoint settings, read from the given environment rather than the process's so
 * that an embedding (the tests) can point one run at an emulator: AWS_ENDPOINT_URL_<SERVICE>, then
 * AWS_ENDPOINT_URL. Absent: the SDK's own resolution.
 */
function endpointFor(env: AwsSettings["env"], service: ServiceId): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return undefined;
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

function baseCredentials(env: AwsSettings["env"]): AwsCredentialIdentity | undefined {
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return undefined;
  return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

/** One set of clients per account; member accounts through the member-account role. */
export class AwsSession {
  private caller?: Promise<string>;
  private readonly memberCredentials = new Map<string, Promise<AwsCredentialIdentity>>();

  constructor(readonly settings: AwsSettings) {}

  private config(service: ServiceId, credentials?: AwsCredentialIdentity) {
    const creds = credentials ?? baseCredentials(this.settings.env);
    return {
      region: this.settings.region,
      endpoint: endpointFor(this.settings.env, service),
      maxAttempts: 3,
      ...(creds ? { credentials: creds } : this.settings.profile ? { profile: this.settings.profile } : {}),
    };
  }

  sts(credentials?: AwsCredentialIdentity): STSClient {
    return new STSClient(this.config("STS", credentials));
  }
  organizations(): OrganizationsClient {
    return new OrganizationsClient(this.config("ORGANIZATIONS"));
  }
  ssoAdmin(): SSOAdminClient {
    return new SSOAdminClient(this.config("SSO_ADMIN"));
  }
  identityStore(): IdentitystoreClient {
    return new IdentitystoreClient(this.config("IDENTITYSTORE"));
  }

  /** The account the credentials belong to (sts:GetCallerIdentity, which needs no permission). */
  callerAccount(): Promise<string> {
    this.caller ??= this.sts()
      .send(new GetCallerIdentityCommand({}))
      .then((r) => r.Account ?? "");
    return this.caller;
  }

  /** IAM in an account: the caller's own credentials there, else the member-account role. */
  async iam(accountId: string): Promise<IAMClient> {
    if ((await this.callerAccount()) === accountId) return new IAMClient(this.config("IAM"));
    return new IAMClient(this.config("IAM", await this.assume(accountId)));
  }

  private assume(accountId: string): Promise<AwsCredentialIdentity> {
    let p = this.memberCredentials.get(accountId);
    if (!p) {
      const roleArn = `arn:${this.settings.partition}:iam::${accountId}:role/${this.settings.memberAccountRole}`;
      p = this.sts()
        .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "keyless-read-only" }))
        .then((r) => {
          const c = r.Credentials;
          if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`sts:AssumeRole ${roleArn} returned no credentials`);
          return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
        });
      this.memberCredentials.set(accountId, p);
    }
    return p;
  }
}

/** An AWS error in words: its name and message, never a stack. */
export function awsErrorText(e: unknown): string {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return `${err?.name ?? "Error"}: ${err?.message ?? String(e)}`;
}
