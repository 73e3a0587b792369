import { cmp } from "../../diagnostics/diagnostic";
import { GuardrailsPlan } from "../../plan";
import { WorkspaceContext } from "../context";
import { compileCustomPolicies } from "./custom-policies";
import { compileDenyIamUsers, DENY_IAM_USERS } from "./deny-iam-users";
import { mergeGuardrails } from "./merge";

export { SCP_LIMITS, FULL_AWS_ACCESS } from "../../aws-limits";
export { attachmentTargets } from "./targets";

/** Phase 1: claim the SCP names this workspace owns (one owner per SCP across all workspaces). */
export function collectGuardrails(ctx: WorkspaceContext): void {
  const g = ctx.def.guardrails;
  const claim = (name: string, path: string[]) => ctx.registry.scps.claim(name, { workspace: ctx.name, source: ctx.source, path }, ctx.reporter);
  if (g?.denyIamUsers) claim(g.denyIamUsers.policyName ?? DENY_IAM_USERS, ["guardrails", "denyIamUsers"]);
  for (const name of Object.keys(g?.policies ?? {}).sort(cmp)) claim(name, ["guardrails", "policies", name]);
  if (g?.rootAccessManagement)
    ctx.registry.organizationFeatures.claim(ROOT_ACCESS_MANAGEMENT, { workspace: ctx.name, source: ctx.source, path: ["guardrails", "rootAccessManagement"] }, ctx.reporter);
}

/** The registry key of the organization-wide root access management (one owner, like an SCP name). */
const ROOT_ACCESS_MANAGEMENT = "centralized root access management";

/** Phase 2: the workspace's SCPs, validated, rendered and (when asked) merged. */
export function compileGuardrails(ctx: WorkspaceContext): GuardrailsPlan {
  const guardrails = [...compileDenyIamUsers(ctx), ...compileCustomPolicies(ctx)];
  const root = ctx.def.guardrails?.rootAccessManagement;
  const deny = ctx.def.guardrails?.denyIamUsers;
  return {
    policies: mergeGuardrails(ctx, guardrails),
    ...(root
      ? {
          rootAccessManagement: {
            features: [...new Set(root.features ?? ["RootCredentialsManagement", "RootSessions"])].sort(cmp),
            rootUserDenied: !!deny && deny.allow?.rootUser === undefined,
            declaredAt: ["guardrails", "rootAccessManagement"],
          },
        }
      : {}),
  };
}
