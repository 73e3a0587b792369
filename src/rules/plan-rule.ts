import type { Workspace } from "../../modules/generated/workspace";
import type { JsonPath } from "../diagnostics/diagnostic";
import type { AccessPlan, AccountRef } from "../plan";
import type { RuleId } from "./catalog";

/** What a plan rule found: the runner locates it (file + JSON path -> line) and adds the registry's severity. */
export interface Finding {
  readonly code: RuleId;
  /** Stable, name-derived subject (see subjects.ts); what an acknowledgement names. */
  readonly subject: string;
  /** Definition file (a WorkspacePlan's `file`, or the inventory's). */
  readonly file: string;
  readonly path: JsonPath;
  readonly message: string;
  readonly fix?: string;
}

/**
 * What a rule reads of the organization inventory: the indexed, read-only data of src/compile/inventory.ts's
 * `Inventory` (which satisfies it), declared here so that rules do not depend on the compiler.
 */
export interface InventoryView {
  /** The inventory's definition file. */
  readonly source: { readonly file: string };
  readonly partition: string;
  readonly rootId: string;
  readonly managementAccount: string;
  readonly rootAttachedPolicies: readonly string[];
  /** By name. */
  readonly accounts: ReadonlyMap<string, InventoryAccountView>;
  readonly accountsById: ReadonlyMap<string, InventoryAccountView>;
  /** By path (`workloads/prod`). */
  readonly ous: ReadonlyMap<string, { readonly path: string; readonly id: string; readonly attachedPolicies: readonly string[] }>;
  /** Customer-managed policies by `/path/name`: the names of the accounts they exist in. */
  readonly customerManagedPolicies: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether the inventory says where customer-managed policies exist. */
  readonly tracksCustomerManagedPolicies: boolean;
}

export interface InventoryAccountView extends AccountRef {
  /** OU path, "" for the root. */
  readonly ou: string;
  /** The account's state in AWS Organizations; only ACTIVE accounts get access. */
  readonly status: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED" | "PENDING_ACTIVATION";
  readonly tags: Readonly<Record<string, string>>;
  readonly attachedPolicies: readonly string[];
}

/** What a plan rule sees besides the plan: read-only. */
export interface RuleContext {
  readonly plan: AccessPlan;
  readonly inventory: InventoryView;
  /** Each workspace's definition (for its `rules:` settings and declarations the plan leaves out), by name. */
  readonly definitions: ReadonlyMap<string, Workspace>;
}

/** One rule over the compiled plan: a pure function returning findings. */
export interface PlanRule {
  /** kebab-case, the file name under src/rules/checks/. */
  readonly name: string;
  /** The codes it can report. */
  readonly codes: readonly RuleId[];
  /**
   * Run even when compiling reported errors. For rules that are exact on whatever did compile (quota
   * counts and sizes), so their errors are collected with every other error in one run. Other rules
   * wait for a complete plan: on a partial one, "never assigned" would be noise. @default false
   */
  readonly alsoOnErrors?: boolean;
  readonly check: (ctx: RuleContext) => readonly Finding[];
}
