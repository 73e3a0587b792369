import { Construct } from "constructs";
import { IamOrganizationsFeatures } from "@cdktf/provider-aws/lib/iam-organizations-features";

export interface RootAccessManagementProps {
  /** `RootCredentialsManagement` and/or `RootSessions`, in a stable order. */
  readonly features: readonly string[];
}

/**
 * Centralized root access management for the organization's member accounts
 * (`aws_iam_organizations_features`, in the management account): with RootCredentialsManagement the
 * management account can delete and audit member root credentials and their recovery is blocked;
 * with RootSessions it runs privileged root tasks through sts:AssumeRoot. Requires trusted access for
 * IAM in AWS Organizations.
 */
export class RootAccessManagement extends Construct {
  constructor(scope: Construct, id: string, props: RootAccessManagementProps) {
    super(scope, id);
    new IamOrganizationsFeatures(this, "features", { enabledFeatures: [...props.features] }).overrideLogicalId("root_access_management");
  }
}
