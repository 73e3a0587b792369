import { terraformName } from "../names";
import { cmp, diagnostic, Diagnostic } from "../diagnostics/diagnostic";
import type { AccessPlan } from "../plan";

/** A previously synthesized stack, as parsed from `cdktf.out/stacks/<workspace>/cdk.tf.json`. */
export type PreviousStacks = Readonly<Record<string, unknown>>;

interface Known {
  readonly workspace: string;
  readonly address: string;
  readonly name: string;
}

/** `aws_ssoadmin_permission_set` address -> AWS name of one synthesized stack (tolerant of any shape). */
function permissionSetsOf(workspace: string, stack: unknown): Known[] {
  const sets = (stack as { resource?: { aws_ssoadmin_permission_set?: Record<string, { name?: unknown }> } } | undefined)?.resource?.aws_ssoadmin_permission_set;
  if (!sets || typeof sets !== "object") return [];
  return Object.entries(sets)
    .filter(([, r]) => r && typeof r.name === "string")
    .map(([address, r]) => ({ workspace, address, name: r.name as string }));
}

/**
 * Permission sets the new plan would replace, compared with the previous synthesized output. Pure:
 * give it the parsed previous stacks and the new plan. A replacement deletes the permission set and
 * recreates its `AWSReservedSSO_<name>_<suffix>` role in every account it is assigned to: users are
 * signed out and anything trusting the old role ARN breaks. Reported (KL313, warning) when:
 *
 * - the AWS name changes at the same address (`name:` edited), or
 * - an address disappears while another address (in any workspace) now carries its name (the key was
 *   renamed, or the permission set moved to another workspace).
 */
export function permissionSetReplacements(previous: PreviousStacks, plan: AccessPlan): Diagnostic[] {
  const before = Object.keys(previous).sort(cmp).flatMap((ws) => permissionSetsOf(ws, previous[ws]));
  const after = new Map<string, { workspace: string; file: string; key: string; name: string }>();
  for (const ws of plan.workspaces) {
    for (const ps of ws.identityCenter.permissionSets) after.set(`${ws.name}\0${terraformName(ps.key)}`, { workspace: ws.name, file: ws.file, key: ps.key, name: ps.name });
  }
  const beforeAt = new Set(before.map((b) => `${b.workspace}\0${b.address}`));
  const out: Diagnostic[] = [];
  for (const old of before) {
    const now = after.get(`${old.workspace}\0${old.address}`);
    if (now) {
      if (now.name === old.name) continue;
      out.push(diagnostic({
        code: "KL313",
        file: now.file,
        path: ["identityCenter", "permissionSets", now.key, "name"],
        message: `permission set ${old.address} is renamed from "${old.name}" to "${now.name}": AWS replaces it, recreating its AWSReservedSSO_${old.name}_* role as AWSReservedSSO_${now.name}_* in every assigned account; users are signed out and policies or EKS access entries that name the old role ARN stop working`,
        fix: `keep name: ${old.name} unless the replacement is intended; update everything that trusts the old role ARN before applying`,
      }));
      continue;
    }
    const heir = [...after.values()].find((a) => a.name === old.name && !beforeAt.has(`${a.workspace}\0${terraformName(a.key)}`));
    if (!heir) continue;
    const where = heir.workspace === old.workspace ? `key ${heir.key}` : `key ${heir.key} in workspace ${heir.workspace}`;
    out.push(diagnostic({
      code: "KL313",
      file: heir.file,
      path: ["identityCenter", "permissionSets", heir.key],
      message: `permission set "${old.name}" moves from ${old.workspace}:${old.address} to ${where}: Terraform destroys the old one and creates a new one, recreating its AWSReservedSSO_${old.name}_* role in every assigned account; users are signed out and policies that name the old role ARN stop working`,
      fix:
        heir.workspace === old.workspace
          ? `keep the key ${old.address} (change only name: to rename), or move the state first: terraform state mv 'aws_ssoadmin_permission_set.${old.address}' 'aws_ssoadmin_permission_set.${terraformName(heir.key)}', and the same for its policy attachments`
          : `keep the permission set in workspace ${old.workspace}, or move its state between workspaces (terraform state rm / import) before applying`,
    }));
  }
  return out;
}
