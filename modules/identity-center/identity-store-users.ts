import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIdentitystoreUser } from "@cdktf/provider-aws/lib/data-aws-identitystore-user";
import { IdentitystoreUser } from "@cdktf/provider-aws/lib/identitystore-user";
import { terraformName } from "../names";

export interface ManagedUser {
  readonly userName: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Primary work email. @default no email */
  readonly email?: string;
}

export interface IdentityStoreUsersProps {
  readonly identityStoreId: string;
  /** Users this workspace creates in the Identity Center directory. @default none */
  readonly managed?: readonly ManagedUser[];
  /** Users looked up by user name (external, or created by another workspace). @default none */
  readonly lookups?: readonly string[];
  /** External users by user name with their identity store UserId: used as given, no lookup. @default none */
  readonly pinned?: readonly { readonly name: string; readonly id: string }[];
}

/**
 * Identity store users by user name: `aws_identitystore_user.<user name>` for the ones created here
 * (one resource each, so an optional email stays optional) and
 * `data.aws_identitystore_user.lookup["<user name>"]` for the ones looked up.
 */
export class IdentityStoreUsers extends Construct {
  /** User name -> user id expression. */
  readonly userIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: IdentityStoreUsersProps) {
    super(scope, id);
    const ids: Record<string, string> = {};
    for (const u of props.managed ?? []) {
      const user = new IdentitystoreUser(this, `managed_${u.userName}`, {
        identityStoreId: props.identityStoreId,
        userName: u.userName,
        displayName: u.displayName,
        name: { givenName: u.givenName, familyName: u.familyName },
        emails: u.email ? { value: u.email, primary: true } : undefined,
      });
      user.overrideLogicalId(terraformName(u.userName));
      ids[u.userName] = user.userId;
    }
    if (props.lookups?.length) {
      const it = TerraformIterator.fromList([...props.lookups]);
      const lookup = new DataAwsIdentitystoreUser(this, "lookup", {
        forEach: it,
        identityStoreId: props.identityStoreId,
        alternateIdentifier: { uniqueAttribute: { attributePath: "UserName", attributeValue: it.value } },
      });
      lookup.overrideLogicalId("lookup");
      for (const u of props.lookups) ids[u] = `\${data.aws_identitystore_user.lookup[${JSON.stringify(u)}].user_id}`;
    }
    for (const u of props.pinned ?? []) ids[u.name] = u.id;
    this.userIds = ids;
  }
}
