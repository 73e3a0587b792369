import { IdentitystoreClient, paginateListGroups, paginateListUsers } from "@aws-sdk/client-identitystore";
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListInstancesCommand,
  paginateListAccountAssignments,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListCustomerManagedPolicyReferencesInPermissionSet,
  paginateListManagedPoliciesInPermissionSet,
  paginateListPermissionSets,
  paginateListTagsForResource,
  SSOAdminClient,
} from "@aws-sdk/client-sso-admin";
import type { DirectorySnapshot } from "../brownfield/audit";
import type { IdentityCenterSnapshot, PermissionSetSnapshot } from "../brownfield/adopt";

async function collect<T, R>(pages: AsyncIterable<T>, pick: (page: T) => readonly R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

export async function readInstance(sso: SSOAdminClient): Promise<{ instanceArn: string; identityStoreId: string } | undefined> {
  const i = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
  return i?.InstanceArn && i.IdentityStoreId ? { instanceArn: i.InstanceArn, identityStoreId: i.IdentityStoreId } : undefined;
}

/** Identity store users and groups (identitystore:ListUsers, ListGroups). */
export async function readDirectory(
  store: IdentitystoreClient,
  identityStoreId: string,
): Promise<DirectorySnapshot & { userIds: Map<string, string>; groupIds: Map<string, string> }> {
  const users = await collect(paginateListUsers({ client: store }, { IdentityStoreId: identityStoreId }), (p) => p.Users);
  const groups = await collect(paginateListGroups({ client: store }, { IdentityStoreId: identityStoreId }), (p) => p.Groups);
  return {
    users: users.map((u) => ({ userName: u.UserName ?? "", emails: (u.Emails ?? []).map((e) => e.Value ?? "").filter(Boolean) })),
    groups: groups.map((g) => g.DisplayName ?? "").filter(Boolean),
    userIds: new Map(users.map((u) => [u.UserId!, u.UserName ?? ""])),
    groupIds: new Map(groups.map((g) => [g.GroupId!, g.DisplayName ?? ""])),
  };
}

const notFound = (e: unknown) => (e as { name?: string })?.name === "ResourceNotFoundException";

/**
 * Every permission set with all its settings and policies, and every account assignment, with the
 * principals by name. Read-only: sso:ListInstances, ListPermissionSets, DescribePermissionSet,
 * ListManagedPoliciesInPermissionSet, ListCustomerManagedPolicyReferencesInPermissionSet,
 * GetInlinePolicyForPermissionSet, GetPermissionsBoundaryForPermissionSet, ListTagsForResource,
 * ListAccountsForProvisionedPermissionSet, ListAccountAssignments; identitystore:ListUsers, ListGroups.
 */
export async function readIdentityCenter(sso: SSOAdminClient, store: IdentitystoreClient): Promise<IdentityCenterSnapshot | undefined> {
  const instance = await readInstance(sso);
  if (!instance) return undefined;
  const { instanceArn: InstanceArn, identityStoreId } = instance;
  const dir = await readDirectory(store, identityStoreId);
  const permissionSets: PermissionSetSnapshot[] = [];
  const assignments: IdentityCenterSnapshot["assignments"][number][] = [];
  for (const PermissionSetArn of await collect(paginateListPermissionSets({ client: sso }, { InstanceArn }), (p) => p.PermissionSets)) {
    const d = (await sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionSet ?? {};
    const managed = await collect(paginateListManagedPoliciesInPermissionSet({ client: sso }, { InstanceArn, PermissionSetArn }), (p) => p.AttachedManagedPolicies);
    const customer = await collect(
      paginateListCustomerManagedPolicyReferencesInPermissionSet({ client: sso }, { InstanceArn, PermissionSetArn }),
      (p) => p.CustomerManagedPolicyReferences,
    );
    const inline = (await sso.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).InlinePolicy;
    let boundary: PermissionSetSnapshot["permissionsBoundary"];
    try {
      const b = (await sso.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionsBoundary;
      if (b?.ManagedPolicyArn) boundary = { managedPolicyArn: b.ManagedPolicyArn };
      else if (b?.CustomerManagedPolicyReference?.Name)
        boundary = { customerManagedPolicy: { name: b.CustomerManagedPolicyReference.Name, path: b.CustomerManagedPolicyReference.Path ?? "/" } };
    } catch (e) {
      if (!notFound(e)) throw e;
    }
    const tags = await collect(paginateListTagsForResource({ client: sso }, { InstanceArn, ResourceArn: PermissionSetArn }), (p) => p.Tags);
    permissionSets.push({
      arn: PermissionSetArn,
      name: d.Name ?? PermissionSetArn,
      ...(d.Description ? { description: d.Description } : {}),
      sessionDuration: d.SessionDuration ?? "PT1H",
      ...(d.RelayState ? { relayState: d.RelayState } : {}),
      tags: Object.fromEntries(tags.filter((t) => t.Key).map((t) => [t.Key!, t.Value ?? ""])),
      managedPolicyArns: managed.map((m) => m.Arn!).sort(),
      customerManagedPolicies: customer.map((c) => ({ name: c.Name!, path: c.Path ?? "/" })),
      ...(inline ? { inlinePolicy: inline } : {}),
      ...(boundary ? { permissionsBoundary: boundary } : {}),
    });
    for (const AccountId of await collect(paginateListAccountsForProvisionedPermissionSet({ client: sso }, { InstanceArn, PermissionSetArn }), (p) => p.AccountIds)) {
      for (const a of await collect(paginateListAccountAssignments({ client: sso }, { InstanceArn, AccountId, PermissionSetArn }), (p) => p.AccountAssignments)) {
        const type = a.PrincipalType === "USER" ? "USER" : "GROUP";
        const name = type === "USER" ? dir.userIds.get(a.PrincipalId!) : dir.groupIds.get(a.PrincipalId!);
        assignments.push({ principalType: type, principalId: a.PrincipalId!, principalName: name, permissionSetArn: PermissionSetArn, accountId: AccountId });
      }
    }
  }
  return { instanceArn: InstanceArn, identityStoreId, permissionSets, assignments };
}
