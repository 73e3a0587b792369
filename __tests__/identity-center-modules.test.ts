import { Testing } from "cdktf";
import { DataAwsIdentitystoreUser } from "@cdktf/provider-aws/lib/data-aws-identitystore-user";
import { IdentitystoreGroupMembership } from "@cdktf/provider-aws/lib/identitystore-group-membership";
import { IdentitystoreUser } from "@cdktf/provider-aws/lib/identitystore-user";
import { SsoadminCustomerManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment";
import { SsoadminInstanceAccessControlAttributes } from "@cdktf/provider-aws/lib/ssoadmin-instance-access-control-attributes";
import { SsoadminPermissionsBoundaryAttachment } from "@cdktf/provider-aws/lib/ssoadmin-permissions-boundary-attachment";
import { AccessControlAttributes } from "../modules/identity-center/access-control-attributes";
import { literal } from "../modules/literal";
import { GroupMemberships } from "../modules/identity-center/group-memberships";
import { IdentityStoreUsers } from "../modules/identity-center/identity-store-users";
import { PermissionSet } from "../modules/identity-center/permission-set";

Testing.setupJest();

const INSTANCE = "arn:aws:sso:::instance/ssoins-1";

describe("PermissionSet: customer-managed policies and boundaries", () => {
  it("attaches customer-managed policies by name and path, keyed by path + name", () => {
    const out = Testing.synthScope((scope) => {
      new PermissionSet(scope, "ps", {
        instanceArn: INSTANCE,
        key: "Dev",
        name: "Dev",
        sessionDuration: "PT1H",
        customerManagedPolicies: [{ name: "deny-secrets" }, { name: "dev-extra", path: "/acme/" }],
        permissionsBoundary: { customerManagedPolicy: { name: "boundary", path: "/acme/" } },
      });
    });
    expect(out).toHaveResourceWithProperties(SsoadminCustomerManagedPolicyAttachment, {
      for_each: { "/deny-secrets": { name: "deny-secrets", path: "/" }, "/acme/dev-extra": { name: "dev-extra", path: "/acme/" } },
      customer_managed_policy_reference: { name: "${each.value.name}", path: "${each.value.path}" },
    });
    expect(out).toHaveResourceWithProperties(SsoadminPermissionsBoundaryAttachment, {
      permissions_boundary: { customer_managed_policy_reference: { name: "boundary", path: "/acme/" } },
    });
    const r = JSON.parse(out).resource;
    expect(Object.keys(r.aws_ssoadmin_customer_managed_policy_attachment)).toEqual(["Dev"]);
    expect(Object.keys(r.aws_ssoadmin_permissions_boundary_attachment)).toEqual(["Dev"]);
  });

  it("uses an AWS managed policy as boundary, and emits no attachment when there is none", () => {
    const synth = (permissionsBoundary?: { managedPolicyArn: string }) =>
      Testing.synthScope((scope) => {
        new PermissionSet(scope, "ps", { instanceArn: INSTANCE, key: "Dev", name: "Dev", sessionDuration: "PT1H", permissionsBoundary });
      });
    expect(synth({ managedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess" })).toHaveResourceWithProperties(SsoadminPermissionsBoundaryAttachment, {
      permissions_boundary: { managed_policy_arn: "arn:aws:iam::aws:policy/PowerUserAccess" },
    });
    const bare = JSON.parse(synth()).resource;
    expect(Object.keys(bare)).toEqual(["aws_ssoadmin_permission_set"]);
  });
});

describe("IdentityStoreUsers and GroupMemberships", () => {
  it("creates managed users one by one, looks up the others by user name, and adds members by name", () => {
    const out = Testing.synthScope((scope) => {
      const users = new IdentityStoreUsers(scope, "users", {
        identityStoreId: "d-1",
        managed: [
          { userName: "alice", displayName: "Alice Doe", givenName: "Alice", familyName: "Doe", email: "alice@acme.example" },
          { userName: "bob.admin", displayName: "Bob", givenName: "Bob", familyName: "Roe" },
        ],
        lookups: ["carol@acme.example"],
      });
      new GroupMemberships(scope, "members", {
        identityStoreId: "d-1",
        memberships: [
          { key: "BreakGlass/alice", groupId: "g-1", userId: users.userIds.alice },
          { key: "BreakGlass/carol@acme.example", groupId: "g-1", userId: users.userIds["carol@acme.example"] },
        ],
      });
    });
    expect(out).toHaveResourceWithProperties(IdentitystoreUser, {
      user_name: "alice",
      display_name: "Alice Doe",
      name: { given_name: "Alice", family_name: "Doe" },
      emails: { value: "alice@acme.example", primary: true },
    });
    const r = JSON.parse(out);
    expect(Object.keys(r.resource.aws_identitystore_user)).toEqual(["alice", expect.stringMatching(/^bob_admin_[0-9a-f]{6}$/)]);
    expect(Object.values<any>(r.resource.aws_identitystore_user)[1].emails).toBeUndefined();
    expect(out).toHaveDataSourceWithProperties(DataAwsIdentitystoreUser, {
      alternate_identifier: { unique_attribute: { attribute_path: "UserName", attribute_value: "${each.value}" } },
    });
    expect(out).toHaveResourceWithProperties(IdentitystoreGroupMembership, {
      for_each: {
        "BreakGlass/alice": { group_id: "g-1", member_id: "${aws_identitystore_user.alice.user_id}" },
        "BreakGlass/carol@acme.example": { group_id: "g-1", member_id: '${data.aws_identitystore_user.lookup["carol@acme.example"].user_id}' },
      },
      group_id: "${each.value.group_id}",
      member_id: "${each.value.member_id}",
    });
  });
});

describe("AccessControlAttributes", () => {
  it("writes the instance's attributes with their ${path:...} sources, escaped as literals (modules/literal.ts)", () => {
    const out = Testing.synthScope((scope) => {
      new AccessControlAttributes(scope, "abac", {
        instanceArn: INSTANCE,
        attributes: [{ key: "CostCenter", sources: [literal("${path:enterprise.costCenter}")] }],
      });
    });
    expect(out).toHaveResourceWithProperties(SsoadminInstanceAccessControlAttributes, {
      instance_arn: INSTANCE,
      attribute: [{ key: "CostCenter", value: [{ source: ["$${path:enterprise.costCenter}"] }] }],
    });
  });
});
