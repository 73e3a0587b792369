/**
 * Terraform reads every string of its JSON syntax, object keys included, as a template: `${...}` is
 * an interpolation and `%{...}` a directive. A literal that holds them (an IAM policy variable such
 * as `${aws:username}`, a description) must be escaped as `$${` and `%%{` to reach AWS verbatim.
 *
 * The boundary: everything in the AccessPlan is a literal (the plan is plain data, with no Terraform
 * expression), and EnvironmentStack escapes the whole plan once, with `literalData`, before any
 * construct sees it. Expressions keyless writes itself (`${local.x}`, references, iterators) are made
 * after that boundary and are never escaped. Constructs used directly as a library take Terraform
 * strings, like cdktf's own: pass literals through `literal`.
 */
export function literal(text: string): string {
  return text.replace(/\$\{/g, "$$${").replace(/%\{/g, "%%{");
}

/** `value` with every string and every object key escaped by `literal`; numbers, booleans, null unchanged. */
export function literalData<T>(value: T): T {
  if (typeof value === "string") return literal(value) as T;
  if (Array.isArray(value)) return value.map(literalData) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[literal(k)] = literalData(v);
    return out as T;
  }
  return value;
}
