import { cmp } from "../diagnostics/diagnostic";
import type { AccessReport } from "./model";

export const CSV_COLUMNS = ["principal type", "principal", "permission set", "permission set key", "account", "account id", "ou", "expires", "workspace", "source"] as const;

/**
 * One field: quoted when it holds a comma, quote or line break (RFC 4180), and prefixed with `'`
 * when a spreadsheet would read it as a formula (`=`, `+`, `-`, `@`, tab, carriage return).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The flat grant list auditors load into a spreadsheet: one row per principal x permission set x account. */
export function reportCsv(report: AccessReport): string {
  const rows = report.workspaces.flatMap((ws) =>
    ws.identityCenter.grants.map((g) => [
      g.principalType,
      g.principal,
      g.permissionSet,
      g.permissionSetKey,
      g.account,
      g.accountId,
      g.ou ?? "",
      g.expires ?? "",
      ws.name,
      g.source ?? ws.file,
    ]),
  );
  rows.sort((a, b) => cmp(a[1], b[1]) || cmp(a[0], b[0]) || cmp(a[2], b[2]) || cmp(a[4], b[4]) || cmp(a[8], b[8]));
  return [CSV_COLUMNS, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}
