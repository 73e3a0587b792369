import { CloudBackend, ITerraformDependable, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { posix } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { AccountRef, BackendPlan, WorkspacePlan } from "../src/plan";
import { GithubOidcProvider } from "./github-oidc/github-oidc-provider";
import { GithubOidcRole } from "./github-oidc/github-oidc-role";
import { addImports } from "./imports";
import { AccessControlAttributes } from "./identity-center/access-control-attributes";
import { AccountAssignmentEntry, AccountAssignments, PermissionSetAssignments } from "./identity-center/account-assignments";
import { GroupMemberships } from "./identity-center/group-memberships";
import { IdentityCenterInstance } from "./identity-center/identity-center-instance";
import { IdentityStoreGroups } from "./identity-center/identity-store-groups";
import { IdentityStoreUsers } from "./identity-center/identity-store-users";
import { OwnerPermissionSets, PERMISSION_SET_ARNS_OUTPUT } from "./identity-center/owner-permission-sets";
import { PermissionSet } from "./identity-center/permission-set";
import { literalData } from "./literal";
import { MovedBlocks } from "./moved-blocks";
import { terraformName } from "./names";
import { applyTerraformSettings } from "./terraform-settings";
import { ServiceControlPolicy } from "./scp/service-control-policy";
import { RootAccessManagement } from "./organizations/root-access-management";

export interface EnvironmentStackProps {
  /** The compiled plan of one workspace. */
  readonly plan: WorkspacePlan;
}

/**
 * One Terraform workspace: its backend, the AWS provider of the Identity Center / management account,
 * one aliased provider per member account it manages, and the modules its plan asks for.
 */
export class EnvironmentStack extends TerraformStack {
  /**
   * cdktf resolves every element of a stack once before synthesizing it, only to find references to
   * other stacks (which it turns into outputs and remote state) and to add a local backend when none
   * is declared. A workspace never references another's constructs (another workspace's permission
   * sets are read as data, through terraform_remote_state) and always declares its backend, so that
   * second resolution (a third of a large synth) is skipped.
   */
  override prepareStack(): void {}

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id);
    // The plan is all literals: escaped for Terraform here, once (modules/literal.ts).
    const plan = literalData(props.plan);
    addBackend(this, plan.backend);
    applyTerraformSettings(this, plan.terraform);

    const defaultTags = [{ tags: { ...plan.aws.defaultTags } }];
    new AwsProvider(this, "aws", { region: plan.aws.region, allowedAccountIds: [plan.aws.account.id], defaultTags });
    const members = new Map<string, AwsProvider>();
    for (const account of plan.memberAccounts) members.set(account.name, memberProvider(this, plan, account, defaultTags));
    // Providers of accounts whose last resource is going: Terraform destroys through them (KL901, KL902).
    const aliases = new Set(plan.memberAccounts.map((a) => terraformName(a.name)));
    for (const account of plan.retainedProviders ?? []) {
      if (!aliases.has(terraformName(account.name))) memberProvider(this, plan, account, defaultTags);
      aliases.add(terraformName(account.name));
    }
    // One `moved` list per stack: renames of roles and providers here, of assignments in identityCenter().
    const moved = new MovedBlocks(this, "moved");
    for (const m of plan.moved ?? []) moved.add(m.from, m.to);

    this.identityCenter(plan, moved);
    addImports(this, plan);
    for (const scp of plan.guardrails.policies) {
      const targets: Record<string, string> = {};
      for (const t of scp.targets) targets[t.key] = t.id;
      new ServiceControlPolicy(this, `scp_${scp.key}`, { key: scp.key, name: scp.name, description: scp.description, content: scp.content, targets });
    }
    if (plan.guardrails.rootAccessManagement) new RootAccessManagement(this, "root_access_management", { features: plan.guardrails.rootAccessManagement.features });
    if (plan.guardrails.policies.length) {
      new TerraformOutput(this, "scp_names", { value: plan.guardrails.policies.map((p) => p.name) }).overrideLogicalId("service_control_policies");
    }

    const oidcProviders = new Map<string, GithubOidcProvider>();
    for (const p of plan.githubOidc.providers) {
      const created = new GithubOidcProvider(this, `github_provider_${p.account.name}`, {
        provider: members.get(p.account.name)!,
        accountName: p.account.name,
        url: p.url,
        clientIds: p.clientIds,
        thumbprints: p.thumbprints,
        tags: p.tags,
      });
      oidcProviders.set(p.arn, created);
    }
    const roleArns: Record<string, string> = {};
    for (const r of plan.githubOidc.roles) {
      const role = new GithubOidcRole(this, `github_role_${r.key}`, {
        provider: members.get(r.account.name)!,
        key: r.key,
        name: r.name,
        path: r.path,
        description: r.description,
        assumeRolePolicy: r.assumeRolePolicy,
        managedPolicyArns: r.managedPolicyArns,
        permissionsBoundary: r.permissionsBoundaryArn,
        inlinePolicies: r.inlinePolicies,
        maxSessionDuration: r.maxSessionDuration,
        tags: r.tags,
        oidcProvider: oidcProviders.get(r.providerArn)?.resource,
      });
      roleArns[r.key] = role.arn;
    }
    if (plan.githubOidc.roles.length) {
      new TerraformOutput(this, "github_role_arns", {
        value: roleArns,
        description: "GitHub Actions role ARNs by key, for aws-actions/configure-aws-credentials",
      }).overrideLogicalId("github_role_arns");
    }
  }

  private identityCenter(plan: WorkspacePlan, moved: MovedBlocks): void {
    const ic = plan.identityCenter;
    const used =
      ic.permissionSets.length || ic.assignments.length || ic.managedGroups.length || ic.managedUsers.length || ic.groupMemberships.length || ic.accessControlAttributes?.length;
    if (!used) return;
    const instance = new IdentityCenterInstance(this, "identity_center");

    const sets = new Map<string, PermissionSetAssignments & { readonly policies?: readonly ITerraformDependable[] }>();
    const arns: Record<string, string> = {};
    const byName: Record<string, string> = {};
    for (const ps of ic.permissionSets) {
      const construct = new PermissionSet(this, `permission_set_${ps.key}`, { instanceArn: instance.instanceArn, ...ps, moved });
      arns[ps.key] = construct.arn;
      byName[ps.name] = construct.arn;
      sets.set(ps.key, { name: ps.name, arn: construct.arn, dependsOn: construct.policies, assignments: [] });
    }
    if (ic.permissionSets.length) {
      new TerraformOutput(this, "permission_set_arns", { value: { ...arns }, description: "Permission set ARNs by key" }).overrideLogicalId("permission_set_arns");
      new TerraformOutput(this, PERMISSION_SET_ARNS_OUTPUT, {
        value: byName,
        description: "Permission set ARNs by AWS name, read by the workspaces that assign them",
      }).overrideLogicalId(PERMISSION_SET_ARNS_OUTPUT);
    }
    if (ic.permissionSetLookups.length) {
      const owners = new OwnerPermissionSets(this, "permission_set_owners", { owners: ic.permissionSetOwners });
      for (const ref of ic.permissionSetLookups) {
        sets.set(ref.key, { name: ref.name, arn: owners.arn(ref.workspace, ref.name), precondition: owners.precondition(ref.workspace, ref.name), assignments: [] });
      }
    }
    if (ic.accessControlAttributes?.length) {
      new AccessControlAttributes(this, "access_control_attributes", { instanceArn: instance.instanceArn, attributes: ic.accessControlAttributes });
    }
    const groups = new IdentityStoreGroups(this, "groups", {
      identityStoreId: instance.identityStoreId,
      managed: ic.managedGroups,
      lookups: ic.groupLookups,
      pinned: ic.pinnedGroups,
    });
    const users = new IdentityStoreUsers(this, "users", { identityStoreId: instance.identityStoreId, managed: ic.managedUsers, lookups: ic.userLookups, pinned: ic.pinnedUsers });
    if (ic.groupMemberships.length) {
      new GroupMemberships(this, "group_memberships", {
        identityStoreId: instance.identityStoreId,
        memberships: ic.groupMemberships.map((m) => ({ key: m.key, groupId: groups.groupIds[m.group], userId: users.userIds[m.user] })),
      });
    }
    const principalIds: Record<string, string> = {};
    for (const [name, id] of Object.entries(groups.groupIds)) principalIds[`group:${name}`] = id;
    for (const [name, id] of Object.entries(users.userIds)) principalIds[`user:${name}`] = id;

    if (ic.assignments.length) {
      const bySet = new Map<string, AccountAssignmentEntry[]>();
      for (const a of ic.assignments) {
        const list = bySet.get(a.permissionSet) ?? [];
        list.push({ principalType: a.principalType, principal: `${a.principalType.toLowerCase()}:${a.principalName}`, accountId: a.account.id, legacyKey: a.key });
        bySet.set(a.permissionSet, list);
      }
      new AccountAssignments(this, "account_assignments", {
        instanceArn: instance.instanceArn,
        principalIds,
        permissionSets: [...bySet.keys()].sort().map((key) => ({ ...sets.get(key)!, assignments: bySet.get(key)! })),
        moved,
      });
    }
    // A move from an address this stack still declares would be an error: the key of one permission
    // set can be the AWS name of another.
    const declared = new Set<string>();
    for (const { name } of sets.values()) for (const type of SSOADMIN_TYPES) declared.add(`${type}.${terraformName(name)}`);
    moved.dropDeclared(declared);
  }
}

