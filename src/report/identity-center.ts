import { cmp } from "../diagnostics/diagnostic";
import type { AccessPlan, PermissionSetPlan, WorkspacePlan } from "../plan";
import { cell, code, policyName, table } from "./markdown";
import type { Grant, IdentityCenterReport, PermissionSetSummary } from "./model";
import { labelledStatement } from "./policy-words";
import { normalizePolicy } from "./statements";

/** Permission set key -> AWS name, over every workspace (each set has one owner). */
export function permissionSetNames(plan: AccessPlan): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const ws of plan.workspaces) {
    for (const l of ws.identityCenter.permissionSetLookups) if (!names.has(l.key)) names.set(l.key, l.name);
  }
  for (const ws of plan.workspaces) for (const ps of ws.identityCenter.permissionSets) names.set(ps.key, ps.name);
  return names;
}

/** Finds the line of a JSON path in a workspace file, for grant sources (`file:line`). */
export type Locator = (file: string, path: readonly (string | number)[]) => number | undefined;

export function identityCenterReport(ws: WorkspacePlan, names: ReadonlyMap<string, string>, ous?: ReadonlyMap<string, string>, locate?: Locator): IdentityCenterReport {
  const grants: Grant[] = ws.identityCenter.assignments.map((a) => {
    const line = a.declaredAt && locate ? locate(ws.file, a.declaredAt) : undefined;
    return {
      key: a.key,
      principalType: a.principalType === "GROUP" ? "group" : "user",
      principal: a.principalName,
      permissionSetKey: a.permissionSet,
      permissionSet: names.get(a.permissionSet) ?? a.permissionSet,
      account: a.account.name,
      accountId: a.account.id,
      ...(ous?.has(a.account.name) ? { ou: ous.get(a.account.name)! } : {}),
      ...(a.expires ? { expires: a.expires } : {}),
      ...(a.declaredAt ? { source: line ? `${ws.file}:${line}` : ws.file } : {}),
    };
  });
  grants.sort((x, y) => cmp(x.key, y.key));
  const permissionSets = [...ws.identityCenter.permissionSets].sort((x, y) => cmp(x.key, y.key)).map(summarize);
  return { grants, permissionSets };
}

function summarize(ps: PermissionSetPlan): PermissionSetSummary {
  const b = ps.permissionsBoundary;
  const boundary = b?.managedPolicyArn ? policyName(b.managedPolicyArn) : b?.customerManagedPolicy ? `${b.customerManagedPolicy.path}${b.customerManagedPolicy.name}` : undefined;
  return {
    key: ps.key,
    name: ps.name,
    sessionDuration: ps.sessionDuration,
    policies: [...ps.managedPolicyArns.map(policyName), ...(ps.customerManagedPolicies ?? []).map((c) => `${c.path}${c.name}`)],
    inlinePolicy: ps.inlinePolicy !== undefined,
    ...(ps.inlinePolicy !== undefined ? { inlinePolicyDocument: ps.inlinePolicy, inlineStatements: normalizePolicy(ps.inlinePolicy).map(labelledStatement) } : {}),
    ...(boundary ? { permissionsBoundary: boundary } : {}),
  };
}

export const principalLabel = (g: Pick<Grant, "principalType" | "principal">) => `${g.principalType === "group" ? "group" : "user"} ${g.principal}`;

/** A grant in words, for lists: `group Developers: PowerUser in app-dev (444444444403)`. */
export function grantLine(g: Grant): string {
  const ps = g.permissionSet === g.permissionSetKey ? g.permissionSet : `${g.permissionSet} (key ${g.permissionSetKey})`;
  return `${cell(principalLabel(g))}: **${cell(ps)}** in ${code(g.account)} (${g.accountId})${g.expires ? `, until ${g.expires}` : ""}`;
}

/**
 * Who has what where, as a matrix: one row per account, one column per principal, each cell the
 * permission sets that principal has there (with the expiry date of grants that expire).
 */
export function renderIdentityCenter(ic: IdentityCenterReport): string[] {
  const out: string[] = [];
  if (!ic.grants.length) out.push("No account assignments.");
  else {
    const principals = [...new Set(ic.grants.map(principalLabel))].sort(cmp);
    const accounts = [...new Map(ic.grants.map((g) => [g.account, g.accountId])).entries()].sort((a, b) => cmp(a[0], b[0]));
    const cells = new Map<string, string[]>();
    for (const g of ic.grants) {
      const k = `${g.account}\u0000${principalLabel(g)}`;
      cells.set(k, [...(cells.get(k) ?? []), `${cell(g.permissionSet)}${g.expires ? ` (until ${g.expires})` : ""}`]);
    }
    out.push(
      ...table(
        ["account", ...principals.map(cell)],
        accounts.map(([name, id]) => [`${code(name)} ${id}`, ...principals.map((p) => (cells.get(`${name}\u0000${p}`) ?? []).sort(cmp).join(", ") || "·")]),
      ),
    );
  }
  if (ic.permissionSets.length) {
    out.push("", "Permission sets owned here:", "");
    out.push(
      ...table(
        ["permission set", "session", "policies", "boundary"],
        ic.permissionSets.map((p) => [
          p.name === p.key ? cell(p.name) : `${cell(p.name)} (key ${cell(p.key)})`,
          p.sessionDuration,
          [...p.policies.map(cell), ...(p.inlinePolicy ? ["inline policy"] : [])].join(", ") || "·",
          p.permissionsBoundary ? cell(p.permissionsBoundary) : "·",
        ]),
      ),
    );
    const inline = ic.permissionSets.filter((p) => p.inlineStatements?.length);
    if (inline.length) out.push("", "Inline policies:", "", ...inline.flatMap((p) => p.inlineStatements!.map((s) => `- ${cell(p.name)}: ${cell(s)}`)));
  }
  return out;
}
