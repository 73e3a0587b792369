import { TerraformStack } from "cdktf";
import type { ImportEntry, WorkspacePlan } from "../src/plan";
import { assignmentKey } from "./identity-center/account-assignments";
import { terraformName } from "./names";

const quoted = (key: string) => `["${key.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"]`;

/**
 * The Terraform address each adopted object has in the modules (identity-center/*, scp/*, github-oidc/*):
 * permission sets and their attachments by AWS name, assignments by permission set name, principal
 * and account id.
 */
export function importAddress(e: ImportEntry, plan: WorkspacePlan): string {
  const ps = plan.identityCenter.permissionSets.find((p) => p.key === e.key);
  const kindOfSet = ["permissionSet", "managedPolicyAttachment", "customerManagedPolicyAttachment", "inlinePolicy", "permissionsBoundary"].includes(e.kind);
  // Permission sets (and their attachments) are addressed by AWS name; SCPs and roles by their key.
  const tf = terraformName(kindOfSet ? (ps?.name ?? e.key) : e.key);
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
    case "assignment": {
      // One resource per permission set (by AWS name), keyed by principal and account id.
      const ic = plan.identityCenter;
      const a = ic.assignments.find((x) => x.key === e.key);
      const name = ic.permissionSets.find((p) => p.key === a?.permissionSet)?.name ?? ic.permissionSetLookups.find((p) => p.key === a?.permissionSet)?.name;
      if (!a || !name) throw new Error(`keyless: import of assignment ${e.key}, which workspace ${plan.name} does not declare`);
      return `aws_ssoadmin_account_assignment.${terraformName(name)}${quoted(assignmentKey(`${a.principalType.toLowerCase()}:${a.principalName}`, a.account.id))}`;
    }
    case "serviceControlPolicy":
      return `aws_organizations_policy.${tf}`;
    case "policyAttachment":
      return `aws_organizations_policy_attachment.${tf}${quoted(e.policy ?? "")}`;
    case "githubRole":
      return `aws_iam_role.${tf}`;
    case "githubRolePolicyAttachment":
      return `aws_iam_role_policy_attachment.${tf}${quoted(e.policy ?? "")}`;
    case "githubRoleInlinePolicy":
      return `aws_iam_role_policy.${tf}${quoted(e.policy ?? "")}`;
  }
}

/**
 * Terraform `import` blocks for objects that already exist in AWS (written by `keyless import`): the
 * first plan of an adopted organization imports them instead of failing to create them. Once they are
 * in state the blocks do nothing, so they can stay until the imports file is deleted.
 */
export function addImports(stack: TerraformStack, plan: WorkspacePlan): void {
  const imports = plan.imports ?? [];
  if (!imports.length) return;
  const blocks = imports.map((e) => ({ to: importAddress(e, plan), id: e.id }));
  blocks.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  stack.addOverride("import", blocks);
}
