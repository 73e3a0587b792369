import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import { terraformName } from "../names";

export interface ServiceControlPolicyProps {
  /** Stable key; the Terraform address is derived from it. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** Minified policy JSON, exactly as AWS counts its size. */
  readonly content: string;
  /** Attachment key (`root`, `ou:<path>`, `account:<name>`) -> root, OU or account id. @default not attached */
  readonly targets?: Readonly<Record<string, string>>;
}

/**
 * A Service Control Policy and its attachments. keyless only adds deny policies beside
 * FullAWSAccess; it never detaches FullAWSAccess.
 */
export class ServiceControlPolicy extends Construct {
  readonly policyId: string;

  constructor(scope: Construct, id: string, props: ServiceControlPolicyProps) {
    super(scope, id);
    const tf = terraformName(props.key);
    const policy = new OrganizationsPolicy(this, "policy", {
      name: props.name,
      description: props.description,
      type: "SERVICE_CONTROL_POLICY",
      content: props.content,
    });
    policy.overrideLogicalId(tf);
    this.policyId = policy.id;
    if (props.targets && Object.keys(props.targets).length) {
      const it = TerraformIterator.fromMap({ ...props.targets });
      const attachment = new OrganizationsPolicyAttachment(this, "attachments", {
        forEach: it,
        policyId: policy.id,
        targetId: it.value,
      });
      attachment.overrideLogicalId(tf);
    }
  }
}
