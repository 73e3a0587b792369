/**
 * The bad-input corpus: definition sets that platform engineers really get wrong, each with the
 * diagnostic code it must produce. `__tests__/corpus.test.ts` compiles every case (compile only, no
 * synth) and checks that the code is reported (at `path`, in `file`, when given) with the severity
 * the code has, that an error means no plan, that every diagnostic is located and in the code table,
 * and that nothing throws. It also checks that every code in the table has a case.
 *
 * Adding a case: append to the area's array (one module per area; a new area gets a module and a line
 * in `CORPUS` below). A case is plain data:
 *
 *   {
 *     name: "permission set name with a space",          // unique; says what the mistake is
 *     files: { "org.yaml": org(["identityCenter", "permissionSets", "Read Only"], {}) },
 *     code: "KL105",                                      // must be reported
 *     path: '$.identityCenter.permissionSets["Read Only"]', // optional: where (formatPath form)
 *     file: "org.yaml",                                   // optional: which file
 *   }
 *
 * `files` maps paths inside a fresh definitions folder to objects (written as YAML, or JSON for
 * `.json`) or raw text; the inventory `shared/organization.yaml` defaults to the fixtures'
 * `inventory()`. Build them as small variations of the valid `base()` workspace (`org(...changes)`,
 * `inv(...changes)`, `vary`, `edit` in `base.ts`). Optional: `dir`, `evaluationDate`, `previous`
 * (see `case.ts`). A warning case must otherwise be valid: the test checks that it still compiles.
 *
 * Severities come from the rule registry (`src/rules/catalog/index.ts`): an error case must leave no plan,
 * a warning case must still compile. Every error and warning code of the registry needs a case, except
 * the codes it marks `reserved` (no input can produce them).
 */
import { adoptionCases } from "./adoption";
import type { CorpusCase } from "./case";
import { delegationCases } from "./delegation";
import { githubOidcCases } from "./github-oidc";
import { guardrailsCases } from "./guardrails";
import { identityCenterCases } from "./identity-center";
import { loadCases } from "./load";
import { referencesCases } from "./references";
import { rulesCases } from "./rules";
import { schemaCases } from "./schema";
import { stackCases } from "./stack";

export type { CorpusCase } from "./case";

/** Every case, by area. */
export const CORPUS: Readonly<Record<string, readonly CorpusCase[]>> = {
  load: loadCases,
  schema: schemaCases,
  references: referencesCases,
  "identity-center": identityCenterCases,
  guardrails: guardrailsCases,
  "github-oidc": githubOidcCases,
  rules: rulesCases,
  stack: stackCases,
  adoption: adoptionCases,
  delegation: delegationCases,
};

/**
 * Codes that report a failure of keyless itself, not a mistake in the definitions: no input can
 * produce them while keyless has no bug, so they need no case (their own tests inject the failure).
 */
export const INTERNAL_FAILURE_CODES: Readonly<Record<string, string>> = {
  KL699: "a plan rule threw; the runner's test injects a throwing rule",
};
