import { ADOPTION_RULES } from "./adoption";
import { DELEGATION_RULES } from "./delegated-administration";
import { GITHUB_OIDC_RULES } from "./github-oidc";
import { GUARDRAIL_RULES } from "./guardrails";
import { IDENTITY_CENTER_RULES } from "./identity-center";
import { LOAD_RULES, SCHEMA_RULES } from "./load-and-schema";
import { PLAN_RULES } from "./plan-rules";
import { REFERENCE_RULES } from "./references";
import { STACK_RULES } from "./stack";
import type { RuleInfo } from "../rule-info";

/**
 * The rule registry: every diagnostic code keyless can report, with its severity (every diagnostic of
 * the code gets it: src/diagnostics/diagnostic.ts's factory), category,
 * summary, explanation, fix and whether a finding can be acknowledged. Codes are a contract: they
 * appear in CI logs and acknowledgements, so a code is never removed or reused for another meaning
 * (a test pins the list). RULES.md is generated from this table (`npm run gen:rules`).
 *
 * KL0xx loading, KL1xx schema, KL2xx names and references, KL3xx Identity Center, KL4xx Service
 * Control Policies, KL5xx GitHub OIDC, KL6xx rules over the plan and acknowledgements, KL7xx adopting existing AWS objects, KL8xx the Terraform shop (delegated administration, break-glass, variants), KL9xx the
 * Terraform stacks (providers, state continuity, plan cost).
 */
export const RULES = {
  ...LOAD_RULES,
  ...SCHEMA_RULES,
  ...REFERENCE_RULES,
  ...IDENTITY_CENTER_RULES,
  ...GUARDRAIL_RULES,
  ...GITHUB_OIDC_RULES,
  ...PLAN_RULES,
  ...ADOPTION_RULES,
  ...DELEGATION_RULES,
  ...STACK_RULES,
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** Every rule id, in code order. */
export const RULE_IDS: readonly RuleId[] = (Object.keys(RULES) as RuleId[]).sort();

export function ruleInfo(id: RuleId): RuleInfo {
  return RULES[id];
}

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
