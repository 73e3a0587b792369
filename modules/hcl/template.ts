/**
 * Terraform string templates, as they appear in JSON syntax (`"${aws_iam_role.x.arn}"`), turned into
 * native syntax. Literal text is escaped for a quoted string; `${…}`/`%{…}` sequences are copied as
 * they are (their expressions are the same in both syntaxes), and so are the `$${`/`%%{` escapes.
 */

/** Index just past the `}` that closes the interpolation whose expression starts at `i`. */
function skipExpression(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') i = skipQuoted(s, i + 1);
    else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      depth--;
      i++;
      if (depth === 0) return i;
    } else i++;
  }
  throw new Error(`keyless hcl: unterminated interpolation in ${JSON.stringify(s)}`);
}

/** Index just past the `"` that closes a quoted string (inside an expression) starting at `i`. */
function skipQuoted(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if ((c === "$" || c === "%") && s[i + 1] === "{") i = skipExpression(s, i + 2);
    else i++;
  }
  throw new Error(`keyless hcl: unterminated string in ${JSON.stringify(s)}`);
}

export type TemplatePart = { readonly literal: string } | { readonly sequence: string };

/** Splits a template into literal text and `${…}`/`%{…}` sequences (escapes stay in the literal text). */
export function templateParts(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if ((c === "$" || c === "%") && s[i + 1] === c && s[i + 2] === "{") {
      literal += s.slice(i, i + 3);
      i += 3;
    } else if ((c === "$" || c === "%") && s[i + 1] === "{") {
      if (literal) parts.push({ literal });
      literal = "";
      const end = skipExpression(s, i + 2);
      parts.push({ sequence: s.slice(i, end) });
      i = end;
    } else {
      literal += c;
      i++;
    }
  }
  if (literal) parts.push({ literal });
  return parts;
}

/** The expression of a template that is one interpolation and nothing else (`${x}` → `x`), else undefined. */
export function soleInterpolation(s: string): string | undefined {
  const parts = templateParts(s);
  if (parts.length !== 1 || !("sequence" in parts[0]) || !parts[0].sequence.startsWith("${")) return undefined;
  return parts[0].sequence.slice(2, -1).trim();
}

/** Whether the template has any `${…}`/`%{…}` sequence. */
export function hasSequences(s: string): boolean {
  return templateParts(s).some((p) => "sequence" in p);
}

/** A quoted native-syntax string with the same value as the JSON-syntax template `s`. */
export function quoteTemplate(s: string): string {
  let out = '"';
  for (const p of templateParts(s)) out += "sequence" in p ? p.sequence : escapeLiteral(p.literal);
  return out + '"';
}

function escapeLiteral(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out;
}
