import { TerraformStack } from "cdktf";
import type { ImportEntry } from "../src/plan";
import { terraformName } from "./names";

const quoted = (key: string) => `["${key.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"]`;

/** The Terraform address each adopted object has in the modules (identity-center/*). */
export function importAddress(e: ImportEntry): string {
  const tf = terraformName(e.key);
  switch (e.kind) {
    case "permissionSet":
      return `aws_ssoadmin_permission_set.${tf}`;
    case "managedPolicyAttachment":
      return `aws_ssoadmin_managed_policy_attachment.${tf}${quoted(e.policy ?? "")}`;
    case "customerManagedPolicyAttachment":
      return `aws_ssoadmin_customer_managed_policy_attachment.${tf}${quoted(e.policy ?? "")}`;
    case "inlinePolicy":
      return `aws_ssoadmin_permission_set_inline_policy.${tf}`;
    case "permissionsBoundary":
      return `aws_ssoadmin_permissions_boundary_attachment.${tf}`;
    case "assignment":
      return `aws_ssoadmin_account_assignment.this${quoted(e.key)}`;
  }
}

/**
 * Terraform `import` blocks for objects that already exist in AWS (written by `keyless import`): the
 * first plan of an adopted organization imports them instead of failing to create them. Once they are
 * in state the blocks do nothing, so they can stay until the imports file is deleted.
 */
export function addImports(stack: TerraformStack, imports: readonly ImportEntry[]): void {
  if (!imports.length) return;
  const blocks = imports.map((e) => ({ to: importAddress(e), id: e.id }));
  blocks.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  stack.addOverride("import", blocks);
}
