/**
 * What keyless reads from AWS, as plain data. `src/aws/` fills these in (the only code that talks to
 * AWS); everything in `src/brownfield/` is a pure function over them, tested without a network.
 */

/** Account states: AWS Organizations' `State` (2026), with the legacy `Status` values mapped onto it. */
export type AccountState = "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED" | "PENDING_ACTIVATION";

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly state: AccountState;
  /** Id of the root or OU the account sits in. */
  readonly parentId: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Names of the SCPs attached directly to the account. */
  readonly policies: readonly string[];
}

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
  readonly policies: readonly string[];
}

export interface OrgSnapshot {
  readonly rootId: string;
  readonly rootPolicies: readonly string[];
  readonly managementAccountId: string;
  readonly ous: readonly OrgUnit[];
  readonly accounts: readonly OrgAccount[];
}

/** Legacy `Status` (ACTIVE, SUSPENDED, PENDING_CLOSURE) and 2026 `State` values, to one state. */
export function accountState(state: string | undefined, status: string | undefined): AccountState {
  const s = state ?? status ?? "ACTIVE";
  const known: readonly AccountState[] = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED", "PENDING_ACTIVATION"];
  return (known as readonly string[]).includes(s) ? (s as AccountState) : "SUSPENDED";
}
