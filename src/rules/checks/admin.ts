import type { PermissionSetPlan, WorkspacePlan } from "../../plan";
import { allowsPrivileged, coversAction, PolicySource, Statement, statementsOf } from "../../policy/model";
import type { RuleContext } from "../plan-rule";

/** Statements of a minified policy document (the plan keeps policies as literal JSON). */
export function statements(policy: string | undefined): readonly Statement[] {
  return statementsOf(policy);
}

/** An Allow of every action: `*`, `*:*`, or a NotAction Allow (every action but those listed). */
export const allowsEveryAction = (s: Statement): boolean => s.effect === "Allow" && coversAction(s, "*");

/** The policies a permission set's roles hold, for the policy model's semantic checks. */
export function permissionSetSources(ps: PermissionSetPlan): PolicySource[] {
  return [...ps.managedPolicyArns.map((arn) => ({ managed: arn })), ...(ps.inlinePolicy ? [{ document: ps.inlinePolicy, name: "inline policy" }] : [])];
}

/**
 * Why a permission set is an administrator one, decided semantically by the policy model: it allows
 * a privileged action (iam:*, a NotAction Allow, `*` under a condition that always holds,
 * IAMFullAccess, PowerUserAccess plus iam:PassRole...) on any resource. Undefined when it does not.
 */
export function adminReason(ps: PermissionSetPlan): string | undefined {
  if (ps.managedPolicyArns.some((arn) => /:iam::aws:policy\/AdministratorAccess$/.test(arn))) return "AdministratorAccess";
  const verdict = allowsPrivileged(permissionSetSources(ps));
  return verdict.privileged ? verdict.reasons.join("; ") : undefined;
}

/** Every permission set of the organization, by key, with the workspace that owns it. */
export function permissionSetsByKey(ctx: RuleContext): Map<string, { readonly plan: PermissionSetPlan; readonly workspace: WorkspacePlan }> {
  const out = new Map<string, { plan: PermissionSetPlan; workspace: WorkspacePlan }>();
  for (const w of ctx.plan.workspaces) for (const ps of w.identityCenter.permissionSets) out.set(ps.key, { plan: ps, workspace: w });
  return out;
}

/** rules.production, else true for a workspace named prod*. */
export function isProduction(ctx: RuleContext, workspace: string): boolean {
  return ctx.definitions.get(workspace)?.rules?.production ?? /^prod/i.test(workspace);
}
