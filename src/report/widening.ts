import { allowsPrivileged, isReadOnly, type PolicySource } from "../policy/model";
import { actionWords, conditionWords, isNegatedOperator, resourceWords } from "./policy-words";
import { actionCovers, isRootOnly, NormalCondition, NormalStatement, PolicyKind, resourceCovers, StatementPair } from "./statements";

/**
 * Whether a policy change grants more (widening) or less (narrowing), in words.
 *
 * Statement by statement, with the policy model's IAM matching (`actionMatches`, `wildcardMatch`):
 * an Allow adds (action, resource) pairs that no earlier Allow covered under the same or fewer
 * conditions; a Deny that loses actions, resources or values of a positive condition, or gains
 * exemptions, denies less. The whole-principal verdicts (privileged, read-only) are
 * `privilegeShift` below, from the model's `allowsPrivileged` and `isReadOnly`.
 */
export function policyWidening(
  kind: PolicyKind,
  who: string,
  pairs: readonly StatementPair[],
  before: readonly NormalStatement[] = pairs.flatMap((p) => (p.before ? [p.before] : [])),
): { widenings: string[]; narrowings: string[] } {
  const widenings: string[] = [];
  const narrowings: string[] = [];
  const can = kind === "trust" ? "can now be assumed" : kind === "scp" ? "now allows" : "can now call";
  const cannot = kind === "trust" ? "can no longer be assumed" : kind === "scp" ? "no longer allows" : "can no longer call";
  const scope = (s: NormalStatement) => (kind === "trust" ? `by ${s.principals.join(", ") || "anyone"}` : `${actionWords(s)}${resourceWords(s) ? ` on ${resourceWords(s)}` : ""}`);
  const denyScope = (s: Pick<NormalStatement, "actions" | "notActions" | "resources" | "notResources">) => `${actionWords(s)}${resourceWords(s) ? ` on ${resourceWords(s)}` : ""}`;

  for (const { before: b, after: a } of pairs) {
    if (a && (!b || b.effect !== a.effect)) {
      if (b) (b.effect === "Deny" ? widenings : narrowings).push(`${who} no longer ${b.effect === "Deny" ? "denies" : "allows"} ${denyScope(b)}`);
      if (a.effect === "Allow") {
        if (kind === "trust") widenings.push(`${who} can now be assumed ${scope(a)}${whenText(a.conditions)}`);
        else widenings.push(...newGrants(who, can, a, before));
      } else narrowings.push(`${who} now denies ${denyScope(a)}${isRootOnly(a) ? " to root users" : ""}`);
      continue;
    }
    if (b && !a) {
      if (b.effect === "Allow") narrowings.push(`${who} ${cannot} ${scope(b)}`);
      else widenings.push(`${who} no longer denies ${denyScope(b)}${isRootOnly(b) ? " to root users" : ""}`);
      continue;
    }
    if (!a || !b) continue;
    if (a.effect === "Allow") {
      if (kind === "trust") {
        for (const p of a.principals.filter((x) => !b.principals.includes(x))) widenings.push(`${who} can now be assumed by ${p}`);
        for (const p of b.principals.filter((x) => !a.principals.includes(x))) narrowings.push(`${who} can no longer be assumed by ${p}`);
      } else {
        widenings.push(...newGrants(who, can, a, before.filter((x) => x !== b).concat([{ ...b, conditions: a.conditions }])));
        narrowings.push(...lostGrants(who, cannot, b, a));
      }
      const scoped =
        kind === "trust"
          ? { now: `${who} can now be assumed`, neutral: `${who} can be assumed`, no: `${who} can no longer be assumed` }
          : { now: `${who} ${can} ${scope(a)}`, neutral: `${who} ${kind === "scp" ? "allows" : "can call"} ${scope(a)}`, no: `${who} ${cannot} ${scope(a)}` };
      conditionShift(a.conditions, b.conditions, "allow", scoped, widenings, narrowings, who);
    } else {
      const lostActions = b.actions && a.actions ? b.actions.filter((x) => !a.actions!.some((y) => actionCovers(y, x))) : [];
      const newActions = b.actions && a.actions ? a.actions.filter((x) => !b.actions!.some((y) => actionCovers(y, x))) : [];
      if (lostActions.length) widenings.push(`${who} no longer denies ${lostActions.join(", ")}${isRootOnly(b) ? " to root users" : ""}`);
      if (newActions.length) narrowings.push(`${who} now also denies ${newActions.join(", ")}`);
      if (b.notActions && a.notActions) {
        const excepted = a.notActions.filter((x) => !b.notActions!.some((y) => actionCovers(y, x)));
        const unexcepted = b.notActions.filter((x) => !a.notActions!.some((y) => actionCovers(y, x)));
        if (excepted.length) widenings.push(`${who} no longer denies ${excepted.join(", ")} (now excepted)`);
        if (unexcepted.length) narrowings.push(`${who} now also denies ${unexcepted.join(", ")}`);
      } else if (!!b.notActions !== !!a.notActions) widenings.push(`${who} now denies ${actionWords(a)} instead of ${actionWords(b)}`);
      const lostRes = (b.resources ?? []).filter((x) => !(a.resources ?? []).some((y) => resourceCovers(y, x)));
      if (lostRes.length) widenings.push(`${who} no longer denies ${denyScope({ ...b, resources: lostRes })}`);
      const newRes = (a.resources ?? []).filter((x) => !(b.resources ?? []).some((y) => resourceCovers(y, x)));
      if (newRes.length) narrowings.push(`${who} now also denies ${denyScope({ ...a, resources: newRes })}`);
      conditionShift(a.conditions, b.conditions, "deny", { now: who, neutral: who, no: who }, widenings, narrowings, who);
    }
  }
  return { widenings, narrowings };
}

