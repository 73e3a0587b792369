/**
 * Organizations (JSON 1.1, `AWSOrganizationsV20161128.*`): the organization, its root, OUs and
 * accounts, and policies (SCPs and the other types) with their attachments and tags. Only the
 * management account may call it, as in AWS (delegated administration is not emulated).
 */
import { AwsError, withReason } from "../errors";
import { OperationTable, RequestContext } from "../server";
import { Account, EPOCH, OrganizationalUnit, OrgPolicy, stableId, Tags } from "../state";
import { pageJson } from "./paginate";
import { tagsIn, tagsOut } from "./tags";

const POLICY_TYPES = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY", "DECLARATIVE_POLICY_EC2"];
const MAX_SIZE: Record<string, number> = { SERVICE_CONTROL_POLICY: 5120, RESOURCE_CONTROL_POLICY: 5120 };

function org(ctx: RequestContext) {
  const o = ctx.state.organization;
  if (ctx.accountId !== o.managementAccountId)
    throw new AwsError("AccessDeniedException", `You don't have permissions to access this resource: account ${ctx.accountId} is not the management account.`);
  return o;
}

const arnOf = {
  account: (ctx: RequestContext, a: Account) => `arn:aws:organizations::${ctx.state.organization.managementAccountId}:account/${ctx.state.organization.id}/${a.id}`,
  ou: (ctx: RequestContext, ou: OrganizationalUnit) => `arn:aws:organizations::${ctx.state.organization.managementAccountId}:ou/${ctx.state.organization.id}/${ou.id}`,
  root: (ctx: RequestContext) => `arn:aws:organizations::${ctx.state.organization.managementAccountId}:root/${ctx.state.organization.id}/${ctx.state.organization.rootId}`,
  policy: (ctx: RequestContext, p: OrgPolicy) =>
    p.awsManaged
      ? `arn:aws:organizations::aws:policy/${p.type.toLowerCase()}/${p.id}`
      : `arn:aws:organizations::${ctx.state.organization.managementAccountId}:policy/${ctx.state.organization.id}/${p.type.toLowerCase()}/${p.id}`,
};

function accountOut(ctx: RequestContext, a: Account) {
  return {
    Id: a.id,
    Arn: arnOf.account(ctx, a),
    Email: a.email,
    Name: a.name,
    Status: a.state === "ACTIVE" ? "ACTIVE" : a.state === "SUSPENDED" ? "SUSPENDED" : "PENDING_CLOSURE",
    State: a.legacyStatusOnly ? undefined : a.state,
    JoinedMethod: "CREATED",
    JoinedTimestamp: EPOCH,
  };
}
const ouOut = (ctx: RequestContext, ou: OrganizationalUnit) => ({ Id: ou.id, Arn: arnOf.ou(ctx, ou), Name: ou.name });
const summary = (ctx: RequestContext, p: OrgPolicy) => ({ Id: p.id, Arn: arnOf.policy(ctx, p), Name: p.name, Description: p.description, Type: p.type, AwsManaged: p.awsManaged });
function policy(ctx: RequestContext, id = ctx.input.PolicyId): OrgPolicy {
  const p = org(ctx).policies.get(String(id));
  if (!p) throw new AwsError("PolicyNotFoundException", `We can't find a policy with the PolicyId ${id} that you specified.`);
  return p;
}

type Target = { Type: "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT"; Name: string; Arn: string };
function target(ctx: RequestContext, id: string): Target {
  const o = org(ctx);
  if (id === o.rootId) return { Type: "ROOT", Name: "Root", Arn: arnOf.root(ctx) };
  const ou = o.organizationalUnits.get(id);
  if (ou) return { Type: "ORGANIZATIONAL_UNIT", Name: ou.name, Arn: arnOf.ou(ctx, ou) };
  const a = o.accounts.get(id);
  if (a) return { Type: "ACCOUNT", Name: a.name, Arn: arnOf.account(ctx, a) };
  throw new AwsError("TargetNotFoundException", `We can't find a root, OU, account, or policy with the TargetId ${id} that you specified.`);
}

function checkContent(type: string, content: unknown): string {
  const text = String(content ?? "");
  try {
    JSON.parse(text);
  } catch {
    throw new AwsError("MalformedPolicyDocumentException", "The provided policy document doesn't meet the requirements of the specified policy type.");
  }
  const max = MAX_SIZE[type];
  if (max && text.length > max)
    throw withReason(new AwsError("ConstraintViolationException", `The policy exceeds the maximum size of ${max} characters.`), "POLICY_CONTENT_LIMIT_EXCEEDED");
  return text;
}

