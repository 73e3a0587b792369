import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIdentitystoreGroup } from "@cdktf/provider-aws/lib/data-aws-identitystore-group";
import { IdentitystoreGroup } from "@cdktf/provider-aws/lib/identitystore-group";

export interface IdentityStoreGroupsProps {
  readonly identityStoreId: string;
  /** Groups this workspace creates: display name and description. @default none */
  readonly managed?: readonly { readonly name: string; readonly description?: string }[];
  /** Groups looked up by display name (external, or created by another workspace). @default none */
  readonly lookups?: readonly string[];
  /** External groups by display name with their identity store GroupId: used as given, no lookup. @default none */
  readonly pinned?: readonly { readonly name: string; readonly id: string }[];
}

/**
 * Identity store groups by display name: `aws_identitystore_group.managed["<name>"]` for the ones
 * created here and `data.aws_identitystore_group.lookup["<name>"]` for the ones looked up.
 */
export class IdentityStoreGroups extends Construct {
  /** Display name -> group id expression. */
  readonly groupIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: IdentityStoreGroupsProps) {
    super(scope, id);
    const ids: Record<string, string> = {};
    if (props.managed?.length) {
      const byName: Record<string, { description: string | null }> = {};
      for (const g of props.managed) byName[g.name] = { description: g.description ?? null };
      const it = TerraformIterator.fromMap(byName);
      const groups = new IdentitystoreGroup(this, "managed", {
        forEach: it,
        identityStoreId: props.identityStoreId,
        displayName: it.key,
        description: it.getString("description"),
      });
      groups.overrideLogicalId("managed");
      for (const g of props.managed) ids[g.name] = `\${aws_identitystore_group.managed[${JSON.stringify(g.name)}].group_id}`;
    }
    if (props.lookups?.length) {
      const it = TerraformIterator.fromList([...props.lookups]);
      const lookup = new DataAwsIdentitystoreGroup(this, "lookup", {
        forEach: it,
        identityStoreId: props.identityStoreId,
        alternateIdentifier: { uniqueAttribute: { attributePath: "DisplayName", attributeValue: it.value } },
      });
      lookup.overrideLogicalId("lookup");
      for (const g of props.lookups) ids[g] = `\${data.aws_identitystore_group.lookup[${JSON.stringify(g)}].group_id}`;
    }
    for (const g of props.pinned ?? []) ids[g.name] = g.id;
    this.groupIds = ids;
  }
}