const whenText = (cs: readonly NormalCondition[]) => (cs.length ? ` when ${cs.map(conditionWords).join(" and ")}` : "");
const condId = (c: NormalCondition) => `${c.operator}\u0000${c.key}`;

/** (action, resource) pairs `s` allows that no statement of `before` allowed under conditions no stricter. */
function newGrants(who: string, can: string, s: NormalStatement, before: readonly NormalStatement[]): string[] {
  const allows = before.filter((x) => x.effect === "Allow");
  // x is no stricter than s when each of x's conditions is one of s's, admitting at least the same
  // values (a positive operator: s's values among x's; a negated one: x's excluded values among s's).
  const within = (small: readonly string[], big: readonly string[]) => small.every((v) => big.includes(v));
  const weaker = (x: NormalStatement) =>
    x.conditions.every((c) => s.conditions.some((d) => condId(d) === condId(c) && (isNegatedOperator(c.operator) ? within(c.values, d.values) : within(d.values, c.values))));
  if (s.notActions || s.notResources || !s.actions) {
    const same = allows.some((x) => JSON.stringify({ ...x, sid: undefined }) === JSON.stringify({ ...s, sid: undefined }));
    return same ? [] : [`${who} ${can} ${actionWords(s)}${resourceWords(s) ? ` on ${resourceWords(s)}` : ""}${whenText(s.conditions)}`];
  }
  const byResources = new Map<string, string[]>();
  for (const r of s.resources ?? ["*"]) {
    const fresh = s.actions.filter(
      (act) =>
        !allows.some(
          (x) => weaker(x) && !x.notActions && !x.notResources && (x.actions ?? []).some((p) => actionCovers(p, act)) && (x.resources ?? ["*"]).some((p) => resourceCovers(p, r)),
        ),
    );
    if (!fresh.length) continue;
    const k = fresh.join(", ");
    byResources.set(k, [...(byResources.get(k) ?? []), r]);
  }
  return [...byResources.entries()].map(([acts, rs]) => `${who} ${can} ${acts} on ${rs.join(", ")}${whenText(s.conditions)}`);
}

/** What an Allow statement no longer grants after its change. */
function lostGrants(who: string, cannot: string, b: NormalStatement, a: NormalStatement): string[] {
  if (!b.actions || !a.actions) return [];
  const acts = b.actions.filter((x) => !a.actions!.some((y) => actionCovers(y, x)));
  const res = (b.resources ?? []).filter((x) => !(a.resources ?? []).some((y) => resourceCovers(y, x)));
  return [...(acts.length ? [`${who} ${cannot} ${acts.join(", ")}`] : []), ...(res.length ? [`${who} ${cannot} ${actionWords(b)} on ${res.join(", ")}`] : [])];
}

/** A pattern that matches every role (or every principal) of every account. */
function reach(pattern: string): "anyone" | "any role" | undefined {
  const probe = (arn: string) => resourceCovers(pattern, arn);
  if (probe("arn:aws:iam::123456789012:user/x") && probe("arn:aws:iam::123456789012:role/x")) return "anyone";
  if (
    probe("arn:aws:iam::123456789012:role/x") &&
    probe("arn:aws:iam::123456789012:role/a/b/x") &&
    probe("arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_x_1")
  )
    return "any role";
  return undefined;
}

/**
 * Conditions that changed between versions of one statement. On an Allow, a condition removed or a
 * positive condition with more values grants more; on a Deny, the same denies less, and a negated
 * condition (an exemption: `ArnNotLike aws:PrincipalArn`) with more values exempts more.
 */
