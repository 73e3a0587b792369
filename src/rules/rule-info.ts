/** How a finding counts: an error fails the run, a warning is reported. */
export type Severity = "error" | "warning";

/** The stage or area a rule belongs to; RULES.md groups rules by it. */
export type RuleCategory = "load" | "schema" | "reference" | "identity-center" | "guardrails" | "github-oidc" | "plan" | "acknowledgement" | "adoption" | "stack";

/**
 * How a finding of a rule can be acknowledged:
 * - `false`: never (fix the definition);
 * - `"acknowledgements"`: by a workspace's top-level `acknowledgements:` entry (rule, subject, reason);
 * - `"role-allow"`: by `allow.<kind>: "<reason>"` on the GitHub Actions role (see `allowKind`).
 */
export type Acknowledgeable = false | "acknowledgements" | "role-allow";

/** What the registry knows about one diagnostic code. */
export interface RuleInfo {
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** One line, lower case, no full stop. */
  readonly summary: string;
  /** Why it matters, with the AWS fact behind it. */
  readonly explanation: string;
  /** How to fix it. */
  readonly fix: string;
  readonly acknowledgeable: Acknowledgeable;
  /** For `role-allow`: the `allow` keys that acknowledge it. */
  readonly allowKinds?: readonly string[];
  /** Set when this version never reports the code (a schema check covers it); the id stays reserved. */
  readonly reserved?: string;
}

/** A registry entry as a catalog file writes it: by name, without the category (the file's maker adds it). */
export type RuleEntry = Omit<RuleInfo, "category" | "acknowledgeable"> & {
  /** @default the maker's default, else false */
  readonly acknowledgeable?: Acknowledgeable;
};

/**
 * The entry maker of one catalog file: `const scp = ruleMaker("guardrails")`, then
 * `KL401: scp({ severity: "error", summary, explanation, fix })`. `defaults` fills what an entry
 * leaves out (`acknowledgeable` is false unless given).
 */
export function ruleMaker(category: RuleCategory, defaults: Partial<RuleEntry> = {}): (entry: RuleEntry) => RuleInfo {
  return (entry) => ({ acknowledgeable: false, ...defaults, ...entry, category });
}
