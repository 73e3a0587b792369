import type { ImportEntry } from "../plan";

export interface ScpSnapshot {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Policy JSON as AWS returns it. */
  readonly content: string;
  /** Root, OU and account ids it is attached to. */
  readonly targets: readonly string[];
}

/** Where the inventory's root, OUs and accounts are, by id. */
export interface InventoryIds {
  readonly rootId: string;
  /** OU id -> path. */
  readonly ous: ReadonlyMap<string, string>;
  /** Account id -> name. */
  readonly accounts: ReadonlyMap<string, string>;
  readonly managementAccount: string;
}

export interface GuardrailAdoption {
  /** `guardrails.policies` of the workspace definition. */
  readonly policies: Record<string, unknown>;
  readonly imports: readonly ImportEntry[];
  readonly unmanaged: readonly string[];
}

/**
 * Customer-managed SCPs as `guardrails.policies` (by AWS name, targets by OU path and account name),
 * with import entries for each policy (`p-…`) and attachment (`TARGET_ID:POLICY_ID`).
 */
export function adoptGuardrails(scps: readonly ScpSnapshot[], inv: InventoryIds): GuardrailAdoption {
  const policies: Record<string, unknown> = {};
  const imports: ImportEntry[] = [];
  const unmanaged: string[] = [];
  for (const scp of scps) {
    if (!/^[\w+=,.@-]{1,128}$/.test(scp.name)) {
      unmanaged.push(`SCP ${scp.name} (${scp.id}): its name is not one keyless can declare`);
      continue;
    }
    let document: unknown;
    try {
      document = JSON.parse(scp.content);
    } catch {
      unmanaged.push(`SCP ${scp.name} (${scp.id}): its content is not JSON`);
      continue;
    }
    const key = `policy_${scp.name}`;
    const root = scp.targets.includes(inv.rootId);
    const ous: string[] = [];
    const accounts: string[] = [];
    const targetKeys: [string, string][] = [];
    if (root) targetKeys.push(["root", inv.rootId]);
    for (const t of scp.targets) {
      if (t === inv.rootId) continue;
      const ou = inv.ous.get(t);
      const account = inv.accounts.get(t);
      if (ou !== undefined) {
        ous.push(ou);
        targetKeys.push([`ou:${ou}`, t]);
      } else if (account !== undefined) {
        accounts.push(account);
        targetKeys.push([`account:${account}`, t]);
      } else unmanaged.push(`attachment of SCP ${scp.name} to ${t}: the target is not in the inventory (run keyless inventory pull)`);
    }
    if (!targetKeys.length) {
      unmanaged.push(`SCP ${scp.name} (${scp.id}): attached nowhere keyless knows; adopt it by attaching it, or delete it`);
      continue;
    }
    const targets: Record<string, unknown> = {};
    if (root) targets.root = true;
    if (ous.length) targets.organizationalUnits = ous.sort();
    if (accounts.length) targets.accounts = accounts.sort();
    policies[scp.name] = { description: scp.description, document, targets };
    imports.push({ kind: "serviceControlPolicy", key, id: scp.id });
    for (const [tk, id] of targetKeys) imports.push({ kind: "policyAttachment", key, policy: tk, id: `${id}:${scp.id}` });
  }
  return { policies, imports, unmanaged };
}
