import { RULES, RuleId } from "../rules/catalog";

/**
 * Every diagnostic code keyless can report, with its one-line summary. Derived from the rule registry
 * (src/rules/catalog/index.ts), which holds the severity, explanation, fix and acknowledgeability of each.
 * Codes are a contract: they appear in CI logs and acknowledgements, so a code is never reused for
 * another meaning.
 *
 * KL0xx loading, KL1xx schema, KL2xx names and references, KL3xx Identity Center,
 * KL4xx Service Control Policies, KL5xx GitHub OIDC, KL6xx rules over the plan and acknowledgements.
 */
export const CODES: { readonly [K in RuleId]: string } = Object.fromEntries(Object.entries(RULES).map(([id, r]) => [id, r.summary])) as { [K in RuleId]: string };

export type DiagnosticCode = RuleId;
