import { IDENTITY_CENTER_LIMITS } from "../aws-limits";
import { cmp, Diagnostic } from "../diagnostics/diagnostic";
import { cell } from "./markdown";
import type { GithubRoleSummary, Grant, Hazard, HazardKind } from "./model";

/** Grants expiring within this many days are hazards (the schema's "reported" window). */
export const EXPIRING_WITHIN_DAYS = IDENTITY_CENTER_LIMITS.expiryWarningDays;

/**
 * How a warning shows in the report. Codes not listed are plain findings; `null` means the report
 * derives that hazard from the plan itself (with more detail), so the finding is not repeated.
 */
const KIND_BY_CODE: Readonly<Record<string, HazardKind | null>> = {
  KL313: "replacement",
  KL308: "expired",
  KL309: null,
  KL512: null,
};

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Hazards from a workspace's warnings (errors stop the report before it exists) and its grants. */
export function hazardsOf(diagnostics: readonly Diagnostic[], grants: readonly Grant[], roles: readonly GithubRoleSummary[], evaluationDate: string): Hazard[] {
  const out: Hazard[] = [];
  for (const r of roles) {
    for (const o of r.optIns) out.push({ kind: "opt-in", message: `GitHub role ${r.name} in ${r.account}: allow.${o.kind}: ${o.detail} (reason: ${o.reason})` });
  }
  for (const d of diagnostics) {
    // A finding accepted by an `acknowledgements:` entry stays listed, with its reason.
    const ack = (d as { acknowledgement?: { reason?: unknown } }).acknowledgement;
    if (ack) {
      out.push({ kind: "acknowledged", code: d.code, message: `${d.message} (reason: ${String(ack.reason)})`, where: d.line ? `${d.file}:${d.line}` : d.file });
      continue;
    }
    if (d.severity !== "warning") continue;
    const kind = d.code in KIND_BY_CODE ? KIND_BY_CODE[d.code] : "finding";
    if (kind === null) continue;
    out.push({ kind, code: d.code, message: d.message, where: d.line ? `${d.file}:${d.line}` : d.file });
  }
  const expiring = new Map<string, Grant[]>();
  for (const g of grants) {
    if (!g.expires) continue;
    const days = daysBetween(evaluationDate, g.expires);
    if (days < 0 || days > EXPIRING_WITHIN_DAYS) continue;
    const k = `${g.principalType} ${g.principal}\u0000${g.permissionSet}\u0000${g.expires}`;
    expiring.set(k, [...(expiring.get(k) ?? []), g]);
  }
  for (const gs of expiring.values()) {
    const g = gs[0];
    const days = daysBetween(evaluationDate, g.expires!);
    const accounts = gs.map((x) => x.account).sort(cmp);
    out.push({
      kind: "expiring",
      message: `${g.principalType} ${g.principal} loses ${g.permissionSet} in ${accounts.join(", ")} on ${g.expires} (in ${days} day(s))`,
    });
  }
  return out.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.where ?? "", b.where ?? "") || cmp(a.message, b.message));
}

const LABEL: Readonly<Record<HazardKind, string>> = {
  replacement: "replaced",
  expiring: "expiring",
  expired: "expired",
  "opt-in": "opt-in",
  acknowledged: "acknowledged",
  finding: "warning",
};

export function renderHazards(hazards: readonly Hazard[]): string[] {
  if (!hazards.length) return ["None."];
  return hazards.map((h) => `- **${LABEL[h.kind]}**${h.code ? ` ${h.code}` : ""}: ${cell(h.message)}${h.where ? ` (${cell(h.where)})` : ""}`);
}
