import type { PolicyStatement } from "../../../modules/generated/workspace";
import type { PermissionSetPlan, WorkspacePlan } from "../../plan";
import type { RuleContext } from "../plan-rule";

/** Statements of a minified policy document (the plan keeps policies as literal JSON). */
export function statements(policy: string | undefined): PolicyStatement[] {
  if (!policy) return [];
  const doc = JSON.parse(policy) as { Statement?: PolicyStatement | PolicyStatement[] };
  return doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** An Allow of every action (`*` or `*:*`), on any resource. */
export const allowsEveryAction = (s: PolicyStatement) => s.Effect === "Allow" && list(s.Action).some((a) => a === "*" || a === "*:*");

/** An Allow of every action on every resource: administrator access written by hand. */
export const isAdminStatement = (s: PolicyStatement) => allowsEveryAction(s) && list(s.Resource).includes("*") && s.Condition === undefined;

/** Why a permission set is an administrator one (AdministratorAccess, or an inline admin Allow), or undefined. */
export function adminReason(ps: PermissionSetPlan): string | undefined {
  if (ps.managedPolicyArns.some((arn) => /:iam::aws:policy\/AdministratorAccess$/.test(arn))) return "AdministratorAccess";
  if (statements(ps.inlinePolicy).some(isAdminStatement)) return "an inline Allow of every action on every resource";
  return undefined;
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
