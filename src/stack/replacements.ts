import { terraformName } from "../names";
import { cmp, diagnostic, Diagnostic } from "../diagnostics/diagnostic";
import type { AccessPlan } from "../plan";

/** A previously synthesized stack, as parsed from `cdktf.out/stacks/<workspace>/cdk.tf.json`. */
export type PreviousStacks = Readonly<Record<string, unknown>>;

interface Known {
  readonly workspace: string;
  readonly address: string;
  /** The key in the definitions, from the construct path cdktf records (`<ws>/permission_set_<key>/...`); the address when absent. */
  readonly key: string;
  readonly name: string;
}

/** `aws_ssoadmin_permission_set` address -> key and AWS name of one synthesized stack (tolerant of any shape). */
function permissionSetsOf(workspace: string, stack: unknown): Known[] {
  const sets = (stack as { resource?: { aws_ssoadmin_permission_set?: Record<string, { name?: unknown; "//"?: { metadata?: { path?: unknown } } }> } } | undefined)?.resource
    ?.aws_ssoadmin_permission_set;
  if (!sets || typeof sets !== "object") return [];
  return Object.entries(sets)
    .filter(([, r]) => r && typeof r.name === "string")
    .map(([address, r]) => {
      const path = r["//"]?.metadata?.path;
      const key = typeof path === "string" ? /^[^/]+\/permission_set_(.+)\/permission_set$/.exec(path)?.[1] : undefined;
      return { workspace, address, key: key ?? address, name: r.name as string };
    });
}

/**
 * Permission sets the new plan would replace, compared with the previous synthesized output. Pure:
 * give it the parsed previous stacks and the new plan. A replacement deletes the permission set and
 * recreates its `AWSReservedSSO_<name>_<suffix>` role in every account it is assigned to: users are
 * signed out and anything trusting the old role ARN breaks. Reported (KL313, warning) when:
 *
 * - the AWS name of a key changes (`name:` edited), or
 * - a permission set moves to another workspace (Terraform cannot move state between workspaces).
 *
 * Renaming the key alone replaces nothing: permission sets are addressed by their AWS name.
 */
export function permissionSetReplacements(previous: PreviousStacks, plan: AccessPlan): Diagnostic[] {
  const before = Object.keys(previous)
    .sort(cmp)
    .flatMap((ws) => permissionSetsOf(ws, previous[ws]));
  const after = new Map<string, { workspace: string; file: string; key: string; name: string }>();
  const byName = new Map<string, { workspace: string; file: string; key: string; name: string }>();
  for (const ws of plan.workspaces) {
    for (const ps of ws.identityCenter.permissionSets) {
      const now = { workspace: ws.name, file: ws.file, key: ps.key, name: ps.name };
      after.set(`${ws.name}\0${terraformName(ps.key)}`, now);
      byName.set(ps.name, now);
    }
  }
  const out: Diagnostic[] = [];
  for (const old of before) {
    const heir = byName.get(old.name);
    if (heir?.workspace === old.workspace) continue; // unchanged, or only the key was renamed
    if (heir) {
      out.push(
        diagnostic({
          code: "KL313",
          file: heir.file,
          path: ["identityCenter", "permissionSets", heir.key],
          message: `permission set "${old.name}" moves from workspace ${old.workspace} to workspace ${heir.workspace}: Terraform cannot move state between workspaces, so ${old.workspace} destroys it and ${heir.workspace} creates a new one, recreating its AWSReservedSSO_${old.name}_* role in every assigned account; users are signed out and policies that name the old role ARN stop working`,
          fix: `keep the permission set in workspace ${old.workspace}, or hand it over without a replacement (README, "Moving between workspaces"): in ${old.workspace} a removed block with lifecycle { destroy = false } for aws_ssoadmin_permission_set.${old.address} and its attachments, then in ${heir.workspace} import blocks (id PERMISSION_SET_ARN,INSTANCE_ARN)`,
        }),
      );
      continue;
    }
    const now = after.get(`${old.workspace}\0${terraformName(old.key)}`);
    if (!now) continue; // deleted
    out.push(
      diagnostic({
        code: "KL313",
        file: now.file,
        path: ["identityCenter", "permissionSets", now.key, "name"],
        message: `permission set ${now.key} is renamed from "${old.name}" to "${now.name}": AWS replaces it, recreating its AWSReservedSSO_${old.name}_* role as AWSReservedSSO_${now.name}_* in every assigned account; users are signed out and policies or EKS access entries that name the old role ARN stop working`,
        fix: `keep name: ${old.name} unless the replacement is intended; update everything that trusts the old role ARN before applying`,
      }),
    );
  }
  return out;
}
