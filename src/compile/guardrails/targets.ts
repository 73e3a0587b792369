import type { AttachmentTargets } from "../../../modules/generated/workspace";
import { cmp, JsonPath } from "../../diagnostics/diagnostic";
import { ScpTargetPlan } from "../../plan";
import { WorkspaceContext } from "../context";

/**
 * Resolves SCP attachment targets to root, OU and account ids, sorted by key. Unknown OUs and accounts
 * are errors (KL202, KL201); the management account is a warning (KL403): SCPs never apply there.
 */
export function attachmentTargets(ctx: WorkspaceContext, t: AttachmentTargets, at: JsonPath): ScpTargetPlan[] {
  const { inventory, reporter, source } = ctx;
  const out = new Map<string, ScpTargetPlan>();
  if (t.root) out.set("root", { key: "root", kind: "root", name: "root", id: inventory.rootId, declaredAt: [...at, "root"] });
  (t.organizationalUnits ?? []).forEach((path, i) => {
    const declaredAt = [...at, "organizationalUnits", i];
    const ou = inventory.requireOu(path, source, declaredAt, reporter);
    if (ou) out.set(`ou:${path}`, { key: `ou:${path}`, kind: "ou", name: path, id: ou.id, declaredAt });
  });
  (t.accounts ?? []).forEach((ref, i) => {
    const declaredAt = [...at, "accounts", i];
    const a = inventory.requireAccount(ref, source, declaredAt, reporter);
    if (!a) return;
    if (a.name === inventory.managementAccount) {
      reporter.warn(
        "KL403",
        source,
        declaredAt,
        `"${a.name}" is the management account: SCPs never apply to it, so this attachment protects nothing`,
        "remove it and protect the management account by other means (few people, MFA, no workloads)",
      );
    }
    out.set(`account:${a.name}`, { key: `account:${a.name}`, kind: "account", name: a.name, id: a.id, declaredAt });
  });
  return [...out.values()].sort((a, b) => cmp(a.key, b.key));
}
