import { cmp } from "../../diagnostics/diagnostic";

export type Effect = "Allow" | "Deny";

/** `Action` or `NotAction` (never both): the patterns as written, de-duplicated and sorted. */
export interface ActionBlock {
  readonly kind: "Action" | "NotAction";
  readonly patterns: readonly string[];
}

/** `Resource` or `NotResource`; absent in trust policies. */
export interface ResourceBlock {
  readonly kind: "Resource" | "NotResource";
  readonly patterns: readonly string[];
}

/** `Principal` or `NotPrincipal`: `"*"`, or principal type (AWS, Federated, Service...) to values. */
export interface PrincipalBlock {
  readonly kind: "Principal" | "NotPrincipal";
  readonly value: "*" | Readonly<Record<string, readonly string[]>>;
}

/** One operator/key pair of a Condition block, with its values as strings (IAM compares strings). */
export interface Condition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** A normalized statement: every list sorted, conditions sorted by operator then key. */
export interface Statement {
  /** Position in the document's Statement list. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  readonly actions: ActionBlock;
  readonly resources?: ResourceBlock;
  readonly principal?: PrincipalBlock;
  readonly conditions: readonly Condition[];
}

export interface Policy {
  readonly version?: string;
  readonly id?: string;
  readonly statements: readonly Statement[];
}

/** A document that breaks an invariant of the policy language; `path` is inside the document. */
export class PolicyModelError extends Error {
  constructor(
    message: string,
    readonly path: readonly (string | number)[],
  ) {
    super(message);
    this.name = "PolicyModelError";
  }
}

const STATEMENT_KEYS = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);

function strings(v: unknown, path: (string | number)[]): string[] {
  const list = Array.isArray(v) ? v : [v];
  return [
    ...new Set(
      list.map((x, i) => {
        if (typeof x !== "string") throw new PolicyModelError(`expected a string, found ${JSON.stringify(x)}`, Array.isArray(v) ? [...path, i] : path);
        return x;
      }),
    ),
  ].sort(cmp);
}

function pick<A extends string, B extends string>(raw: Record<string, unknown>, a: A, b: B, at: (string | number)[]): { kind: A | B; value: unknown } | undefined {
  const hasA = raw[a] !== undefined;
  const hasB = raw[b] !== undefined;
  if (hasA && hasB) throw new PolicyModelError(`has both ${a} and ${b}; use one`, at);
  if (hasA) return { kind: a, value: raw[a] };
  if (hasB) return { kind: b, value: raw[b] };
  return undefined;
}

/** Normalizes one raw statement; throws PolicyModelError on a broken invariant. */
export function parseStatement(raw: unknown, index: number): Statement {
  const at: (string | number)[] = ["Statement", index];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new PolicyModelError("a statement must be an object", at);
  const s = raw as Record<string, unknown>;
  const unknown = Object.keys(s).find((k) => !STATEMENT_KEYS.has(k));
  if (unknown !== undefined) throw new PolicyModelError(`has an unknown element ${JSON.stringify(unknown)}`, [...at, unknown]);
  if (s.Effect !== "Allow" && s.Effect !== "Deny") throw new PolicyModelError(`Effect must be Allow or Deny, found ${JSON.stringify(s.Effect)}`, [...at, "Effect"]);
  const actions = pick(s, "Action", "NotAction", at);
  if (!actions) throw new PolicyModelError("has neither Action nor NotAction", at);
  const resources = pick(s, "Resource", "NotResource", at);
  const principal = pick(s, "Principal", "NotPrincipal", at);
  const conditions: Condition[] = [];
  if (s.Condition !== undefined) {
    if (!s.Condition || typeof s.Condition !== "object" || Array.isArray(s.Condition)) throw new PolicyModelError("Condition must be an object", [...at, "Condition"]);
    for (const [operator, block] of Object.entries(s.Condition as Record<string, unknown>)) {
      if (!block || typeof block !== "object" || Array.isArray(block))
        throw new PolicyModelError(`Condition operator ${operator} must map keys to values`, [...at, "Condition", operator]);
      for (const [key, v] of Object.entries(block as Record<string, unknown>)) {
        const list = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
        conditions.push({ operator, key, values: [...new Set(list)].sort(cmp) });
      }
    }
    conditions.sort((a, b) => cmp(a.operator, b.operator) || cmp(a.key, b.key));
  }
  let principalBlock: PrincipalBlock | undefined;
  if (principal) {
    const v = principal.value;
    if (v === "*") principalBlock = { kind: principal.kind, value: "*" };
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      const out: Record<string, string[]> = {};
      for (const k of Object.keys(v).sort(cmp)) out[k] = strings((v as Record<string, unknown>)[k], [...at, principal.kind, k]);
      principalBlock = { kind: principal.kind, value: out };
    } else throw new PolicyModelError(`${principal.kind} must be "*" or an object`, [...at, principal.kind]);
  }
  return {
    index,
    ...(typeof s.Sid === "string" && s.Sid !== "" ? { sid: s.Sid } : {}),
    effect: s.Effect,
    actions: { kind: actions.kind, patterns: strings(actions.value, [...at, actions.kind]) },
    ...(resources ? { resources: { kind: resources.kind, patterns: strings(resources.value, [...at, resources.kind]) } } : {}),
    ...(principalBlock ? { principal: principalBlock } : {}),
    conditions,
  };
}

/**
 * Parses a policy document (an object, or its JSON text) into normalized statements. A single
 * statement object counts as a list of one. Throws PolicyModelError on a broken invariant (Action
 * with NotAction, no action, a malformed element).
 */
export function parsePolicy(input: unknown): Policy {
  const doc = typeof input === "string" ? (JSON.parse(input) as unknown) : input;
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new PolicyModelError("a policy document must be an object", []);
  const d = doc as Record<string, unknown>;
  const raw = d.Statement === undefined ? [] : Array.isArray(d.Statement) ? d.Statement : [d.Statement];
  return {
    ...(typeof d.Version === "string" ? { version: d.Version } : {}),
    ...(typeof d.Id === "string" ? { id: d.Id } : {}),
    statements: raw.map(parseStatement),
  };
}

/** The statements of a policy given as JSON text, an object or undefined (no statements). */
export function statementsOf(input: unknown): readonly Statement[] {
  return input === undefined || input === "" ? [] : parsePolicy(input).statements;
}

/** Back to the IAM JSON shape (stable key order), for rendering and round-trips. */
export function statementToJson(s: Statement): Record<string, unknown> {
  const one = (xs: readonly string[]) => (xs.length === 1 ? xs[0] : [...xs]);
  const out: Record<string, unknown> = {};
  if (s.sid !== undefined) out.Sid = s.sid;
  out.Effect = s.effect;
  if (s.principal) out[s.principal.kind] = s.principal.value === "*" ? "*" : Object.fromEntries(Object.entries(s.principal.value).map(([k, v]) => [k, one(v)]));
  out[s.actions.kind] = one(s.actions.patterns);
  if (s.resources) out[s.resources.kind] = one(s.resources.patterns);
  if (s.conditions.length) {
    const c: Record<string, Record<string, string | string[]>> = {};
    for (const { operator, key, values } of s.conditions) (c[operator] ??= {})[key] = one(values);
    out.Condition = c;
  }
  return out;
}

/** A stable identity for a statement: its Sid, else its canonical JSON without the Sid. */
export function statementKey(s: Statement): string {
  return s.sid !== undefined ? `sid:${s.sid}` : `json:${JSON.stringify(statementToJson(s))}`;
}
