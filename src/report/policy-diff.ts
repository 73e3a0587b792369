import { cmp } from "../diagnostics/diagnostic";
import { actionWords, conditionWords, resourceWords, statementWords } from "./policy-words";
import { NormalCondition, NormalStatement, normalizePolicy, PolicyKind, statementLabel, StatementPair } from "./statements";

export type { PolicyKind, StatementPair };
import { policyWidening } from "./widening";

export interface PolicyDelta {
  /** Per statement, in words; empty when the policies mean the same. */
  readonly details: readonly string[];
  /** Changes that grant something not granted before (or deny less), in words. */
  readonly widenings: readonly string[];
  /** Changes that take something away (or deny more). */
  readonly narrowings: readonly string[];
}

const key = (s: NormalStatement) => JSON.stringify(s);

/** Pairs the statements of two versions; statements present unchanged in both are left out. */
export function pairStatements(before: readonly NormalStatement[], after: readonly NormalStatement[]): StatementPair[] {
  const b = [...before];
  const a = [...after];
  // Unchanged statements (anywhere in the document) say nothing.
  for (let i = a.length - 1; i >= 0; i--) {
    const j = b.findIndex((x) => key(x) === key(a[i]));
    if (j >= 0) {
      b.splice(j, 1);
      a.splice(i, 1);
    }
  }
  const pairs: StatementPair[] = [];
  for (const s of [...a]) {
    if (!s.sid) continue;
    const j = b.findIndex((x) => x.sid === s.sid);
    pairs.push({ label: `statement ${s.sid}`, after: s, ...(j >= 0 ? { before: b[j] } : {}) });
    if (j >= 0) b.splice(j, 1);
    a.splice(a.indexOf(s), 1);
  }
  for (const s of [...a]) {
    const j = b.findIndex((x) => !x.sid && x.effect === s.effect);
    pairs.push({ label: statementLabel(s, after.indexOf(s)), after: s, ...(j >= 0 ? { before: b[j] } : {}) });
    if (j >= 0) b.splice(j, 1);
  }
  for (const s of b) pairs.push({ label: statementLabel(s, before.indexOf(s)), before: s });
  return pairs;
}

const minus = (x: readonly string[] = [], y: readonly string[] = []) => x.filter((v) => !y.includes(v));
const condKey = (c: NormalCondition) => `${c.operator}\u0000${c.key}`;

/** What changed inside one statement, in words. */
export function statementChanges(before: NormalStatement, after: NormalStatement): string[] {
  const out: string[] = [];
  if (before.effect !== after.effect) out.push(`effect ${before.effect} -> ${after.effect}`);
  if (!!before.notActions !== !!after.notActions) out.push(`actions ${actionWords(before)} -> ${actionWords(after)}`);
  else {
    const [x, y] = before.notActions ? [before.notActions, after.notActions] : [before.actions, after.actions];
    const verb = before.notActions ? ["no longer excepts action", "now excepts action"] : ["adds action", "removes action"];
    if (before.notActions) {
      out.push(...minus(y, x).map((v) => `${verb[1]} ${v}`), ...minus(x, y).map((v) => `${verb[0]} ${v}`));
    } else out.push(...minus(y, x).map((v) => `${verb[0]} ${v}`), ...minus(x, y).map((v) => `${verb[1]} ${v}`));
  }
  if (!!before.notResources !== !!after.notResources) out.push(`resources ${resourceWords(before) ?? "none"} -> ${resourceWords(after) ?? "none"}`);
  else if (before.notResources) {
    out.push(
      ...minus(after.notResources, before.notResources).map((v) => `now excepts resource ${v}`),
      ...minus(before.notResources, after.notResources).map((v) => `no longer excepts resource ${v}`),
    );
  } else out.push(...minus(after.resources, before.resources).map((v) => `adds resource ${v}`), ...minus(before.resources, after.resources).map((v) => `removes resource ${v}`));
  out.push(...minus(after.principals, before.principals).map((v) => `adds principal ${v}`), ...minus(before.principals, after.principals).map((v) => `removes principal ${v}`));
  const c0 = new Map(before.conditions.map((c) => [condKey(c), c]));
  const c1 = new Map(after.conditions.map((c) => [condKey(c), c]));
  for (const k of [...new Set([...c0.keys(), ...c1.keys()])].sort(cmp)) {
    const [x, y] = [c0.get(k), c1.get(k)];
    if (!x) out.push(`adds condition ${conditionWords(y!)}`);
    else if (!y) out.push(`removes condition ${conditionWords(x)}`);
    else {
      const added = minus(y.values, x.values);
      const removed = minus(x.values, y.values);
      if (added.length || removed.length) {
        const what = [added.length ? `adds ${added.join(", ")}` : "", removed.length ? `removes ${removed.join(", ")}` : ""].filter(Boolean).join(", ");
        out.push(`condition ${y.key} (${y.operator}) ${what}`);
      }
    }
  }
  return out;
}

/**
 * The statement-level difference of two versions of a policy (minified JSON; `undefined` for no
 * policy). `who` names the holder in widenings: "permission set ProdOperator", "SCP deny-regions".
 */
export function diffPolicy(kind: PolicyKind, who: string, before: string | undefined, after: string | undefined): PolicyDelta {
  const s0 = normalizePolicy(before);
  const s1 = normalizePolicy(after);
  const pairs = pairStatements(s0, s1);
  const details: string[] = [];
  for (const p of pairs) {
    if (p.before && p.after) {
      const changes = statementChanges(p.before, p.after);
      if (changes.length) details.push(`${p.label}: ${changes.join("; ")}`);
    } else if (p.after) details.push(`adds ${p.label}: ${statementWords(p.after)}`);
    else details.push(`removes ${p.label}: ${statementWords(p.before!)}`);
  }
  const { widenings, narrowings } = policyWidening(kind, who, pairs, s0);
  return { details, widenings, narrowings };
}
