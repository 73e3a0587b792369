import { Fn, TerraformIterator, TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";

export interface AccountAssignmentEntry {
  /** `group:<name>/<permission set>/<account>`: the for_each key and so the Terraform address. */
  readonly key: string;
  readonly principalType: "GROUP" | "USER";
  /** `group:<name>` or `user:<name>`, a key of principalIds. */
  readonly principal: string;
  /** A key of permissionSetArns. */
  readonly permissionSet: string;
  readonly accountId: string;
}

export interface AccountAssignmentsProps {
  readonly instanceArn: string;
  /** `group:<name>` / `user:<name>` -> principal id expression. */
  readonly principalIds: Readonly<Record<string, string>>;
  /** Permission set key -> ARN expression. */
  readonly permissionSetArns: Readonly<Record<string, string>>;
  readonly assignments: readonly AccountAssignmentEntry[];
}

/**
 * Every account assignment of a workspace as one `for_each` resource keyed by
 * principal/permission set/account: reordering definitions never moves an address, and 50,000
 * assignments stay one construct.
 */
export class AccountAssignments extends Construct {
  private readonly resource: SsoadminAccountAssignment;
  private readonly entries: Readonly<Record<string, Readonly<Record<string, string>>>>;

  constructor(scope: Construct, id: string, props: AccountAssignmentsProps) {
    super(scope, id);
    const principals = new TerraformLocal(this, "principal_ids", { ...props.principalIds });
    principals.overrideLogicalId("principal_ids");
    const sets = new TerraformLocal(this, "permission_set_arns", { ...props.permissionSetArns });
    sets.overrideLogicalId("permission_set_arns");

    const entries: Record<string, Record<string, string>> = {};
    for (const a of props.assignments) {
      entries[a.key] = { principal: a.principal, principal_type: a.principalType, permission_set: a.permissionSet, account_id: a.accountId };
    }
    const it = TerraformIterator.fromMap(entries);
    const assignment = new SsoadminAccountAssignment(this, "assignments", {
      forEach: it,
      instanceArn: props.instanceArn,
      principalType: it.getString("principal_type"),
      principalId: Fn.lookup(principals.asAnyMap, it.getString("principal")),
      permissionSetArn: Fn.lookup(sets.asAnyMap, it.getString("permission_set")),
      targetType: "AWS_ACCOUNT",
      targetId: it.getString("account_id"),
    });
    assignment.overrideLogicalId("this");
    this.resource = assignment;
    this.entries = entries;
  }

  /**
   * For `synthesize` (modules/synth.ts) only: synthesizes `marker` where the for_each map goes and
   * returns the map's JSON as cdktf writes it there (keys sorted, two-space indent continuing the
   * marker line's `indent`), to be put in place of the marker. cdktf resolves a map token by token,
   * three times over: about 1.5 s at 50,000 entries, against milliseconds for JSON.stringify. The
   * bytes written are the same (bench/ compares them).
   */
  deferForEach(marker: string): (indent: string) => string {
    // An iterator whose for_each expression is the marker: ITerraformIterator's one member.
    this.resource.forEach = { _getForEachExpression: () => marker };
    const entries = this.entries;
    return (indent) => {
      const sorted: Record<string, Record<string, string>> = {};
      for (const key of Object.keys(entries).sort()) {
        const inner: Record<string, string> = {};
        for (const k of Object.keys(entries[key]).sort()) inner[k] = entries[key][k];
        sorted[key] = inner;
      }
      return JSON.stringify(sorted, null, 2).replace(/\n/g, "\n" + indent);
    };
  }
}
