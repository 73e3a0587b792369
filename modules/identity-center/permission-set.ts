import { ITerraformDependable, TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { SsoadminCustomerManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment";
import { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { SsoadminPermissionSetInlinePolicy } from "@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy";
import { SsoadminPermissionsBoundaryAttachment } from "@cdktf/provider-aws/lib/ssoadmin-permissions-boundary-attachment";
import { terraformName } from "../names";
import { MovedBlocks } from "../moved-blocks";

export interface PermissionSetProps {
  /** ARN of the Identity Center instance. */
  readonly instanceArn: string;
  /** The key in the definitions; earlier keyless versions derived the Terraform address from it. */
  readonly key: string;
  /** The AWS name; the Terraform addresses derive from it, and changing it replaces the permission set. */
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
  /**
   * Customer-managed policies by name and path; each must exist in every account the permission set is
   * assigned to. @default none
   */
  readonly customerManagedPolicies?: readonly CustomerManagedPolicy[];
  /** Minified policy JSON. @default no inline policy */
  readonly inlinePolicy?: string;
  /** The most the roles can do: an AWS managed policy ARN or a customer-managed policy. @default no boundary */
  readonly permissionsBoundary?: PermissionsBoundary;
  /**
   * Where to put `moved` blocks from the key-derived addresses of earlier keyless versions.
   * @default no moved blocks
   */
  readonly moved?: MovedBlocks;
}

export interface CustomerManagedPolicy {
  readonly name: string;
  /** @default "/" */
  readonly path?: string;
}

/** Exactly one of the two. */
export interface PermissionsBoundary {
  readonly managedPolicyArn?: string;
  readonly customerManagedPolicy?: CustomerManagedPolicy;
}

/**
 * An Identity Center permission set with its AWS managed and customer-managed policies, inline policy
 * and permissions boundary. Every resource is addressed by the AWS name (what AWS identifies it by,
 * so renaming the key in the definitions moves nothing); attachments by policy.
 */
export class PermissionSet extends Construct {
  readonly arn: string;
  /**
   * The policy attachments, inline policy and boundary: account assignments depend on them, so a role
   * is never provisioned without its Deny policy or boundary, and they are destroyed only after the
   * assignments (the provider's documentation asks for this `depends_on`).
   */
  readonly policies: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: PermissionSetProps) {
    super(scope, id);
    const tf = terraformName(props.name);
    const legacy = terraformName(props.key);
    const address = (type: string) => {
      props.moved?.add(`${type}.${legacy}`, `${type}.${tf}`);
      return tf;
    };
    const ps = new SsoadminPermissionSet(this, "permission_set", {
      instanceArn: props.instanceArn,
      name: props.name,
      description: props.description,
      sessionDuration: props.sessionDuration,
      relayState: props.relayState,
      tags: props.tags && Object.keys(props.tags).length ? { ...props.tags } : undefined,
    });
    ps.overrideLogicalId(address("aws_ssoadmin_permission_set"));
    this.arn = ps.arn;
    const deps: ITerraformDependable[] = [];
    this.policies = deps;

    if (props.managedPolicyArns?.length) {
      const policies = TerraformIterator.fromList([...props.managedPolicyArns]);
      const attachment = new SsoadminManagedPolicyAttachment(this, "managed_policies", {
        forEach: policies,
        instanceArn: props.instanceArn,
        permissionSetArn: ps.arn,
        managedPolicyArn: policies.value,
      });
      attachment.overrideLogicalId(address("aws_ssoadmin_managed_policy_attachment"));
      deps.push(attachment);
    }
    if (props.customerManagedPolicies?.length) {
      const byId: Record<string, { name: string; path: string }> = {};
      for (const p of props.customerManagedPolicies) byId[`${p.path ?? "/"}${p.name}`] = { name: p.name, path: p.path ?? "/" };
      const it = TerraformIterator.fromMap(byId);
      const attachment = new SsoadminCustomerManagedPolicyAttachment(this, "customer_managed_policies", {
        forEach: it,
        instanceArn: props.instanceArn,
        permissionSetArn: ps.arn,
        customerManagedPolicyReference: { name: it.getString("name"), path: it.getString("path") },
      });
      attachment.overrideLogicalId(address("aws_ssoadmin_customer_managed_policy_attachment"));
      deps.push(attachment);
    }
    const boundary = props.permissionsBoundary;
    if (boundary?.managedPolicyArn || boundary?.customerManagedPolicy) {
      const b = new SsoadminPermissionsBoundaryAttachment(this, "permissions_boundary", {
        instanceArn: props.instanceArn,
        permissionSetArn: ps.arn,
        permissionsBoundary: boundary.managedPolicyArn
          ? { managedPolicyArn: boundary.managedPolicyArn }
          : { customerManagedPolicyReference: { name: boundary.customerManagedPolicy!.name, path: boundary.customerManagedPolicy!.path ?? "/" } },
      });
      b.overrideLogicalId(address("aws_ssoadmin_permissions_boundary_attachment"));
      deps.push(b);
    }
    if (props.inlinePolicy) {
      const inline = new SsoadminPermissionSetInlinePolicy(this, "inline_policy", {
        instanceArn: props.instanceArn,
        permissionSetArn: ps.arn,
        inlinePolicy: props.inlinePolicy,
      });
      inline.overrideLogicalId(address("aws_ssoadmin_permission_set_inline_policy"));
      deps.push(inline);
    }
  }
}