function conditionShift(
  after: readonly NormalCondition[],
  before: readonly NormalCondition[],
  effect: "allow" | "deny",
  label: { readonly now: string; readonly neutral: string; readonly no: string },
  widenings: string[],
  narrowings: string[],
  who: string,
): void {
  const b = new Map(before.map((c) => [condId(c), c]));
  const a = new Map(after.map((c) => [condId(c), c]));
  const allow = effect === "allow";
  const exemption = (c: NormalCondition) => !allow && isNegatedOperator(c.operator) && c.key.toLowerCase() === "aws:principalarn";
  const rootOnly = (c: NormalCondition) => !allow && !isNegatedOperator(c.operator) && c.key.toLowerCase() === "aws:principalarn" && c.values.every((v) => /:root$/.test(v));
  for (const [id, c] of b) {
    if (a.has(id)) continue;
    if (allow) widenings.push(`${label.now} without the condition ${conditionWords(c)}`);
    else if (exemption(c)) narrowings.push(`${who} no longer exempts ${c.values.join(", ")}`);
    else if (rootOnly(c)) narrowings.push(`${who} now applies to every principal, not only root users`);
    else narrowings.push(`${who} now applies regardless of ${conditionWords(c)}`);
  }
  for (const [id, c] of a) {
    const old = b.get(id);
    if (!old) {
      if (allow) narrowings.push(`${label.neutral} only when ${conditionWords(c)}`);
      else if (exemption(c)) for (const v of c.values) widenings.push(reach(v) ? `${who} no longer applies to ${reach(v)} (it exempts ${v})` : `${who} newly exempts ${v}`);
      else if (rootOnly(c)) widenings.push(`${who} now applies only to root users`);
      else widenings.push(`${who} now applies only when ${conditionWords(c)}`);
      continue;
    }
    const added = c.values.filter((v) => !old.values.includes(v));
    const removed = old.values.filter((v) => !c.values.includes(v));
    const negated = isNegatedOperator(c.operator);
    const positive = negated ? c.operator.replace("Not", "") : c.operator;
    const phrase = (vs: readonly string[]) => conditionWords({ ...c, operator: positive, values: vs });
    if (allow) {
      // Allow when K is one of V: more values, more allowed. Allow when K is not one of V: fewer values, more allowed.
      const wider = negated ? removed : added;
      const narrower = negated ? added : removed;
      if (wider.length) widenings.push(`${label.now} when ${phrase(wider)}`);
      if (narrower.length) narrowings.push(`${label.no} when ${phrase(narrower)}`);
    } else if (negated) {
      const principalKey = c.key.toLowerCase() === "aws:principalarn";
      for (const v of added) {
        const r = principalKey ? reach(v) : undefined;
        widenings.push(r ? `${who} no longer applies to ${r} (it exempts ${v})` : principalKey ? `${who} newly exempts ${v}` : `${who} no longer applies when ${phrase([v])}`);
      }
      for (const v of removed) narrowings.push(principalKey ? `${who} no longer exempts ${v}` : `${who} now also applies when ${phrase([v])}`);
    } else {
      if (removed.length) widenings.push(`${who} no longer applies when ${phrase(removed)}`);
      if (added.length) narrowings.push(`${who} now also applies when ${phrase(added)}`);
    }
  }
}

/**
 * The semantic verdicts of the admin and read-only rules (`allowsPrivileged`, `isReadOnly` of the
 * one policy model) over everything a principal holds (managed policies by name or ARN, inline
 * documents), before and after: becoming privileged, or no longer read-only, is a widening.
 */
/** `allows a, b, c, d, e on any resource (...)` -> `allows a, b, c and 2 more privileged actions on any resource`. */
function shortReason(reason: string): string {
  return reason
    .replace(/^allows ([^()]+?) on any resource/, (_m, actions: string) => {
      const xs = actions.split(", ");
      return `allows ${xs.length > 3 ? `${xs.slice(0, 3).join(", ")} and ${xs.length - 3} more privileged actions` : actions} on any resource`;
    })
    .replace(/ \(statement [^()]*\)$/, "");
}

export function privilegeShift(who: string, before: readonly PolicySource[], after: readonly PolicySource[]): { widenings: string[]; narrowings: string[] } {
  const widenings: string[] = [];
  const narrowings: string[] = [];
  const [p0, p1] = [allowsPrivileged(before), allowsPrivileged(after)];
  if (p1.privileged && !p0.privileged) widenings.push(`${who} becomes privileged: ${p1.reasons.map(shortReason).join("; ")}`);
  if (p0.privileged && !p1.privileged) narrowings.push(`${who} is no longer privileged`);
  // A principal that held nothing was not "read-only": a new one is judged by the privileged verdict only.
  if (!before.length) return { widenings, narrowings };
  const [r0, r1] = [isReadOnly(before), isReadOnly(after)];
  if (r0.readOnly && !r1.readOnly) {
    const shown = r1.problems.slice(0, 3).map((p) => `${p.action} ${p.why}`);
    widenings.push(`${who} is no longer read-only: ${shown.join("; ")}${r1.problems.length > 3 ? ` and ${r1.problems.length - 3} more` : ""}`);
  }
  if (!r0.readOnly && r1.readOnly) narrowings.push(`${who} becomes read-only`);
  return { widenings, narrowings };
}
