import { isRootOnly, NormalCondition, NormalStatement } from "./statements";

/**
 * Policies in words, for reviewers: `Deny everything except iam:Get*, iam:List* on * unless
 * aws:PrincipalArn matches arn:aws:iam::*:role/BreakGlass`. Plain text: renderers escape it.
 */

const VERB: Readonly<Record<string, string>> = {
  StringEquals: "is",
  StringNotEquals: "is not",
  StringEqualsIgnoreCase: "is (any case)",
  StringNotEqualsIgnoreCase: "is not (any case)",
  StringLike: "matches",
  StringNotLike: "does not match",
  ArnEquals: "is",
  ArnNotEquals: "is not",
  ArnLike: "matches",
  ArnNotLike: "does not match",
  NumericEquals: "=",
  NumericNotEquals: "≠",
  NumericLessThan: "<",
  NumericLessThanEquals: "≤",
  NumericGreaterThan: ">",
  NumericGreaterThanEquals: "≥",
  DateEquals: "is",
  DateNotEquals: "is not",
  DateLessThan: "is before",
  DateLessThanEquals: "is at or before",
  DateGreaterThan: "is after",
  DateGreaterThanEquals: "is at or after",
  Bool: "is",
  BinaryEquals: "is",
  IpAddress: "is in",
  NotIpAddress: "is not in",
};

/** Negated operators: on a Deny they describe who or what is left out (an exemption). */
export const isNegatedOperator = (op: string) => /^(StringNot|ArnNot|NotIpAddress|NumericNotEquals|DateNotEquals)/.test(op.replace(/^For(Any|All)Values:/, ""));

const oneOrMany = (values: readonly string[]) => (values.length === 1 ? values[0] : `one of ${values.join(", ")}`);

/** One condition in words: `aws:RequestedRegion is not one of eu-west-1, eu-central-1`. */
export function conditionWords(c: NormalCondition): string {
  const set = /^ForAnyValue:/.exec(c.operator) ? "any of " : /^ForAllValues:/.exec(c.operator) ? "every one of " : "";
  const base = c.operator.replace(/^For(Any|All)Values:/, "");
  const ifExists = base.endsWith("IfExists");
  const op = ifExists ? base.slice(0, -"IfExists".length) : base;
  let text: string;
  if (op === "Null") text = c.values.length === 1 ? `${c.key} is ${c.values[0] === "true" ? "absent" : "present"}` : `${c.key} Null ${c.values.join(", ")}`;
  else text = `${set}${c.key} ${VERB[op] ?? op} ${oneOrMany(c.values)}`;
  return ifExists ? `${text} (when present)` : text;
}

/** `everything except a, b, c` for NotAction, `a, b` for Action. */
export function actionWords(s: Pick<NormalStatement, "actions" | "notActions">): string {
  if (s.notActions) return `everything except ${s.notActions.join(", ")}`;
  const a = s.actions ?? [];
  return a.length === 1 && a[0] === "*" ? "every action" : a.join(", ");
}

export function resourceWords(s: Pick<NormalStatement, "resources" | "notResources">): string | undefined {
  if (s.notResources) return `every resource except ${s.notResources.join(", ")}`;
  if (!s.resources) return undefined;
  return s.resources.length === 1 && s.resources[0] === "*" ? "*" : s.resources.join(", ");
}

/** Who a statement applies to, when it says: root users only, or the principals it names. */
function principalWords(s: NormalStatement): string | undefined {
  if (isRootOnly(s)) return "root users only";
  if (s.principals.length) return s.principals.join(", ");
  if (s.notPrincipals.length) return `everyone except ${s.notPrincipals.join(", ")}`;
  return undefined;
}

/**
 * A statement in one line. On a Deny, negated conditions read as `unless` (they are its
 * exemptions); other conditions read as `when`. The root-only condition is said once, as such.
 */
export function statementWords(s: NormalStatement): string {
  const who = principalWords(s);
  const on = resourceWords(s);
  const conditions = isRootOnly(s) ? s.conditions.filter((c) => !(c.key.toLowerCase() === "aws:principalarn" && !isNegatedOperator(c.operator))) : s.conditions;
  const unless = s.effect === "Deny" ? conditions.filter((c) => isNegatedOperator(c.operator)) : [];
  const when = conditions.filter((c) => !unless.includes(c));
  const parts = [
    `${s.effect} ${actionWords(s)}`,
    on !== undefined ? `on ${on}` : "",
    who ? `for ${who}` : "",
    when.length ? `when ${when.map(conditionWords).join(" and ")}` : "",
    unless.length ? `unless ${unless.map((c) => conditionWords({ ...c, operator: c.operator.replace(/Not/, "").replace(/^NotIpAddress$/, "IpAddress") })).join(" or ")}` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

/** A statement with its label: `DenyRegions: Deny ...` or just the words when it has no Sid. */
export function labelledStatement(s: NormalStatement): string {
  return s.sid ? `${s.sid}: ${statementWords(s)}` : statementWords(s);
}