function resourceTags(ctx: RequestContext): Tags {
  const id = String(ctx.input.ResourceId);
  const o = org(ctx);
  const found = o.policies.get(id) ?? o.accounts.get(id) ?? o.organizationalUnits.get(id);
  if (!found) throw new AwsError("TargetNotFoundException", `We can't find a resource with the ResourceId ${id}.`);
  return found.tags;
}

export const organizations: OperationTable = {
  DescribeOrganization: (ctx) => {
    const o = ctx.state.organization;
    const mgmt = o.accounts.get(o.managementAccountId);
    return {
      Organization: {
        Id: o.id,
        Arn: `arn:aws:organizations::${o.managementAccountId}:organization/${o.id}`,
        FeatureSet: "ALL",
        MasterAccountArn: mgmt ? arnOf.account(ctx, mgmt) : undefined,
        MasterAccountId: o.managementAccountId,
        MasterAccountEmail: mgmt?.email,
        AvailablePolicyTypes: [...o.enabledPolicyTypes].sort().map((Type) => ({ Type, Status: "ENABLED" })),
      },
    };
  },
  ListRoots: (ctx) => {
    const o = org(ctx);
    return {
      Roots: [{ Id: o.rootId, Arn: arnOf.root(ctx), Name: "Root", PolicyTypes: [...o.enabledPolicyTypes].sort().map((Type) => ({ Type, Status: "ENABLED" })) }],
    };
  },
  EnablePolicyType: (ctx) => {
    const o = org(ctx);
    const type = String(ctx.input.PolicyType);
    if (o.enabledPolicyTypes.has(type)) throw new AwsError("PolicyTypeAlreadyEnabledException", `The policy type ${type} is already enabled.`);
    o.enabledPolicyTypes.add(type);
    return { Root: (organizations.ListRoots(ctx) as { Roots: unknown[] }).Roots[0] };
  },
  ListAccounts: (ctx) => {
    const page = pageJson(
      [...org(ctx).accounts.values()].sort((a, b) => a.id.localeCompare(b.id)),
      ctx.input,
      20,
    );
    return { Accounts: page.items.map((a) => accountOut(ctx, a)), NextToken: page.NextToken };
  },
  DescribeAccount: (ctx) => {
    const a = org(ctx).accounts.get(String(ctx.input.AccountId));
    if (!a) throw new AwsError("AccountNotFoundException", `You specified an account that doesn't exist: ${ctx.input.AccountId}.`);
    return { Account: accountOut(ctx, a) };
  },
  ListAccountsForParent: (ctx) => {
    target(ctx, String(ctx.input.ParentId));
    const all = [...org(ctx).accounts.values()].filter((a) => a.parentId === ctx.input.ParentId).sort((a, b) => a.id.localeCompare(b.id));
    const page = pageJson(all, ctx.input, 20);
    return { Accounts: page.items.map((a) => accountOut(ctx, a)), NextToken: page.NextToken };
  },
  ListOrganizationalUnitsForParent: (ctx) => {
    target(ctx, String(ctx.input.ParentId));
    const all = [...org(ctx).organizationalUnits.values()].filter((ou) => ou.parentId === ctx.input.ParentId).sort((a, b) => a.id.localeCompare(b.id));
    const page = pageJson(all, ctx.input, 20);
    return { OrganizationalUnits: page.items.map((ou) => ouOut(ctx, ou)), NextToken: page.NextToken };
  },
  DescribeOrganizationalUnit: (ctx) => {
    const ou = org(ctx).organizationalUnits.get(String(ctx.input.OrganizationalUnitId));
    if (!ou) throw new AwsError("OrganizationalUnitNotFoundException", `We can't find an OU with the OrganizationalUnitId ${ctx.input.OrganizationalUnitId}.`);
    return { OrganizationalUnit: ouOut(ctx, ou) };
  },
  ListParents: (ctx) => {
    const o = org(ctx);
    const id = String(ctx.input.ChildId);
    const parentId = o.accounts.get(id)?.parentId ?? o.organizationalUnits.get(id)?.parentId;
    if (!parentId) throw new AwsError("ChildNotFoundException", `We can't find a child with the ChildId ${id}.`);
    return { Parents: [{ Id: parentId, Type: parentId === o.rootId ? "ROOT" : "ORGANIZATIONAL_UNIT" }] };
  },

  CreatePolicy: (ctx) => {
    const o = org(ctx);
    const type = String(ctx.input.Type);
    if (!POLICY_TYPES.includes(type)) throw new AwsError("InvalidInputException", `Unknown policy type ${type}.`);
    const name = String(ctx.input.Name);
    if ([...o.policies.values()].some((p) => p.name === name && p.type === type))
      throw new AwsError("DuplicatePolicyException", `A policy with the same name already exists: ${name}.`);
    const content = checkContent(type, ctx.input.Content);
    const p: OrgPolicy = {
      id: `p-${stableId(ctx.state, "org-policy", `${type}/${name}`).slice(0, 8)}`,
      name,
      description: String(ctx.input.Description ?? ""),
      type,
      content,
      awsManaged: false,
      tags: tagsIn(ctx.input.Tags),
      targets: new Set(),
    };
    o.policies.set(p.id, p);
    return { Policy: { PolicySummary: summary(ctx, p), Content: p.content } };
  },
  DescribePolicy: (ctx) => {
    const p = policy(ctx);
    return { Policy: { PolicySummary: summary(ctx, p), Content: p.content } };
  },
  UpdatePolicy: (ctx) => {
    const p = policy(ctx);
    if (p.awsManaged) throw new AwsError("PolicyChangesInProgressException", "AWS managed policies cannot be changed.");
    if (ctx.input.Name !== undefined) {
      const clash = [...org(ctx).policies.values()].some((q) => q !== p && q.name === ctx.input.Name && q.type === p.type);
      if (clash) throw new AwsError("DuplicatePolicyException", `A policy with the same name already exists: ${ctx.input.Name}.`);
      p.name = String(ctx.input.Name);
    }
    if (ctx.input.Description !== undefined) p.description = String(ctx.input.Description);
    if (ctx.input.Content !== undefined) p.content = checkContent(p.type, ctx.input.Content);
    return { Policy: { PolicySummary: summary(ctx, p), Content: p.content } };
  },
  DeletePolicy: (ctx) => {
    const p = policy(ctx);
    if (p.targets.size)
      throw new AwsError(
        "PolicyInUseException",
        "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.",
      );
    org(ctx).policies.delete(p.id);
    return {};
  },
  ListPolicies: (ctx) => {
    const all = [...org(ctx).policies.values()].filter((p) => p.type === ctx.input.Filter);
    const page = pageJson(all, ctx.input, 20);
    return { Policies: page.items.map((p) => summary(ctx, p)), NextToken: page.NextToken };
  },
  AttachPolicy: (ctx) => {
    const p = policy(ctx);
    const id = String(ctx.input.TargetId);
    target(ctx, id);
    const o = org(ctx);
    if (!o.enabledPolicyTypes.has(p.type)) throw new AwsError("PolicyTypeNotEnabledException", `The policy type ${p.type} is not enabled on the root.`);
    if (p.targets.has(id)) throw new AwsError("DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target.");
    const attached = [...o.policies.values()].filter((q) => q.type === p.type && q.targets.has(id)).length;
    if (attached >= 5)
      throw withReason(new AwsError("ConstraintViolationException", `You have attached the maximum number of policies (5) to ${id}.`), "POLICY_NUMBER_LIMIT_EXCEEDED");
    p.targets.add(id);
    return {};
  },
  DetachPolicy: (ctx) => {
    const p = policy(ctx);
    const id = String(ctx.input.TargetId);
    target(ctx, id);
    if (!p.targets.has(id)) throw new AwsError("PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root.");
    const o = org(ctx);
    const attached = [...o.policies.values()].filter((q) => q.type === p.type && q.targets.has(id)).length;
    if (p.type === "SERVICE_CONTROL_POLICY" && attached <= 1)
      throw withReason(new AwsError("ConstraintViolationException", `You can't detach the last service control policy from ${id}.`), "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    p.targets.delete(id);
    return {};
  },
  ListPoliciesForTarget: (ctx) => {
    const id = String(ctx.input.TargetId);
    target(ctx, id);
    const all = [...org(ctx).policies.values()].filter((p) => p.type === ctx.input.Filter && p.targets.has(id));
    const page = pageJson(all, ctx.input, 20);
    return { Policies: page.items.map((p) => summary(ctx, p)), NextToken: page.NextToken };
  },
  ListTargetsForPolicy: (ctx) => {
    const p = policy(ctx);
    const page = pageJson([...p.targets].sort(), ctx.input, 20);
    return { Targets: page.items.map((id) => ({ TargetId: id, ...target(ctx, id) })), NextToken: page.NextToken };
  },
  ListTagsForResource: (ctx) => ({ Tags: tagsOut(resourceTags(ctx)) }),
  TagResource: (ctx) => {
    Object.assign(resourceTags(ctx), tagsIn(ctx.input.Tags));
    return {};
  },
  UntagResource: (ctx) => {
    const tags = resourceTags(ctx);
    for (const k of (ctx.input.TagKeys ?? []) as string[]) delete tags[k];
    return {};
  },
};
