import { cmp } from "../diagnostics/diagnostic";

/**
 * A policy statement normalized for reading and diffing: every list sorted and de-duplicated,
 * conditions flattened to (operator, key, values). Works on any JSON keyless emits (identity
 * policies, trust policies, SCPs) and never throws: an unreadable document has no statements.
 */
export interface NormalStatement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  /** `Principal` as `type:value` (`Federated:arn:...`, `AWS:*`); empty when the policy names none. */
  readonly principals: readonly string[];
  readonly notPrincipals: readonly string[];
  /** Exactly one of actions / notActions is set (a document with both is rejected upstream). */
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  /** Absent in trust policies; `*` when the statement names every resource. */
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly conditions: readonly NormalCondition[];
}

export interface NormalCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const sorted = (xs: readonly string[]) => [...new Set(xs)].sort(cmp);

function principals(p: unknown): string[] {
  if (p === undefined) return [];
  if (typeof p === "string") return [`AWS:${p}`];
  return sorted(Object.entries(p as Record<string, unknown>).flatMap(([type, v]) => list(v).map((x) => `${type}:${x}`)));
}

/** The statements of a policy document given as minified JSON (or as an object). */
export function normalizePolicy(doc: string | object | undefined): NormalStatement[] {
  let parsed: unknown = doc;
  if (typeof doc === "string") {
    try {
      parsed = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  const st = (parsed as { Statement?: unknown } | undefined)?.Statement;
  const raw = Array.isArray(st) ? st : st ? [st] : [];
  return (raw as Record<string, unknown>[]).map((s) => {
    const conditions: NormalCondition[] = [];
    for (const [operator, byKey] of Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const [key, v] of Object.entries(byKey ?? {})) conditions.push({ operator, key, values: sorted(list(v)) });
    }
    conditions.sort((a, b) => cmp(a.key, b.key) || cmp(a.operator, b.operator));
    return {
      ...(typeof s.Sid === "string" && s.Sid ? { sid: s.Sid } : {}),
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      principals: principals(s.Principal),
      notPrincipals: principals(s.NotPrincipal),
      ...(s.Action !== undefined ? { actions: sorted(list(s.Action)) } : {}),
      ...(s.NotAction !== undefined ? { notActions: sorted(list(s.NotAction)) } : {}),
      ...(s.Resource !== undefined ? { resources: sorted(list(s.Resource)) } : {}),
      ...(s.NotResource !== undefined ? { notResources: sorted(list(s.NotResource)) } : {}),
      conditions,
    };
  });
}

/** `*` and `?` wildcards, as IAM matches them; `caseless` for action names. */
export function globMatch(pattern: string, value: string, caseless = false): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, caseless ? "is" : "s");
  return re.test(value);
}

/** Whether an action pattern covers another (`iam:*` covers `iam:Get*`; `*` covers everything). */
export const actionCovers = (pattern: string, action: string) => globMatch(pattern, action, true);

/** Whether a resource pattern covers another (`*` covers every ARN). */
export const resourceCovers = (pattern: string, resource: string) => globMatch(pattern, resource);

/** A statement's identity for pairing across versions: its Sid, else its position among Sid-less statements. */
export function statementLabel(s: NormalStatement, index: number): string {
  return s.sid ? `statement ${s.sid}` : `statement ${index + 1}`;
}

/**
 * Root-user-only: a condition that limits the statement to `arn:...:root` principals (the form an
 * SCP uses to deny actions to member-account root users).
 */
export function isRootOnly(s: NormalStatement): boolean {
  return s.conditions.some(
    (c) => c.key.toLowerCase() === "aws:principalarn" && /^(ArnLike|ArnEquals|StringLike|StringEquals)$/.test(c.operator) && c.values.length > 0 && c.values.every((v) => /:root$/.test(v)),
  );
}
