import { Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataAwsIdentitystoreGroup } from "@cdktf/provider-aws/lib/data-aws-identitystore-group";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IdentitystoreGroup } from "@cdktf/provider-aws/lib/identitystore-group";
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";
import { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { SsoadminPermissionSetInlinePolicy } from "@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy";
import { AccountAssignments } from "../modules/identity-center/account-assignments";
import { MovedBlocks } from "../modules/moved-blocks";
import { IdentityStoreGroups } from "../modules/identity-center/identity-store-groups";
import { PermissionSet } from "../modules/identity-center/permission-set";
import { GithubOidcProvider } from "../modules/github-oidc/github-oidc-provider";
import { GithubOidcRole } from "../modules/github-oidc/github-oidc-role";
import { ServiceControlPolicy } from "../modules/scp/service-control-policy";
import { terraformName } from "../modules/names";

Testing.setupJest();

describe("PermissionSet", () => {
  const synth = () =>
    Testing.synthScope((scope) => {
      new PermissionSet(scope, "ps", {
        instanceArn: "arn:aws:sso:::instance/ssoins-1",
        key: "Ops",
        name: "Operators",
        description: "Operate",
        sessionDuration: "PT2H",
        tags: { team: "ops" },
        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        inlinePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:UpdateService","Resource":"*"}]}',
      });
    });

  it("creates the permission set, its managed policy attachments and its inline policy", () => {
    const out = synth();
    expect(out).toHaveResourceWithProperties(SsoadminPermissionSet, {
      name: "Operators",
      description: "Operate",
      session_duration: "PT2H",
      tags: { team: "ops" },
    });
    expect(out).toHaveResourceWithProperties(SsoadminManagedPolicyAttachment, {
      for_each: '${toset(["arn:aws:iam::aws:policy/ReadOnlyAccess"])}',
      managed_policy_arn: "${each.value}",
    });
    expect(out).toHaveResourceWithProperties(SsoadminPermissionSetInlinePolicy, {
      inline_policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:UpdateService","Resource":"*"}]}',
    });
  });

  it("is addressed by its AWS name, not its key, so renaming the key moves nothing", () => {
    const out = JSON.parse(synth());
    expect(Object.keys(out.resource.aws_ssoadmin_permission_set)).toEqual(["Operators"]);
    expect(Object.keys(out.resource.aws_ssoadmin_managed_policy_attachment)).toEqual(["Operators"]);
  });
});

describe("IdentityStoreGroups and AccountAssignments", () => {
  it("creates managed groups, looks up the others, and assigns through one for_each per permission set over a local map", () => {
    const out = Testing.synthScope((scope) => {
      const groups = new IdentityStoreGroups(scope, "groups", { identityStoreId: "d-1", managed: [{ name: "Breakglass", description: "Emergency" }], lookups: ["Developers"] });
      const moved = new MovedBlocks(scope, "moved");
      new AccountAssignments(scope, "assignments", {
        instanceArn: "arn:aws:sso:::instance/ssoins-1",
        principalIds: { "group:Developers": groups.groupIds.Developers },
        permissionSets: [
          {
            name: "ReadOnly",
            arn: "arn:ps",
            assignments: [{ principalType: "GROUP", principal: "group:Developers", accountId: "100000000005", legacyKey: "group:Developers/ReadOnly/app-dev" }],
          },
        ],
        moved,
      });
    });
    expect(out).toHaveResourceWithProperties(IdentitystoreGroup, { display_name: "${each.key}", identity_store_id: "d-1" });
    expect(out).toHaveDataSourceWithProperties(DataAwsIdentitystoreGroup, {
      alternate_identifier: { unique_attribute: { attribute_path: "DisplayName", attribute_value: "${each.value}" } },
    });
    expect(out).toHaveResourceWithProperties(SsoadminAccountAssignment, {
      for_each: "${local.account_assignments_ReadOnly}",
      principal_id: "${local.principal_ids[each.value.principal]}",
      principal_type: "${each.value.principal_type}",
      permission_set_arn: "arn:ps",
      target_id: "${each.value.account_id}",
      target_type: "AWS_ACCOUNT",
    });
    const json = JSON.parse(out);
    expect(Object.keys(json.resource.aws_ssoadmin_account_assignment)).toEqual(["ReadOnly"]);
    expect(json.locals.account_assignments_ReadOnly).toEqual({
      "group:Developers/100000000005": { account_id: "100000000005", principal: "group:Developers", principal_type: "GROUP" },
    });
    expect(json.locals.principal_ids).toEqual({ "group:Developers": '${data.aws_identitystore_group.lookup["Developers"].group_id}' });
    expect(json.moved).toEqual([
      { from: 'aws_ssoadmin_account_assignment.this["group:Developers/ReadOnly/app-dev"]', to: 'aws_ssoadmin_account_assignment.ReadOnly["group:Developers/100000000005"]' },
    ]);
  });
});

describe("ServiceControlPolicy", () => {
  it("creates an SCP with literal content and one attachment per target key", () => {
    const out = Testing.synthScope((scope) => {
      new ServiceControlPolicy(scope, "scp", {
        key: "deny",
        name: "deny-things",
        description: "d",
        content: '{"Version":"2012-10-17"}',
        targets: { "ou:workloads": "ou-ab12-22222222" },
      });
    });
    expect(out).toHaveResourceWithProperties(OrganizationsPolicy, { type: "SERVICE_CONTROL_POLICY", content: '{"Version":"2012-10-17"}' });
    expect(out).toHaveResourceWithProperties(OrganizationsPolicyAttachment, {
      for_each: { "ou:workloads": "ou-ab12-22222222" },
      target_id: "${each.value}",
    });
  });
});

describe("GithubOidcProvider and GithubOidcRole", () => {
  it("creates the provider and a role in the member account's provider", () => {
    const out = Testing.synthScope((scope) => {
      const provider = new AwsProvider(scope, "aws_app", { region: "eu-west-1", alias: "app" });
      new GithubOidcProvider(scope, "p", { provider, accountName: "app", url: "https://token.actions.githubusercontent.com", clientIds: ["sts.amazonaws.com"] });
      new GithubOidcRole(scope, "r", {
        provider,
        key: "deploy",
        name: "deploy",
        assumeRolePolicy: '{"Version":"2012-10-17"}',
        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        inlinePolicies: [{ name: "extra", document: '{"Version":"2012-10-17","Statement":[]}' }],
        maxSessionDuration: 7200,
      });
    });
    expect(out).toHaveResourceWithProperties(IamOpenidConnectProvider, {
      url: "https://token.actions.githubusercontent.com",
      client_id_list: ["sts.amazonaws.com"],
      provider: "aws.app",
    });
    expect(out).toHaveResourceWithProperties(IamRole, { name: "deploy", max_session_duration: 7200, provider: "aws.app" });
    expect(out).toHaveResourceWithProperties(IamRolePolicy, { for_each: { extra: '{"Version":"2012-10-17","Statement":[]}' }, name: "${each.key}" });
    expect(JSON.parse(out).resource.aws_iam_openid_connect_provider.github_app.thumbprint_list).toBeUndefined();
  });
});

describe("terraformName", () => {
  it("keeps valid identifiers and makes the others safe and distinct", () => {
    expect(terraformName("ReadOnly")).toBe("ReadOnly");
    expect(terraformName("app-prod")).toBe("app-prod");
    const a = terraformName("a.b");
    const b = terraformName("a_b");
    expect(a).toMatch(/^a_b_[0-9a-f]{6}$/);
    expect(b).toBe("a_b");
    expect(terraformName("1st")).toMatch(/^_1st_[0-9a-f]{6}$/);
  });
});
