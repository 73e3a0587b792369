import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { IdentitystoreGroupMembership } from "@cdktf/provider-aws/lib/identitystore-group-membership";

export interface GroupMembershipEntry {
  /** `<group>/<user>`: the for_each key and so the Terraform address. */
  readonly key: string;
  /** Group id expression. */
  readonly groupId: string;
  /** User id expression. */
  readonly userId: string;
}

export interface GroupMembershipsProps {
  readonly identityStoreId: string;
  readonly memberships: readonly GroupMembershipEntry[];
}

/**
 * Members of managed groups as one `for_each` resource keyed by `<group>/<user>`:
 * `aws_identitystore_group_membership.this["BreakGlassAdmins/alice"]`.
 */
export class GroupMemberships extends Construct {
  constructor(scope: Construct, id: string, props: GroupMembershipsProps) {
    super(scope, id);
    const entries: Record<string, Record<string, string>> = {};
    for (const m of props.memberships) entries[m.key] = { group_id: m.groupId, member_id: m.userId };
    const it = TerraformIterator.fromMap(entries);
    const membership = new IdentitystoreGroupMembership(this, "memberships", {
      forEach: it,
      identityStoreId: props.identityStoreId,
      groupId: it.getString("group_id"),
      memberId: it.getString("member_id"),
    });
    membership.overrideLogicalId("this");
  }
}
