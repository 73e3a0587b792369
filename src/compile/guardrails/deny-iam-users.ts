import { cmp } from "../../diagnostics/diagnostic";
import { suggestion } from "../../diagnostics/suggest";
import { describeExemptions, denyIamUsersPolicy, DenyIamUsersOptions } from "../../policy/deny-iam-users";
import { sortedTags, WorkspaceContext } from "../context";
import { renderChecked } from "../render-policy";
import { Guardrail } from "./guardrail";
import { fitDescription } from "./limits";
import { attachmentTargets } from "./targets";

export const DENY_IAM_USERS = "keyless-deny-iam-users";

/** The built-in guardrail `guardrails.denyIamUsers`, with its exemptions resolved. */
export function compileDenyIamUsers(ctx: WorkspaceContext): Guardrail[] {
  const g = ctx.def.guardrails?.denyIamUsers;
  if (!g) return [];
  const at = ["guardrails", "denyIamUsers"];
  const exemptPermissionSets: string[] = [];
  (g.exemptPermissionSets ?? []).forEach((key, i) => {
    const decl = ctx.registry.permissionSets.get(key);
    if (decl) exemptPermissionSets.push(decl.name);
    else ctx.reporter.error("KL203", ctx.source, [...at, "exemptPermissionSets", i], `permission set "${key}" is not declared in any workspace, so its roles cannot be exempted`, suggestion(key, ctx.registry.permissionSets.keys(), "permission set"));
  });
  const options: DenyIamUsersOptions = {
    partition: ctx.inventory.partition,
    exemptRoles: [...(g.exemptRoles ?? [])].sort(cmp),
    exemptPermissionSets: [...new Set(exemptPermissionSets)].sort(cmp),
    exemptPrincipalTags: sortedTags(g.exemptPrincipalTags),
    allowKeyStatusChanges: g.allowKeyStatusChanges ?? false,
  };
  const document = denyIamUsersPolicy(options);
  const exemptions = describeExemptions(options);
  return [
    {
      document,
      plan: {
        key: "deny_iam_users",
        name: g.policyName ?? DENY_IAM_USERS,
        description: fitDescription("keyless: deny IAM users and long-lived credentials" + (exemptions.length ? `; exempt: ${exemptions.join("; ")}` : "")),
        content: renderChecked(ctx, document, at),
        targets: attachmentTargets(ctx, g.targets, [...at, "targets"]),
        exemptions,
        declaredAt: at,
      },
    },
  ];
}
