import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { SsoadminPermissionSetInlinePolicy } from "@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy";
import { terraformName } from "../names";

export interface PermissionSetProps {
  /** ARN of the Identity Center instance. */
  readonly instanceArn: string;
  /** Stable key; the Terraform address is derived from it. */
  readonly key: string;
  /** The AWS name; changing it replaces the permission set. */
  readonly name: string;
  /** @default no description */
  readonly description?: string;
  /** ISO-8601 duration. */
  readonly sessionDuration: string;
  /** @default no relay state: users land on the console home */
  readonly relayState?: string;
  /** @default no tags beyond the provider's default tags */
  readonly tags?: Readonly<Record<string, string>>;
  /** @default no AWS managed policies */
  readonly managedPolicyArns?: readonly string[];
  /** Minified policy JSON. @default no inline policy */
  readonly inlinePolicy?: string;
}

/** An Identity Center permission set with its AWS managed policies and inline policy. */
export class PermissionSet extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: PermissionSetProps) {
    super(scope, id);
    const tf = terraformName(props.key);
    const ps = new SsoadminPermissionSet(this, "permission_set", {
      instanceArn: props.instanceArn,
      name: props.name,
      description: props.description,
      sessionDuration: props.sessionDuration,
      relayState: props.relayState,
      tags: props.tags && Object.keys(props.tags).length ? { ...props.tags } : undefined,
    });
    ps.overrideLogicalId(tf);
    this.arn = ps.arn;

    if (props.managedPolicyArns?.length) {
      const policies = TerraformIterator.fromList([...props.managedPolicyArns]);
      const attachment = new SsoadminManagedPolicyAttachment(this, "managed_policies", {
        forEach: policies,
        instanceArn: props.instanceArn,
        permissionSetArn: ps.arn,
        managedPolicyArn: policies.value,
      });
      attachment.overrideLogicalId(tf);
    }
    if (props.inlinePolicy) {
      const inline = new SsoadminPermissionSetInlinePolicy(this, "inline_policy", {
        instanceArn: props.instanceArn,
        permissionSetArn: ps.arn,
        inlinePolicy: props.inlinePolicy,
      });
      inline.overrideLogicalId(tf);
    }
  }
}
