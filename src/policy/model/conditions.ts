import type { Condition } from "./statement";

/** Global keys IAM sets on every request context (so `Null: false` on them always holds). */
const ALWAYS_PRESENT = new Set(["aws:principalarn", "aws:principalaccount", "aws:currenttime", "aws:epochtime", "aws:userid", "aws:principaltype"]);

/**
 * Whether a condition holds for every request, so a statement guarded only by such conditions is as
 * good as unconditional: a `*` under StringLike/ArnLike (and their IfExists forms), `Null: false` on a
 * key IAM always sets, a time condition in the distant past. Anything else is taken as restricting
 * (conservative for "does this policy allow X", which is what the semantic checks ask).
 */
export function conditionAlwaysTrue(c: Condition): boolean {
  const op = c.operator;
  const key = c.key.toLowerCase();
  if (/^(StringLike|ArnLike)(IfExists)?$/.test(op)) return c.values.includes("*");
  if (op === "Null") return c.values.length === 1 && c.values[0] === "false" && ALWAYS_PRESENT.has(key);
  if (/^Date(GreaterThan|GreaterThanEquals)$/.test(op) && key === "aws:currenttime") return c.values.length > 0 && c.values.every((v) => v < "2000");
  if (/^Numeric(GreaterThan|GreaterThanEquals)$/.test(op) && key === "aws:epochtime") return c.values.length > 0 && c.values.every((v) => Number(v) <= 0);
  return false;
}

/** Every condition of a statement always holds (true for a statement without conditions). */
export function conditionsAlwaysTrue(conditions: readonly Condition[]): boolean {
  return conditions.every(conditionAlwaysTrue);
}
