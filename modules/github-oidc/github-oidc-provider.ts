import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { githubProviderLogicalId } from "../names";

export interface GithubOidcProviderProps {
  /** Provider for the account the identity provider lives in. */
  readonly provider: TerraformProvider;
  /** Account name; the Terraform address is derived from it. */
  readonly accountName: string;
  /** Issuer URL: https://token.actions.githubusercontent.com, or with an enterprise slug. */
  readonly url: string;
  /** Audiences. */
  readonly clientIds: readonly string[];
  /** @default none: IAM trusts GitHub's certificate authority */
  readonly thumbprints?: readonly string[];
  /** @default no tags beyond the provider's default tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The GitHub Actions OIDC identity provider of one account. */
export class GithubOidcProvider extends Construct {
  readonly arn: string;
  /** The IAM resource, for `dependsOn` of roles that name this provider by its literal ARN. */
  readonly resource: IamOpenidConnectProvider;

  constructor(scope: Construct, id: string, props: GithubOidcProviderProps) {
    super(scope, id);
    const p = new IamOpenidConnectProvider(this, "provider", {
      provider: props.provider,
      url: props.url,
      clientIdList: [...props.clientIds],
      thumbprintList: props.thumbprints?.length ? [...props.thumbprints] : undefined,
      tags: props.tags && Object.keys(props.tags).length ? { ...props.tags } : undefined,
    });
    p.overrideLogicalId(githubProviderLogicalId(props.accountName));
    this.arn = p.arn;
    this.resource = p;
  }
}
