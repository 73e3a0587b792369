/** Small Markdown helpers shared by the report and diff renderers. */

/** Escapes what would break a table cell or start markup: `|`, backticks, `*`, `_`, `<`. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/([`*_<])/g, "\\$1").replace(/\n/g, " ");
}

/** Inline code, safe for any content (backticks in names are vanishingly rare, but possible). */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text.replace(/\|/g, "\\|")}${pad}${fence}`;
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
