import { diagnostic, Diagnostic } from "../../diagnostics/diagnostic";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch of a YYYY-MM-DD calendar date (UTC), or undefined when it is no date. */
export function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/** Today in UTC as YYYY-MM-DD: the default evaluation date. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD, valid). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to)! - parseDate(from)!) / DAY_MS);
}

/** The later of two expiries, where undefined means "never expires". */
export function laterExpiry(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return undefined;
  return a > b ? a : b;
}

/** KL311 for an evaluation date given on the command line that is not a calendar date. */
export function checkEvaluationDate(date: string | undefined): Diagnostic | undefined {
  if (date === undefined || parseDate(date) !== undefined) return undefined;
  return diagnostic({
    code: "KL311",
    file: "--date",
    message: `evaluation date "${date}" is not a calendar date, expected YYYY-MM-DD`,
    fix: "pass --date as YYYY-MM-DD, for example --date 2026-11-01, or leave it out to use today (UTC)",
  });
}
