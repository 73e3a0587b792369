import type { AccountTargets } from "../../modules/generated/workspace";
import type { Organization, OrganizationalUnit } from "../../modules/generated/organization";
import { JsonPath } from "../diagnostics/diagnostic";
import { suggestion } from "../diagnostics/suggest";
import { SourceFile } from "../load/source-file";
import { AccountRef } from "../plan";
import { Reporter } from "./reporter";

export interface InventoryAccount extends AccountRef {
  /** OU path, "" for the root. */
  readonly ou: string;
  readonly status: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED" | "PENDING_ACTIVATION";
  readonly tags: Readonly<Record<string, string>>;
  readonly attachedPolicies: readonly string[];
}

export interface InventoryOu {
  readonly path: string;
  readonly id: string;
  readonly attachedPolicies: readonly string[];
}

/** The organization inventory, indexed for lookups and target expansion. */
export class Inventory {
  readonly accounts = new Map<string, InventoryAccount>();
  readonly accountsById = new Map<string, InventoryAccount>();
  readonly ous = new Map<string, InventoryOu>();
  readonly partition: string;
  readonly rootId: string;
  readonly rootAttachedPolicies: readonly string[];
  readonly managementAccount: string;
  /** Customer-managed policies by `/path/name`: the names of the accounts they exist in. */
  readonly customerManagedPolicies = new Map<string, ReadonlySet<string>>();
  /** Whether the inventory says where customer-managed policies exist (then every reference is checked). */
  readonly tracksCustomerManagedPolicies: boolean = false;

  constructor(
    readonly source: SourceFile,
    reporter: Reporter,
  ) {
    const org = source.data as Organization;
    this.partition = org.partition ?? "aws";
    this.rootId = org.root.id;
    this.rootAttachedPolicies = org.root.attachedPolicies ?? [];
    this.managementAccount = org.managementAccount;
    const ouIds = new Map<string, string>();
    const walk = (ous: Record<string, OrganizationalUnit> | undefined, prefix: string, path: JsonPath) => {
      for (const [name, ou] of Object.entries(ous ?? {})) {
        const full = prefix ? `${prefix}/${name}` : name;
        const at = [...path, name];
        if (ouIds.has(ou.id)) {
          reporter.error("KL206", source, [...at, "id"], `OU id ${ou.id} is also the id of OU "${ouIds.get(ou.id)}"`, "give each OU its own id");
        }
        ouIds.set(ou.id, full);
        this.ous.set(full, { path: full, id: ou.id, attachedPolicies: ou.attachedPolicies ?? [] });
        walk(ou.organizationalUnits, full, [...at, "organizationalUnits"]);
      }
    };
    walk(org.organizationalUnits, "", ["organizationalUnits"]);

    for (const [name, a] of Object.entries(org.accounts)) {
      const ou = a.ou ?? "";
      if (ou && !this.ous.has(ou)) {
        reporter.error(
          "KL202",
          source,
          ["accounts", name, "ou"],
          `account "${name}" is in OU "${ou}", which the inventory does not declare`,
          suggestion(ou, [...this.ous.keys()], "OU"),
        );
      }
      const other = this.accountsById.get(a.id);
      if (other) {
        reporter.error("KL206", source, ["accounts", name, "id"], `account id ${a.id} is also the id of account "${other.name}"`, "each account id appears once");
      }
      const account: InventoryAccount = {
        name,
        id: a.id,
        ou,
        status: a.status ?? "ACTIVE",
        tags: a.tags ?? {},
        attachedPolicies: a.attachedPolicies ?? [],
      };
      this.accounts.set(name, account);
      this.accountsById.set(a.id, account);
    }
    for (const [id, where] of Object.entries(org.customerManagedPolicies ?? {})) {
      const at = ["customerManagedPolicies", id];
      const present = new Set<string>();
      if (where.organization) for (const a of this.accounts.values()) present.add(a.name);
      (where.organizationalUnits ?? []).forEach((ou, i) => {
        if (!this.requireOu(ou, source, [...at, "organizationalUnits", i], reporter)) return;
        for (const a of this.accounts.values()) if (Inventory.inOu(a, ou, true)) present.add(a.name);
      });
      (where.accounts ?? []).forEach((ref, i) => {
        const a = this.requireAccount(ref, source, [...at, "accounts", i], reporter);
        if (a) present.add(a.name);
      });
      this.customerManagedPolicies.set(id, present);
    }
    if (org.customerManagedPolicies) this.tracksCustomerManagedPolicies = true;
    if (!this.accounts.has(org.managementAccount)) {
      reporter.error(
        "KL206",
        source,
        ["managementAccount"],
        `management account "${org.managementAccount}" is not one of the accounts`,
        suggestion(org.managementAccount, [...this.accounts.keys()], "account"),
      );
    }
  }

