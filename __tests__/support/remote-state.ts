import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { terraformName } from "../../modules/names";

/**
 * Points a stack's `data "terraform_remote_state"` of other workspaces (keyless reads the permission
 * set ARNs their owners publish) at local state files, through a Terraform override file beside
 * `override.tf.json`: the harness turns S3 and HCP Terraform backends into local state in each
 * stack's folder, so the owner's state is `<owner folder>/terraform.tfstate`.
 */
export function pointRemoteStates(stackDir: string, stateFiles: Readonly<Record<string, string>>): void {
  const file = join(stackDir, "keyless_remote_state_override.tf.json");
  // An override of a data block the stack does not declare is an error: only the ones it has.
  const declared = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")).data?.terraform_remote_state ?? {};
  const states: Record<string, unknown> = {};
  for (const [workspace, path] of Object.entries(stateFiles)) if (declared[terraformName(workspace)]) states[terraformName(workspace)] = { backend: "local", config: { path } };
  if (Object.keys(states).length) writeFileSync(file, JSON.stringify({ data: { terraform_remote_state: states } }, null, 2) + "\n");
  else rmSync(file, { force: true });
}
