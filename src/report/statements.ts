import { cmp } from "../diagnostics/diagnostic";
import { actionMatches, PolicyModelError, statementsOf, wildcardMatch, type Statement as ModelStatement } from "../policy/model";

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

const principals = (p: ModelStatement["principal"]): string[] =>
  !p
    ? []
    : p.value === "*"
      ? ["AWS:*"]
      : Object.entries(p.value)
          .flatMap(([type, vs]) => vs.map((v) => `${type}:${v}`))
          .sort(cmp);

/**
 * The statements of a policy document (minified JSON or an object), read by the one policy model
 * (`src/policy/model`). A document the model rejects is reported where it is validated; here it has
 * no statements.
 */
export function normalizePolicy(doc: string | object | undefined): NormalStatement[] {
  let statements: readonly ModelStatement[];
  try {
    statements = statementsOf(doc);
  } catch (e) {
    if (e instanceof PolicyModelError || e instanceof SyntaxError) return [];
    throw e;
  }
  return statements.map((s) => {
    const p = s.principal;
    return {
      ...(s.sid ? { sid: s.sid } : {}),
      effect: s.effect,
      principals: p?.kind === "Principal" ? principals(p) : [],
      notPrincipals: p?.kind === "NotPrincipal" ? principals(p) : [],
      ...(s.actions.kind === "Action" ? { actions: s.actions.patterns } : { notActions: s.actions.patterns }),
      ...(s.resources ? (s.resources.kind === "Resource" ? { resources: s.resources.patterns } : { notResources: s.resources.patterns }) : {}),
      conditions: [...s.conditions].sort((a, b) => cmp(a.key, b.key) || cmp(a.operator, b.operator)),
    };
  });
}

/** Whether an action pattern covers another (`iam:*` covers `iam:Get*`; `*` covers everything): IAM's matching, from the model. */
export const actionCovers = (pattern: string, action: string) => actionMatches(pattern, action);

/** Whether a resource pattern covers another (`*` covers every ARN). */
export const resourceCovers = (pattern: string, resource: string) => wildcardMatch(pattern, resource);

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
    (c) =>
      c.key.toLowerCase() === "aws:principalarn" &&
      /^(ArnLike|ArnEquals|StringLike|StringEquals)$/.test(c.operator) &&
      c.values.length > 0 &&
      c.values.every((v) => /:root$/.test(v)),
  );
}

/** Which kind of policy changed: each reads differently ("can call" or "can be assumed"). */
export type PolicyKind = "inline" | "trust" | "scp";

/** Two versions of one statement (matched by Sid, else by position among the Sid-less ones of the same effect). */
export interface StatementPair {
  readonly label: string;
  readonly before?: NormalStatement;
  readonly after?: NormalStatement;
}
