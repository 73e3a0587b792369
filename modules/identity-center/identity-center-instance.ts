import { Fn, TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import { DataAwsSsoadminInstances } from "@cdktf/provider-aws/lib/data-aws-ssoadmin-instances";

/**
 * The organization's IAM Identity Center instance, found by data source (there is one per
 * organization), exposed as `local.sso_instance_arn` and `local.identity_store_id`.
 */
export class IdentityCenterInstance extends Construct {
  readonly instanceArn: string;
  readonly identityStoreId: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const instances = new DataAwsSsoadminInstances(this, "instances");
    instances.overrideLogicalId("this");
    const arn = new TerraformLocal(this, "instance_arn", Fn.element(Fn.tolist(instances.arns), 0));
    arn.overrideLogicalId("sso_instance_arn");
    const store = new TerraformLocal(this, "identity_store_id", Fn.element(Fn.tolist(instances.identityStoreIds), 0));
    store.overrideLogicalId("identity_store_id");
    this.instanceArn = arn.asString;
    this.identityStoreId = store.asString;
  }
}
