import type { Organization } from "../../modules/generated/organization";
import type { Workspace } from "../../modules/generated/workspace";
import type { BackendPlan, TerraformSettingsPlan } from "../plan";

/**
 * The AWS provider constraint when none is set: 6.25 or any later 6.x. The typed bindings keyless
 * emits through (@cdktf/provider-aws 21.22.1) were generated from hashicorp/aws 6.25.0, so every
 * attribute keyless writes exists from 6.25 on; a major version may remove some.
 */
export const DEFAULT_AWS_PROVIDER_VERSION = "~> 6.25";

/**
 * Terraform CLI floors. The S3 backend's `use_lockfile` (S3-native state locking) is generally
 * available from Terraform 1.11 (experimental in 1.10): an older CLI fails at `terraform init`.
 * Without it, keyless's output needs `moved`/`import` blocks and the `cloud` block: Terraform 1.5.
 */
export const TERRAFORM_FLOOR_WITH_S3_LOCKFILE = ">= 1.11";
export const TERRAFORM_FLOOR = ">= 1.5";

/** Resolves a workspace's terraform settings: the workspace's field, else the organization's, else the default. */
export function terraformSettings(def: Workspace, org: Organization, backend: BackendPlan): TerraformSettingsPlan {
  const lockfile = backend.type === "s3" && backend.useLockfile;
  return {
    requiredVersion: def.terraform?.requiredVersion ?? org.terraform?.requiredVersion ?? (lockfile ? TERRAFORM_FLOOR_WITH_S3_LOCKFILE : TERRAFORM_FLOOR),
    awsProvider: {
      source: "hashicorp/aws",
      version: def.terraform?.awsProviderVersion ?? org.terraform?.awsProviderVersion ?? DEFAULT_AWS_PROVIDER_VERSION,
    },
  };
}