  /** An account by name or 12-digit id. */
  account(ref: string): InventoryAccount | undefined {
    return this.accounts.get(ref) ?? this.accountsById.get(ref);
  }

  /** Looks an account up, reporting KL201 when it is unknown. */
  requireAccount(ref: string, source: SourceFile, path: JsonPath, reporter: Reporter): InventoryAccount | undefined {
    const a = this.account(ref);
    if (!a) {
      reporter.error("KL201", source, path, `account "${ref}" is not in the organization inventory (${this.source.file})`, suggestion(ref, [...this.accounts.keys()], "account"));
    }
    return a;
  }

  requireOu(path: string, source: SourceFile, at: JsonPath, reporter: Reporter): InventoryOu | undefined {
    const ou = this.ous.get(path);
    if (!ou) {
      reporter.error("KL202", source, at, `organizational unit "${path}" is not in the organization inventory (${this.source.file})`, suggestion(path, [...this.ous.keys()], "OU"));
    }
    return ou;
  }

  /** Whether an account sits in `ou` (or, when recursive, anywhere below it). */
  static inOu(account: InventoryAccount, ou: string, recursive: boolean): boolean {
    return account.ou === ou || (recursive && account.ou.startsWith(ou + "/"));
  }

  /**
   * Expands assignment targets to accounts, sorted by name. Management, suspended and closed accounts
   * are left out (the management account can be asked for). Unknown names are reported.
   */
  /** Accounts by OU path, directly in it (`direct`) or anywhere below it (`below`), in inventory order; built on first use. */
  private byOu?: { direct: Map<string, InventoryAccount[]>; below: Map<string, InventoryAccount[]> };

  /** The accounts in `ou` (and its descendants when `recursive`), in inventory order: what filtering every account by inOu gives. */
  accountsInOu(ou: string, recursive: boolean): readonly InventoryAccount[] {
    if (!this.byOu) {
      const direct = new Map<string, InventoryAccount[]>();
      const below = new Map<string, InventoryAccount[]>();
      for (const a of this.accounts.values()) {
        if (!a.ou) continue;
        (direct.get(a.ou) ?? direct.set(a.ou, []).get(a.ou)!).push(a);
        const parts = a.ou.split("/");
        for (let n = 1; n <= parts.length; n++) {
          const prefix = parts.slice(0, n).join("/");
          (below.get(prefix) ?? below.set(prefix, []).get(prefix)!).push(a);
        }
      }
      this.byOu = { direct, below };
    }
    return (recursive ? this.byOu.below : this.byOu.direct).get(ou) ?? [];
  }

  expand(targets: AccountTargets, source: SourceFile, at: JsonPath, reporter: Reporter): InventoryAccount[] {
    const chosen = new Map<string, InventoryAccount>();
    const recursive = targets.recursive ?? true;
    if (targets.organization) for (const a of this.accounts.values()) chosen.set(a.name, a);
    (targets.organizationalUnits ?? []).forEach((ou, i) => {
      if (!this.requireOu(ou, source, [...at, "organizationalUnits", i], reporter)) return;
      for (const a of this.accountsInOu(ou, recursive)) chosen.set(a.name, a);
    });
    (targets.accounts ?? []).forEach((ref, i) => {
      const a = this.requireAccount(ref, source, [...at, "accounts", i], reporter);
      if (a) chosen.set(a.name, a);
    });
    if (targets.tags) {
      const want = Object.entries(targets.tags);
      for (const a of this.accounts.values()) if (want.every(([k, v]) => a.tags[k] === v)) chosen.set(a.name, a);
    }
    (targets.exclude?.accounts ?? []).forEach((ref, i) => {
      const a = this.requireAccount(ref, source, [...at, "exclude", "accounts", i], reporter);
      if (a) chosen.delete(a.name);
    });
    (targets.exclude?.organizationalUnits ?? []).forEach((ou, i) => {
      if (!this.requireOu(ou, source, [...at, "exclude", "organizationalUnits", i], reporter)) return;
      for (const a of [...chosen.values()]) if (Inventory.inOu(a, ou, true)) chosen.delete(a.name);
    });
    if (!targets.includeManagementAccount) chosen.delete(this.managementAccount);
    return [...chosen.values()].filter((a) => a.status === "ACTIVE").sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  }
}
