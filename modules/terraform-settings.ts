import type { TerraformStack } from "cdktf";
import type { TerraformSettingsPlan } from "../src/plan";

/**
 * Writes `terraform { required_version, required_providers.aws }` from the plan. cdktf would write the
 * bindings' exact pin (`version = "6.25.0"`) under the short source `aws`: a shop wants a `~>`
 * constraint and the full source address, with the exact version fixed by its `.terraform.lock.hcl`.
 */
export function applyTerraformSettings(stack: TerraformStack, settings: TerraformSettingsPlan): void {
  stack.addOverride("terraform.required_version", settings.requiredVersion);
  stack.addOverride("terraform.required_providers.aws", { source: settings.awsProvider.source, version: settings.awsProvider.version });
}
