/**
 * SSO Admin (JSON 1.1, `SWBExternalService.*`): the Identity Center instance, permission sets and
 * everything attached to them, provisioning, account assignments, access-control attributes.
 * Asynchronous operations answer IN_PROGRESS and their status calls answer SUCCEEDED (or FAILED, with
 * AWS's reason) at once, so the provider's waiters finish after their fixed initial delay.
 */
import { AwsError, conflict, notFound, validation } from "../errors";
import { OperationTable, RequestContext } from "../server";
import { AccountAssignment, EPOCH, hex, PermissionSet, stableId } from "../state";
import { pageJson } from "./paginate";
import { tagsIn, tagsOut } from "./tags";

function instance(ctx: RequestContext) {
  const ic = ctx.state.identityCenter;
  if (ctx.input.InstanceArn !== ic.instanceArn) throw notFound(`Instance ${ctx.input.InstanceArn}`);
  return ic;
}

function permissionSet(ctx: RequestContext, arn = ctx.input.PermissionSetArn): PermissionSet {
  const ps = instance(ctx).permissionSets.get(String(arn));
  if (!ps) throw notFound(`PermissionSet ${arn}`);
  return ps;
}

function psOut(ps: PermissionSet) {
  return {
    Name: ps.name,
    PermissionSetArn: ps.arn,
    Description: ps.description,
    CreatedDate: ps.createdDate,
    SessionDuration: ps.sessionDuration,
    RelayState: ps.relayState,
  };
}

function request(ctx: RequestContext, kind: string, status: Record<string, unknown>): Record<string, unknown> {
  const ic = ctx.state.identityCenter;
  const h = hex(`${kind}:${ic.requests.size}`, 32);
  const RequestId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  const done = { ...status, RequestId, CreatedDate: EPOCH };
  ic.requests.set(`${kind}:${RequestId}`, done);
  return { ...done, Status: "IN_PROGRESS", FailureReason: undefined };
}

function status(ctx: RequestContext, kind: string, id: unknown) {
  instance(ctx);
  const found = ctx.state.identityCenter.requests.get(`${kind}:${id}`);
  if (!found) throw notFound(`Request ${id}`);
  return found;
}

/** Why an assignment cannot be made, as AWS reports it in the request's FailureReason; undefined if it can. */
function assignmentProblem(ctx: RequestContext, a: AccountAssignment): string | undefined {
  const account = ctx.state.organization.accounts.get(a.accountId);
  if (!account) return `Received a 404 status error: Account ${a.accountId} is not a member of the organization.`;
  const store = ctx.state.identityStore;
  const principal = a.principalType === "GROUP" ? store.groups.get(a.principalId) : store.users.get(a.principalId);
  if (!principal) return `Received a 404 status error: ${a.principalType} ${a.principalId} does not exist in the identity store.`;
  return undefined;
}

function sameAssignment(a: AccountAssignment, b: AccountAssignment): boolean {
  return a.permissionSetArn === b.permissionSetArn && a.accountId === b.accountId && a.principalType === b.principalType && a.principalId === b.principalId;
}

function assignmentOf(ctx: RequestContext): AccountAssignment {
  const { input } = ctx;
  if (input.TargetType && input.TargetType !== "AWS_ACCOUNT") throw validation(`TargetType ${input.TargetType}`);
  if (!/^\d{12}$/.test(String(input.TargetId))) throw validation(`TargetId ${input.TargetId} is not an account id`);
  if (input.PrincipalType !== "GROUP" && input.PrincipalType !== "USER") throw validation(`PrincipalType ${input.PrincipalType}`);
  permissionSet(ctx);
  return { permissionSetArn: String(input.PermissionSetArn), accountId: String(input.TargetId), principalType: input.PrincipalType, principalId: String(input.PrincipalId) };
}

function managedPolicyName(arn: string): string {
  const m = /^arn:aws:iam::(aws|\d{12}):policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!m) throw validation(`ManagedPolicyArn ${arn} is not a policy ARN`);
  return m[2];
}

