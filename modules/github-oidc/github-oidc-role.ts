import { ITerraformDependable, TerraformIterator, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { terraformName } from "../names";

export interface GithubOidcRoleProps {
  /** Provider for the role's account. */
  readonly provider: TerraformProvider;
  /** Stable key; the Terraform address is derived from it. */
  readonly key: string;
  /** The IAM role name. */
  readonly name: string;
  /** IAM path. @default "/" */
  readonly path?: string;
  /** @default no description */
  readonly description?: string;
  /** Minified trust policy JSON. */
  readonly assumeRolePolicy: string;
  /** AWS managed and customer managed policy ARNs; the ARN is the for_each key. @default none */
  readonly managedPolicyArns?: readonly string[];
  /** Permissions boundary policy ARN. @default no boundary */
  readonly permissionsBoundary?: string;
  /** Inline policies: name and minified JSON. @default none */
  readonly inlinePolicies?: readonly { readonly name: string; readonly document: string }[];
  /** Seconds. @default 3600 */
  readonly maxSessionDuration?: number;
  /** @default no tags beyond the provider's default tags */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The OIDC provider the trust policy names, when the same stack creates it: the trust policy holds
   * its literal ARN, so this edge makes Terraform create the role after the provider and destroy it
   * before. @default no edge (the provider is created elsewhere)
   */
  readonly oidcProvider?: ITerraformDependable;
}

/** An IAM role that GitHub Actions workflows assume through OIDC. */
export class GithubOidcRole extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: GithubOidcRoleProps) {
    super(scope, id);
    const tf = terraformName(props.key);
    const role = new IamRole(this, "role", {
      provider: props.provider,
      name: props.name,
      path: props.path && props.path !== "/" ? props.path : undefined,
      description: props.description,
      permissionsBoundary: props.permissionsBoundary,
      assumeRolePolicy: props.assumeRolePolicy,
      maxSessionDuration: props.maxSessionDuration ?? 3600,
      tags: props.tags && Object.keys(props.tags).length ? { ...props.tags } : undefined,
      dependsOn: props.oidcProvider ? [props.oidcProvider] : undefined,
    });
    role.overrideLogicalId(tf);
    this.arn = role.arn;

    if (props.managedPolicyArns?.length) {
      const it = TerraformIterator.fromList([...props.managedPolicyArns]);
      const attachment = new IamRolePolicyAttachment(this, "managed_policies", {
        provider: props.provider,
        forEach: it,
        role: role.name,
        policyArn: it.value,
      });
      attachment.overrideLogicalId(tf);
    }
    if (props.inlinePolicies?.length) {
      const documents: Record<string, string> = {};
      for (const p of props.inlinePolicies) documents[p.name] = p.document;
      const it = TerraformIterator.fromMap(documents);
      const inline = new IamRolePolicy(this, "inline_policies", {
        provider: props.provider,
        forEach: it,
        role: role.name,
        name: it.key,
        policy: it.value,
      });
      inline.overrideLogicalId(tf);
    }
  }
}