/** The resource types keyless addresses by permission set. */
const SSOADMIN_TYPES = [
  "aws_ssoadmin_permission_set",
  "aws_ssoadmin_managed_policy_attachment",
  "aws_ssoadmin_customer_managed_policy_attachment",
  "aws_ssoadmin_permissions_boundary_attachment",
  "aws_ssoadmin_permission_set_inline_policy",
  "aws_ssoadmin_account_assignment",
];

function memberProvider(scope: Construct, plan: WorkspacePlan, account: AccountRef, defaultTags: { tags: Record<string, string> }[]): AwsProvider {
  return new AwsProvider(scope, `aws_${account.name}`, {
    alias: terraformName(account.name),
    region: plan.aws.region,
    allowedAccountIds: [account.id],
    assumeRole: [{ roleArn: `arn:${plan.aws.partition}:iam::${account.id}:role/${plan.aws.memberAccountRole}`, sessionName: "keyless" }],
    defaultTags,
  });
}

function addBackend(stack: TerraformStack, backend: BackendPlan): void {
  switch (backend.type) {
    case "local":
      // The stack runs in <outdir>/stacks/<workspace>/; the path is relative to the folder holding <outdir>.
      new LocalBackend(stack, { path: posix.join("../../..", backend.path) });
      return;
    case "s3":
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        encrypt: backend.encrypt,
        kmsKeyId: backend.kmsKeyId,
        assumeRole: backend.roleArn ? { roleArn: backend.roleArn } : undefined,
      });
      if (backend.useLockfile) stack.addOverride("terraform.backend.s3.use_lockfile", true);
      return;
    case "cloud":
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(backend.workspace, backend.project),
      });
      return;
  }
}
