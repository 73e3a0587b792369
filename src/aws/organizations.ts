import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  paginateListPolicies,
  paginateListTargetsForPolicy,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListPoliciesForTarget,
  paginateListTagsForResource,
} from "@aws-sdk/client-organizations";
import type { ScpSnapshot } from "../brownfield/adopt-guardrails";
import { accountState, OrgAccount, OrgSnapshot, OrgUnit } from "../brownfield/snapshot";

async function collect<T, R>(pages: AsyncIterable<T>, pick: (page: T) => readonly R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

/**
 * Reads the organization: root, OUs (walked from the root), accounts per parent with their state
 * (`State`, or the legacy `Status`), tags and attached SCPs. Read-only: organizations:DescribeOrganization,
 * ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent, ListTagsForResource, ListPoliciesForTarget.
 */
export async function readOrganization(client: OrganizationsClient): Promise<OrgSnapshot> {
  const org = (await client.send(new DescribeOrganizationCommand({}))).Organization;
  const root = (await client.send(new ListRootsCommand({}))).Roots?.[0];
  if (!root?.Id) throw new Error("organizations:ListRoots returned no root");
  const policies = (targetId: string) =>
    collect(paginateListPoliciesForTarget({ client }, { TargetId: targetId, Filter: "SERVICE_CONTROL_POLICY" }), (p) => p.Policies).then((ps) =>
      ps.map((p) => p.Name ?? p.Id ?? "").sort(),
    );
  const ous: OrgUnit[] = [];
  const accounts: OrgAccount[] = [];
  const walk = async (parentId: string): Promise<void> => {
    for (const a of await collect(paginateListAccountsForParent({ client }, { ParentId: parentId }), (p) => p.Accounts)) {
      if (!a.Id) continue;
      const tags = await collect(paginateListTagsForResource({ client }, { ResourceId: a.Id }), (p) => p.Tags);
      accounts.push({
        id: a.Id,
        name: a.Name ?? a.Id,
        ...(a.Email ? { email: a.Email } : {}),
        state: accountState((a as { State?: string }).State, a.Status),
        parentId,
        tags: Object.fromEntries(tags.filter((t) => t.Key).map((t) => [t.Key!, t.Value ?? ""])),
        policies: await policies(a.Id),
      });
    }
    for (const ou of await collect(paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId }), (p) => p.OrganizationalUnits)) {
      if (!ou.Id) continue;
      ous.push({ id: ou.Id, name: ou.Name ?? ou.Id, parentId, policies: await policies(ou.Id) });
      await walk(ou.Id);
    }
  };
  await walk(root.Id);
  return { rootId: root.Id, rootPolicies: await policies(root.Id), managementAccountId: org?.MasterAccountId ?? "", ous, accounts };
}

/**
 * Every customer-managed SCP with its content and targets (AWS managed ones such as FullAWSAccess are
 * left to AWS). Read-only: organizations:ListPolicies, DescribePolicy, ListTargetsForPolicy.
 */
export async function readServiceControlPolicies(client: OrganizationsClient): Promise<ScpSnapshot[]> {
  const out: ScpSnapshot[] = [];
  for (const p of await collect(paginateListPolicies({ client }, { Filter: "SERVICE_CONTROL_POLICY" }), (x) => x.Policies)) {
    if (!p.Id || p.AwsManaged) continue;
    const d = (await client.send(new DescribePolicyCommand({ PolicyId: p.Id }))).Policy;
    const targets = await collect(paginateListTargetsForPolicy({ client }, { PolicyId: p.Id }), (x) => x.Targets);
    out.push({
      id: p.Id,
      name: p.Name ?? p.Id,
      description: d?.PolicySummary?.Description ?? p.Description ?? "",
      content: d?.Content ?? "{}",
      targets: targets
        .filter((t) => t.TargetId)
        .map((t) => t.TargetId!)
        .sort(),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
