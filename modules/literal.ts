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

/**
 * `value` with every string and every object key escaped by `literal`; numbers, booleans, null
 * unchanged. Copy on write: what holds nothing to escape is returned as it is (the same objects), so
 * a plan of 50,000 assignments costs a walk, not a copy.
 */
export function literalData<T>(value: T): T {
  if (typeof value === "string") return (value.includes("{") ? literal(value) : value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const escaped = literalData(value[i]);
      if (escaped !== value[i]) (out ??= value.slice())[i] = escaped;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === "object") {
    const source = value as Record<string, unknown>;
    const keys = Object.keys(source);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const key = k.includes("{") ? literal(k) : k;
      const escaped = literalData(source[k]);
      if (!out && (key !== k || escaped !== source[k])) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]] = source[keys[j]];
      }
      if (out) out[key] = escaped;
    }
    return (out ?? value) as T;
  }
  return value;
}
