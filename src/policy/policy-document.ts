import type { PolicyDocument, PolicyStatement } from "../../modules/generated/workspace";
import { cmp } from "../diagnostics/diagnostic";

export const POLICY_VERSION = "2012-10-17";

/** Keys of a statement in the order AWS documents them; rendering always uses this order. */
const STATEMENT_KEYS = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"] as const;
const SORTED_LISTS = new Set(["Action", "NotAction", "Resource", "NotResource"]);

/** Problems a schema cannot express: each a sentence, empty when the document is sound. */
export function policyProblems(doc: PolicyDocument): { index: number; problem: string }[] {
  const out: { index: number; problem: string }[] = [];
  doc.Statement.forEach((s, index) => {
    if (s.Action !== undefined && s.NotAction !== undefined) out.push({ index, problem: "has both Action and NotAction; use one" });
    if (s.Action === undefined && s.NotAction === undefined) out.push({ index, problem: "has neither Action nor NotAction" });
    if (s.Resource !== undefined && s.NotResource !== undefined) out.push({ index, problem: "has both Resource and NotResource; use one" });
    if (s.Principal !== undefined && s.NotPrincipal !== undefined) out.push({ index, problem: "has both Principal and NotPrincipal; use one" });
  });
  const sids = doc.Statement.map((s) => s.Sid).filter((s): s is string => !!s);
  const dup = sids.find((s, i) => sids.indexOf(s) !== i);
  if (dup) out.push({ index: sids.lastIndexOf(dup), problem: `repeats Sid "${dup}"; Sids must be unique` });
  return out;
}

/**
 * The canonical form: Version first, statement keys in AWS order, action and resource lists sorted
 * and de-duplicated (their order has no meaning), condition operators and keys sorted. Statement
 * order is kept as written.
 */
export function canonicalPolicy(doc: PolicyDocument): PolicyDocument {
  const out: Record<string, unknown> = { Version: POLICY_VERSION };
  if (doc.Id !== undefined) out.Id = doc.Id;
  out.Statement = doc.Statement.map(canonicalStatement);
  return out as unknown as PolicyDocument;
}

function canonicalStatement(s: PolicyStatement): PolicyStatement {
  const out: Record<string, unknown> = {};
  for (const key of STATEMENT_KEYS) {
    const v = s[key];
    if (v === undefined) continue;
    if (SORTED_LISTS.has(key)) out[key] = sortList(v as string | string[]);
    else if (key === "Condition") out[key] = sortObject(v as object, 2);
    else if (key === "Principal" || key === "NotPrincipal") out[key] = typeof v === "string" ? v : sortObject(v as object, 1);
    else out[key] = v;
  }
  return out as unknown as PolicyStatement;
}

function sortList(v: string | string[]): string | string[] {
  if (typeof v === "string") return v;
  const sorted = [...new Set(v)].sort(cmp);
  return sorted.length === 1 ? sorted[0] : sorted;
}

function sortObject(o: object, depth: number): object {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort(cmp)) {
    const v = (o as Record<string, unknown>)[k];
    if (depth > 1 && v && typeof v === "object" && !Array.isArray(v)) out[k] = sortObject(v, depth - 1);
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = sortList(v as string[]);
    else out[k] = v;
  }
  return out;
}

/** Minified canonical JSON: what AWS receives and what its size limits count. */
export function renderPolicy(doc: PolicyDocument): string {
  return JSON.stringify(canonicalPolicy(doc));
}
