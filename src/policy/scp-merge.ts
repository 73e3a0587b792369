import type { PolicyDocument } from "../../modules/generated/workspace";
import { POLICY_VERSION } from "./policy-document";

export interface NamedPolicy {
  readonly name: string;
  readonly document: PolicyDocument;
}

/**
 * Merges deny-only SCPs into one by concatenating their statements, in the order given. An explicit
 * Deny in any statement of any SCP at one level denies the request, so for Deny statements "one
 * policy with all statements" and "several policies side by side" mean the same thing. Returns why
 * not when they cannot be merged without editing them.
 */
export function mergeDenyPolicies(policies: readonly NamedPolicy[]): { document: PolicyDocument } | { reason: string } {
  const notDeny = policies.find((p) => p.document.Statement.some((s) => s.Effect !== "Deny"));
  if (notDeny) return { reason: `${notDeny.name} has an Allow statement` };
  const sids = new Map<string, string>();
  for (const p of policies) {
    for (const s of p.document.Statement) {
      if (!s.Sid) continue;
      const other = sids.get(s.Sid);
      if (other) return { reason: `${other} and ${p.name} both use Sid "${s.Sid}"` };
      sids.set(s.Sid, p.name);
    }
  }
  return { document: { Version: POLICY_VERSION, Statement: policies.flatMap((p) => p.document.Statement) } };
}
