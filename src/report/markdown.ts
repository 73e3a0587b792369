/** Small Markdown helpers shared by the report and diff renderers. */

/**
 * Plain text safe anywhere in a GitHub comment, table cells included: Markdown punctuation is
 * backslash-escaped (`|`, backticks, `*`, `_`, `~`, `[`, `]`, `<`), `&` cannot start an entity,
 * line breaks become spaces, and `@name` does not notify anyone (a zero-width space follows `@`).
 */
export function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/&/g, "&amp;")
    .replace(/([|`*_~[\]<])/g, "\\$1")
    .replace(/@/g, "@&#8203;")
    .replace(/\r?\n|\r/g, " ");
}

/** Inline code, safe for any content: the fence is longer than any run of backticks inside; line breaks become spaces. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** A GitHub-flavoured Markdown table; cells are taken as already escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}

/** `ReadOnlyAccess` for an AWS managed policy ARN; other ARNs unchanged. */
export function policyName(arn: string): string {
  const m = /^arn:[a-z-]+:iam::aws:policy\/(.+)$/.exec(arn);
  return m ? m[1] : arn;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
