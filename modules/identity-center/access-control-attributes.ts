import { Construct } from "constructs";
import { SsoadminInstanceAccessControlAttributes } from "@cdktf/provider-aws/lib/ssoadmin-instance-access-control-attributes";

export interface AccessControlAttributesProps {
  readonly instanceArn: string;
  /** Attribute key -> identity-source paths, for example `${path:enterprise.department}`, as Terraform strings: escape literals with `literal` (modules/literal.ts). */
  readonly attributes: readonly { readonly key: string; readonly sources: readonly string[] }[];
}

/**
 * The Identity Center instance's attributes for access control (ABAC): one resource per instance,
 * so exactly one workspace owns it.
 */
export class AccessControlAttributes extends Construct {
  constructor(scope: Construct, id: string, props: AccessControlAttributesProps) {
    super(scope, id);
    const attrs = new SsoadminInstanceAccessControlAttributes(this, "attributes", {
      instanceArn: props.instanceArn,
      // Sources such as `${path:name.givenName}` arrive escaped for Terraform (modules/literal.ts).
      attribute: props.attributes.map((a) => ({ key: a.key, value: [{ source: [...a.sources] }] })),
    });
    attrs.overrideLogicalId("this");
  }
}
