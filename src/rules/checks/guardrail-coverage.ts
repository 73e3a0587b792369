import type { ScpPlan, WorkspacePlan } from "../../plan";
import { DENY_IAM_USERS } from "../../policy/deny-iam-users";
import type { Finding, InventoryAccountView, PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/** The SCPs that carry a workspace's deny-IAM-users guardrail (alone or merged), with their workspace. */
function denyIamUsersScps(ctx: Parameters<PlanRule["check"]>[0]): { scp: ScpPlan; workspace: WorkspacePlan }[] {
  return ctx.plan.workspaces.flatMap((w) => {
    const g = ctx.definitions.get(w.name)?.guardrails?.denyIamUsers;
    if (!g) return [];
    const name = g.policyName ?? DENY_IAM_USERS;
    return w.guardrails.policies.filter((p) => p.name === name || p.mergedFrom?.includes(name)).map((scp) => ({ scp, workspace: w }));
  });
}

/** Whether an SCP target reaches the account: the root, its OU or an ancestor OU, or the account itself. */
function reaches(scp: ScpPlan, a: InventoryAccountView): boolean {
  return scp.targets.some((t) => t.kind === "root" || (t.kind === "account" && t.name === a.name) || (t.kind === "ou" && (a.ou === t.name || a.ou.startsWith(`${t.name}/`))));
}

/**
 * KL412 and KL413, across every workspace: once any workspace declares the deny-IAM-users guardrail,
 * every active member account it does not reach (directly under the root, in an untargeted OU) is a
 * warning, and so is the management account, where SCPs never apply. Reported where the first
 * guardrail is declared; acknowledgeable per account.
 */
export const guardrailCoverage: PlanRule = {
  name: "guardrail-coverage",
  codes: ["KL412", "KL413"],
  check(ctx) {
    const scps = denyIamUsersScps(ctx);
    if (scps.length === 0) return [];
    const first = scps[0];
    const at = ["guardrails", "denyIamUsers", "targets"];
    const out: Finding[] = [];
    const accounts = [...ctx.inventory.accounts.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const a of accounts) {
      if (a.status !== "ACTIVE") continue;
      if (a.name === ctx.inventory.managementAccount) {
        out.push({
          code: "KL413",
          subject: subject.scpTarget(`account:${a.name}`),
          file: first.workspace.file,
          path: at,
          message: `the management account ${a.name} (${a.id}) is outside every guardrail: SCPs never apply there, so IAM users, access keys and its root user are not restricted`,
          fix: "keep the management account for Organizations and billing only (few people, hardware MFA, no IAM users), then acknowledge this finding",
        });
        continue;
      }
      if (scps.some(({ scp }) => reaches(scp, a))) continue;
      const where = a.ou === "" ? "directly under the root" : `in OU ${a.ou}`;
      out.push({
        code: "KL412",
        subject: subject.scpTarget(`account:${a.name}`),
        file: first.workspace.file,
        path: at,
        message: `active account ${a.name} (${a.id}, ${where}) is outside every deny-IAM-users guardrail (${scps.map((s) => `"${s.scp.name}" of ${s.workspace.file}`).join(", ")}): IAM users and long-lived credentials can still be created there`,
        fix:
          a.ou === ""
            ? "move the account into a targeted OU, or target the root or the account"
            : `add ${a.ou.includes("/") ? `${a.ou.split("/")[0]} (or ${a.ou})` : a.ou} to the guardrail's targets, or acknowledge the account`,
      });
    }
    return out;
  },
};