export const ssoAdmin: OperationTable = {
  ListInstances: ({ state }) => {
    const ic = state.identityCenter;
    return {
      Instances: [
        { InstanceArn: ic.instanceArn, IdentityStoreId: ic.identityStoreId, OwnerAccountId: ic.ownerAccountId, Name: ic.name, Status: "ACTIVE", CreatedDate: ic.createdDate },
      ],
    };
  },
  DescribeInstance: (ctx) => {
    const ic = instance(ctx);
    return { InstanceArn: ic.instanceArn, IdentityStoreId: ic.identityStoreId, OwnerAccountId: ic.ownerAccountId, Name: ic.name, Status: "ACTIVE", CreatedDate: ic.createdDate };
  },

  CreatePermissionSet: (ctx) => {
    const ic = instance(ctx);
    const name = String(ctx.input.Name ?? "");
    if (!/^[\w+=,.@-]{1,32}$/.test(name)) throw validation(`Name ${name} must match [\\w+=,.@-]{1,32}`);
    if ([...ic.permissionSets.values()].some((p) => p.name === name)) throw conflict(`PermissionSet with name ${name} already exists.`);
    const id = stableId(ctx.state, "permission-set", name).slice(0, 16);
    const instanceId = ic.instanceArn.split("/").pop();
    const ps: PermissionSet = {
      arn: `arn:aws:sso:::permissionSet/${instanceId}/ps-${id}`,
      name,
      description: ctx.input.Description,
      sessionDuration: ctx.input.SessionDuration ?? "PT1H",
      relayState: ctx.input.RelayState,
      createdDate: EPOCH,
      tags: tagsIn(ctx.input.Tags),
      managedPolicies: [],
      customerManagedPolicies: [],
      provisionedAccounts: new Set(),
    };
    ic.permissionSets.set(ps.arn, ps);
    return { PermissionSet: psOut(ps) };
  },
  DescribePermissionSet: (ctx) => ({ PermissionSet: psOut(permissionSet(ctx)) }),
  UpdatePermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    // Fields left out of the request are cleared, as in AWS (the provider sends them all).
    ps.description = ctx.input.Description;
    ps.relayState = ctx.input.RelayState;
    ps.sessionDuration = ctx.input.SessionDuration ?? ps.sessionDuration;
    return {};
  },
  DeletePermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const ic = instance(ctx);
    if (ic.assignments.some((a) => a.permissionSetArn === ps.arn)) throw conflict(`PermissionSet ${ps.arn} has account assignments; delete them first.`);
    ic.permissionSets.delete(ps.arn);
    return {};
  },
  ListPermissionSets: (ctx) => {
    const page = pageJson([...instance(ctx).permissionSets.keys()], ctx.input);
    return { PermissionSets: page.items, NextToken: page.NextToken };
  },

  ListTagsForResource: (ctx) => {
    instance(ctx);
    return { Tags: tagsOut(permissionSet(ctx, ctx.input.ResourceArn).tags) };
  },
  TagResource: (ctx) => {
    instance(ctx);
    Object.assign(permissionSet(ctx, ctx.input.ResourceArn).tags, tagsIn(ctx.input.Tags));
    return {};
  },
  UntagResource: (ctx) => {
    instance(ctx);
    const ps = permissionSet(ctx, ctx.input.ResourceArn);
    for (const k of (ctx.input.TagKeys ?? []) as string[]) delete ps.tags[k];
    return {};
  },

  ProvisionPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    if (ctx.input.TargetType === "AWS_ACCOUNT") ps.provisionedAccounts.add(String(ctx.input.TargetId));
    return {
      PermissionSetProvisioningStatus: request(ctx, "provision", { Status: "SUCCEEDED", PermissionSetArn: ps.arn, AccountId: ctx.input.TargetId }),
    };
  },
  DescribePermissionSetProvisioningStatus: (ctx) => ({
    PermissionSetProvisioningStatus: status(ctx, "provision", ctx.input.ProvisionPermissionSetRequestId),
  }),
  ListAccountsForProvisionedPermissionSet: (ctx) => {
    const page = pageJson([...permissionSet(ctx).provisionedAccounts].sort(), ctx.input);
    return { AccountIds: page.items, NextToken: page.NextToken };
  },
  ListPermissionSetsProvisionedToAccount: (ctx) => {
    const sets = [...instance(ctx).permissionSets.values()].filter((p) => p.provisionedAccounts.has(String(ctx.input.AccountId)));
    const page = pageJson(
      sets.map((p) => p.arn),
      ctx.input,
    );
    return { PermissionSets: page.items, NextToken: page.NextToken };
  },

  AttachManagedPolicyToPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const arn = String(ctx.input.ManagedPolicyArn);
    const name = managedPolicyName(arn);
    if (ps.managedPolicies.some((p) => p.arn === arn)) throw conflict(`Managed policy ${arn} is already attached to ${ps.arn}.`);
    if (ps.managedPolicies.length + ps.customerManagedPolicies.length >= 20)
      throw new AwsError("ServiceQuotaExceededException", "Managed policies per permission set exceeded (20).", 402);
    ps.managedPolicies.push({ arn, name });
    return {};
  },
  DetachManagedPolicyFromPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const i = ps.managedPolicies.findIndex((p) => p.arn === ctx.input.ManagedPolicyArn);
    if (i < 0) throw notFound(`Managed policy ${ctx.input.ManagedPolicyArn} on ${ps.arn}`);
    ps.managedPolicies.splice(i, 1);
    return {};
  },
  ListManagedPoliciesInPermissionSet: (ctx) => {
    const page = pageJson(permissionSet(ctx).managedPolicies, ctx.input);
    return { AttachedManagedPolicies: page.items.map((p) => ({ Arn: p.arn, Name: p.name })), NextToken: page.NextToken };
  },

  AttachCustomerManagedPolicyReferenceToPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const ref = ctx.input.CustomerManagedPolicyReference ?? {};
    const name = String(ref.Name ?? "");
    const path = String(ref.Path ?? "/");
    if (ps.customerManagedPolicies.some((p) => p.name === name && p.path === path)) throw conflict(`Customer managed policy ${path}${name} is already attached to ${ps.arn}.`);
    if (ps.managedPolicies.length + ps.customerManagedPolicies.length >= 20)
      throw new AwsError("ServiceQuotaExceededException", "Managed policies per permission set exceeded (20).", 402);
    ps.customerManagedPolicies.push({ name, path });
    return {};
  },
  DetachCustomerManagedPolicyReferenceFromPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const ref = ctx.input.CustomerManagedPolicyReference ?? {};
    const i = ps.customerManagedPolicies.findIndex((p) => p.name === ref.Name && p.path === (ref.Path ?? "/"));
    if (i < 0) throw notFound(`Customer managed policy ${ref.Path ?? "/"}${ref.Name} on ${ps.arn}`);
    ps.customerManagedPolicies.splice(i, 1);
    return {};
  },
  ListCustomerManagedPolicyReferencesInPermissionSet: (ctx) => {
    const page = pageJson(permissionSet(ctx).customerManagedPolicies, ctx.input);
    return { CustomerManagedPolicyReferences: page.items.map((p) => ({ Name: p.name, Path: p.path })), NextToken: page.NextToken };
  },

  PutInlinePolicyToPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const doc = String(ctx.input.InlinePolicy ?? "");
    try {
      JSON.parse(doc);
    } catch {
      throw validation("The inline policy is not valid JSON.");
    }
    if (doc.length > 32768) throw validation("The inline policy exceeds 32,768 characters.");
    ps.inlinePolicy = doc;
    return {};
  },
  GetInlinePolicyForPermissionSet: (ctx) => ({ InlinePolicy: permissionSet(ctx).inlinePolicy ?? "" }),
  DeleteInlinePolicyFromPermissionSet: (ctx) => {
    permissionSet(ctx).inlinePolicy = undefined;
    return {};
  },

  PutPermissionsBoundaryToPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const b = ctx.input.PermissionsBoundary ?? {};
    const ref = b.CustomerManagedPolicyReference;
    ps.permissionsBoundary = {
      managedPolicyArn: b.ManagedPolicyArn,
      customerManagedPolicyReference: ref ? { name: String(ref.Name), path: String(ref.Path ?? "/") } : undefined,
    };
    return {};
  },
  GetPermissionsBoundaryForPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    const b = ps.permissionsBoundary;
    if (!b) throw notFound(`Permissions boundary of ${ps.arn}`);
    const ref = b.customerManagedPolicyReference;
    return { PermissionsBoundary: { ManagedPolicyArn: b.managedPolicyArn, CustomerManagedPolicyReference: ref ? { Name: ref.name, Path: ref.path } : undefined } };
  },
  DeletePermissionsBoundaryFromPermissionSet: (ctx) => {
    const ps = permissionSet(ctx);
    if (!ps.permissionsBoundary) throw notFound(`Permissions boundary of ${ps.arn}`);
    ps.permissionsBoundary = undefined;
    return {};
  },

  CreateAccountAssignment: (ctx) => {
    const a = assignmentOf(ctx);
    const ic = instance(ctx);
    const problem = assignmentProblem(ctx, a);
    if (!problem && !ic.assignments.some((b) => sameAssignment(a, b))) {
      ic.assignments.push(a);
      permissionSet(ctx).provisionedAccounts.add(a.accountId);
    }
    const fields = { TargetId: a.accountId, TargetType: "AWS_ACCOUNT", PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId };
    return {
      AccountAssignmentCreationStatus: request(ctx, "assignment-create", { ...fields, Status: problem ? "FAILED" : "SUCCEEDED", FailureReason: problem }),
    };
  },
  DescribeAccountAssignmentCreationStatus: (ctx) => ({
    AccountAssignmentCreationStatus: status(ctx, "assignment-create", ctx.input.AccountAssignmentCreationRequestId),
  }),
  DeleteAccountAssignment: (ctx) => {
    const a = assignmentOf(ctx);
    const ic = instance(ctx);
    const i = ic.assignments.findIndex((b) => sameAssignment(a, b));
    if (i < 0) throw notFound(`Account assignment ${a.principalType} ${a.principalId} ${a.accountId} ${a.permissionSetArn}`);
    ic.assignments.splice(i, 1);
    const fields = { TargetId: a.accountId, TargetType: "AWS_ACCOUNT", PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId };
    return { AccountAssignmentDeletionStatus: request(ctx, "assignment-delete", { ...fields, Status: "SUCCEEDED" }) };
  },
  DescribeAccountAssignmentDeletionStatus: (ctx) => ({
    AccountAssignmentDeletionStatus: status(ctx, "assignment-delete", ctx.input.AccountAssignmentDeletionRequestId),
  }),
  ListAccountAssignments: (ctx) => {
    const ps = permissionSet(ctx);
    const all = instance(ctx).assignments.filter((a) => a.permissionSetArn === ps.arn && a.accountId === String(ctx.input.AccountId));
    const page = pageJson(all, ctx.input);
    return {
      AccountAssignments: page.items.map((a) => ({ AccountId: a.accountId, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId })),
      NextToken: page.NextToken,
    };
  },
  ListAccountAssignmentsForPrincipal: (ctx) => {
    const all = instance(ctx).assignments.filter((a) => a.principalId === ctx.input.PrincipalId && a.principalType === ctx.input.PrincipalType);
    const page = pageJson(all, ctx.input);
    return {
      AccountAssignments: page.items.map((a) => ({ AccountId: a.accountId, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId })),
      NextToken: page.NextToken,
    };
  },

  CreateInstanceAccessControlAttributeConfiguration: (ctx) => {
    const ic = instance(ctx);
    if (ic.accessControlAttributes) throw conflict("Access control attributes are already configured for this instance.");
    ic.accessControlAttributes = ctx.input.InstanceAccessControlAttributeConfiguration?.AccessControlAttributes ?? [];
    return {};
  },
  UpdateInstanceAccessControlAttributeConfiguration: (ctx) => {
    const ic = instance(ctx);
    if (!ic.accessControlAttributes) throw notFound("Access control attribute configuration");
    ic.accessControlAttributes = ctx.input.InstanceAccessControlAttributeConfiguration?.AccessControlAttributes ?? [];
    return {};
  },
  DescribeInstanceAccessControlAttributeConfiguration: (ctx) => {
    const ic = instance(ctx);
    if (!ic.accessControlAttributes) throw notFound("Access control attribute configuration");
    return { Status: "ENABLED", InstanceAccessControlAttributeConfiguration: { AccessControlAttributes: ic.accessControlAttributes } };
  },
  DeleteInstanceAccessControlAttributeConfiguration: (ctx) => {
    const ic = instance(ctx);
    if (!ic.accessControlAttributes) throw notFound("Access control attribute configuration");
    ic.accessControlAttributes = undefined;
    return {};
  },
};
