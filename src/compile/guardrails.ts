import type { AttachmentTargets } from "../../modules/generated/workspace";
import { cmp, JsonPath } from "../diagnostics/diagnostic";
import { denyIamUsersPolicy } from "../policy/deny-iam-users";
import { GuardrailsPlan, ScpPlan, ScpTargetPlan } from "../plan";
import { WorkspaceContext } from "./context";
import { renderChecked } from "./render-policy";

/** Service Control Policy limits (AWS-FACTS.md). */
export const SCP_LIMITS = {
  contentChars: 5_120,
  policiesPerTarget: 5,
} as const;

const DENY_IAM_USERS = "keyless-deny-iam-users";

export function collectGuardrails(ctx: WorkspaceContext): void {
  const g = ctx.def.guardrails;
  if (g?.denyIamUsers) {
    ctx.registry.scps.claim(g.denyIamUsers.policyName ?? DENY_IAM_USERS, { workspace: ctx.name, source: ctx.source, path: ["guardrails", "denyIamUsers"] }, ctx.reporter);
  }
}

export function compileGuardrails(ctx: WorkspaceContext): GuardrailsPlan {
  const g = ctx.def.guardrails;
  const policies: ScpPlan[] = [];
  if (g?.denyIamUsers) {
    const at = ["guardrails", "denyIamUsers"];
    const name = g.denyIamUsers.policyName ?? DENY_IAM_USERS;
    const exemptRoles = [...(g.denyIamUsers.exemptRoles ?? [])].sort(cmp);
    const doc = denyIamUsersPolicy({ partition: ctx.inventory.partition, exemptRoles });
    policies.push({
      key: "deny_iam_users",
      name,
      description: "keyless: deny IAM users and long-lived credentials" + (exemptRoles.length ? ` (exempt: ${exemptRoles.join(", ")})` : ""),
      content: renderChecked(ctx, doc, at, SCP_LIMITS.contentChars, "KL401"),
      targets: attachmentTargets(ctx, g.denyIamUsers.targets, [...at, "targets"]),
    });
  }
  return { policies };
}

/** Resolves SCP attachment targets to root, OU and account ids, sorted by key. */
export function attachmentTargets(ctx: WorkspaceContext, t: AttachmentTargets, at: JsonPath): ScpTargetPlan[] {
  const { inventory, reporter, source } = ctx;
  const out = new Map<string, ScpTargetPlan>();
  if (t.root) out.set("root", { key: "root", kind: "root", name: "root", id: inventory.rootId });
  (t.organizationalUnits ?? []).forEach((path, i) => {
    const ou = inventory.requireOu(path, source, [...at, "organizationalUnits", i], reporter);
    if (ou) out.set(`ou:${path}`, { key: `ou:${path}`, kind: "ou", name: path, id: ou.id });
  });
  (t.accounts ?? []).forEach((ref, i) => {
    const a = inventory.requireAccount(ref, source, [...at, "accounts", i], reporter);
    if (!a) return;
    if (a.name === inventory.managementAccount) {
      reporter.warn("KL403", source, [...at, "accounts", i], `"${a.name}" is the management account: SCPs never apply to it, so this attachment protects nothing`, "remove it and protect the management account by other means (few people, MFA, no workloads)");
    }
    out.set(`account:${a.name}`, { key: `account:${a.name}`, kind: "account", name: a.name, id: a.id });
  });
  return [...out.values()].sort((a, b) => cmp(a.key, b.key));
}
