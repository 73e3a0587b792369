import type { Assignment } from "../../../modules/generated/workspace";
import { cmp } from "../../diagnostics/diagnostic";
import { suggestion } from "../../diagnostics/suggest";
import { AssignmentPlan, PermissionSetLookup, PrincipalType } from "../../plan";
import { WorkspaceContext } from "../context";
import { daysBetween, laterExpiry, parseDate, todayUtc } from "./expiry";
import { IDENTITY_CENTER_LIMITS } from "../../aws-limits";
import { Principals } from "./principals";

export interface AssignmentsResult {
  readonly assignments: AssignmentPlan[];
  /** Permission sets of other workspaces that grants in force use: key -> AWS name and owner workspace. */
  readonly permissionSetLookups: Map<string, Omit<PermissionSetLookup, "key">>;
}

/**
 * Expands every assignment to principal x permission set x account grants, keyed by name so order
 * never matters; the same grant reached twice is one. Expired rules are left out (and reported),
 * rules expiring soon are reported.
 */
export function compileAssignments(ctx: WorkspaceContext, principals: Principals): AssignmentsResult {
  const { reporter, source, registry, inventory } = ctx;
  const ic = ctx.def.identityCenter ?? {};
  const today = ctx.options.evaluationDate && parseDate(ctx.options.evaluationDate) !== undefined ? ctx.options.evaluationDate : todayUtc();
  const grants = new Map<string, AssignmentPlan>();
  const permissionSetLookups = new Map<string, Omit<PermissionSetLookup, "key">>();

  (ic.assignments ?? []).forEach((a: Assignment, i) => {
    const at = ["identityCenter", "assignments", i];
    if (!a.groups?.length && !a.users?.length) {
      reporter.error("KL207", source, at, "the assignment names no groups and no users", "add groups: [<display name>] (or users: [<user name>])");
      return;
    }
    const who: { type: PrincipalType; name: string; at: (string | number)[] }[] = [];
    (a.groups ?? []).forEach((g, j) => principals.group(g, [...at, "groups", j]) && who.push({ type: "GROUP", name: g, at: [...at, "groups", j] }));
    (a.users ?? []).forEach((u, j) => principals.user(u, [...at, "users", j]) && who.push({ type: "USER", name: u, at: [...at, "users", j] }));

    const sets: string[] = [];
    const foreign = new Map<string, Omit<PermissionSetLookup, "key">>();
    a.permissionSets.forEach((key, j) => {
      const decl = registry.permissionSets.get(key);
      if (!decl) {
        reporter.error(
          "KL203",
          source,
          [...at, "permissionSets", j],
          `permission set "${key}" is not declared in any workspace`,
          suggestion(key, registry.permissionSets.keys(), "permission set"),
        );
        return;
      }
      if (decl.workspace !== ctx.name) foreign.set(key, { name: decl.name, workspace: decl.workspace });
      sets.push(key);
    });

    const accounts = inventory.expand(a.targets, source, [...at, "targets"], reporter);
    if (accounts.length === 0) {
      reporter.warn("KL208", source, [...at, "targets"], "the targets reach no active account, so this assignment grants nothing", "check the OU paths, tags and exclusions");
    }

    const count = who.length * sets.length * accounts.length;
    if (a.expires !== undefined) {
      if (parseDate(a.expires) === undefined) {
        reporter.error(
          "KL310",
          source,
          [...at, "expires"],
          `expires "${a.expires}" is not a calendar date`,
          "write the first day the grant no longer applies as YYYY-MM-DD, for example 2027-03-31",
        );
        return;
      }
      const days = daysBetween(today, a.expires);
      if (days <= 0) {
        reporter.warn(
          "KL308",
          source,
          [...at, "expires"],
          `this grant expired on ${a.expires} (evaluation date ${today}): its ${count} account assignment(s) are not emitted, so the next apply removes them`,
          "delete the assignment, or move expires to a later date to extend it",
        );
        return;
      }
      if (days <= IDENTITY_CENTER_LIMITS.expiryWarningDays) {
        reporter.warn(
          "KL309",
          source,
          [...at, "expires"],
          `this grant expires on ${a.expires}, in ${days} day(s) (evaluation date ${today}); from then on its ${count} account assignment(s) are removed by the next synth and apply`,
          "extend expires if the access is still needed, or let it lapse",
        );
      }
    }

    if (who.length && accounts.length) for (const [key, ref] of foreign) permissionSetLookups.set(key, ref);
    for (const p of who) {
      if (sets.length && accounts.length) principals.need(p.type, p.name);
      for (const ps of sets)
        for (const acct of accounts) {
          const key = `${p.type.toLowerCase()}:${p.name}/${ps}/${acct.name}`;
          const previous = grants.get(key);
          const expires = previous ? laterExpiry(previous.expires, a.expires) : a.expires;
          const declaredAt = previous?.declaredAt ?? p.at;
          grants.set(key, {
            key,
            principalType: p.type,
            principalName: p.name,
            permissionSet: ps,
            account: { name: acct.name, id: acct.id },
            ...(expires ? { expires } : {}),
            declaredAt,
          });
        }
    }
  });

  const assignments = [...grants.values()].sort((x, y) => cmp(x.key, y.key));
  return { assignments, permissionSetLookups };
}
