/**
 * Identity Store (JSON 1.1, `AWSIdentityStore.*`): groups, users, memberships, lookups by unique
 * attribute (display name, user name) or external id.
 */
import { AwsError, conflict, validation } from "../errors";
import { OperationTable, RequestContext } from "../server";
import { Group, identityStoreUuid, Membership, stableId, User } from "../state";
import { pageJson } from "./paginate";

function store(ctx: RequestContext) {
  if (ctx.input.IdentityStoreId !== ctx.state.identityCenter.identityStoreId)
    throw new AwsError("ResourceNotFoundException", `IdentityStore ${ctx.input.IdentityStoreId} not found`);
  return ctx.state.identityStore;
}

const missing = (type: string, id: unknown) => new AwsError("ResourceNotFoundException", `${type} not found: ${typeof id === "string" ? id : JSON.stringify(id)}`);

function group(ctx: RequestContext): Group {
  const g = store(ctx).groups.get(String(ctx.input.GroupId));
  if (!g) throw missing("GROUP", ctx.input.GroupId);
  return g;
}
function user(ctx: RequestContext): User {
  const u = store(ctx).users.get(String(ctx.input.UserId));
  if (!u) throw missing("USER", ctx.input.UserId);
  return u;
}

const withStore = (ctx: RequestContext, o: object) => ({ ...o, IdentityStoreId: ctx.state.identityCenter.identityStoreId });

/** `name.givenName` -> ["Name", "GivenName"]: the API's attribute paths name the output's fields. */
function pathOf(attributePath: string): string[] {
  return attributePath.split(".").map((p) => p.charAt(0).toUpperCase() + p.slice(1));
}

function applyOperations(target: Record<string, any>, operations: unknown): void {
  for (const op of (Array.isArray(operations) ? operations : []) as { AttributePath: string; AttributeValue?: unknown }[]) {
    const path = pathOf(op.AttributePath);
    let node = target;
    for (const p of path.slice(0, -1)) node = node[p] ??= {};
    const last = path[path.length - 1];
    if (op.AttributeValue === undefined || op.AttributeValue === null || op.AttributeValue === "") delete node[last];
    else node[last] = op.AttributeValue;
  }
}

function matchesUnique(o: Record<string, any>, unique: { AttributePath?: string; AttributeValue?: unknown }): boolean {
  const path = pathOf(String(unique.AttributePath ?? ""));
  let v: any = o;
  for (const p of path) v = v?.[p];
  return typeof v === "string" && v === unique.AttributeValue;
}

function matchesExternal(o: { ExternalIds?: { Issuer: string; Id: string }[] }, ext: { Issuer?: string; Id?: string }): boolean {
  return (o.ExternalIds ?? []).some((e) => e.Issuer === ext.Issuer && e.Id === ext.Id);
}

function lookup<T extends Record<string, any>>(items: Iterable<T>, alternate: any, type: string): T {
  if (!alternate || (!alternate.UniqueAttribute && !alternate.ExternalId)) throw validation("AlternateIdentifier is required");
  for (const item of items) {
    if (alternate.UniqueAttribute && matchesUnique(item, alternate.UniqueAttribute)) return item;
    if (alternate.ExternalId && matchesExternal(item, alternate.ExternalId)) return item;
  }
  throw missing(type, alternate);
}

function filtered<T extends Record<string, any>>(items: T[], filters: unknown): T[] {
  const list = (Array.isArray(filters) ? filters : []) as { AttributePath: string; AttributeValue: string }[];
  return items.filter((i) => list.every((f) => matchesUnique(i, f)));
}

export const identityStore: OperationTable = {
  CreateGroup: (ctx) => {
    const groups = store(ctx).groups;
    const name = String(ctx.input.DisplayName ?? "");
    if (!name) throw validation("DisplayName is required");
    if ([...groups.values()].some((g) => g.DisplayName === name)) throw conflict(`Duplicate GroupDisplayName: a group named ${name} already exists.`);
    const id = identityStoreUuid(stableId(ctx.state, "group", name));
    groups.set(id, { GroupId: id, DisplayName: name, Description: ctx.input.Description });
    return withStore(ctx, { GroupId: id });
  },
  DescribeGroup: (ctx) => withStore(ctx, group(ctx)),
  UpdateGroup: (ctx) => {
    applyOperations(group(ctx), ctx.input.Operations);
    return {};
  },
  DeleteGroup: (ctx) => {
    const g = group(ctx);
    const s = store(ctx);
    s.groups.delete(g.GroupId);
    for (const [id, m] of s.memberships) if (m.GroupId === g.GroupId) s.memberships.delete(id);
    return {};
  },
  GetGroupId: (ctx) => withStore(ctx, { GroupId: lookup(store(ctx).groups.values(), ctx.input.AlternateIdentifier, "GROUP").GroupId }),
  ListGroups: (ctx) => {
    const page = pageJson(filtered([...store(ctx).groups.values()], ctx.input.Filters), ctx.input);
    return { Groups: page.items.map((g) => withStore(ctx, g)), NextToken: page.NextToken };
  },

  CreateUser: (ctx) => {
    const users = store(ctx).users;
    const name = String(ctx.input.UserName ?? "");
    if (!name) throw validation("UserName is required");
    if ([...users.values()].some((u) => u.UserName === name)) throw conflict(`Duplicate UserName: a user named ${name} already exists.`);
    const id = identityStoreUuid(stableId(ctx.state, "user", name));
    const { IdentityStoreId: _store, ...fields } = ctx.input;
    users.set(id, { ...fields, UserName: name, UserId: id });
    return withStore(ctx, { UserId: id });
  },
  DescribeUser: (ctx) => withStore(ctx, user(ctx)),
  UpdateUser: (ctx) => {
    applyOperations(user(ctx), ctx.input.Operations);
    return {};
  },
  DeleteUser: (ctx) => {
    const u = user(ctx);
    const s = store(ctx);
    s.users.delete(u.UserId);
    for (const [id, m] of s.memberships) if (m.MemberId.UserId === u.UserId) s.memberships.delete(id);
    return {};
  },
  GetUserId: (ctx) => withStore(ctx, { UserId: lookup(store(ctx).users.values(), ctx.input.AlternateIdentifier, "USER").UserId }),
  ListUsers: (ctx) => {
    const page = pageJson(filtered([...store(ctx).users.values()], ctx.input.Filters), ctx.input);
    return { Users: page.items.map((u) => withStore(ctx, u)), NextToken: page.NextToken };
  },

  CreateGroupMembership: (ctx) => {
    const s = store(ctx);
    const groupId = String(ctx.input.GroupId);
    const userId = String(ctx.input.MemberId?.UserId ?? "");
    if (!s.groups.has(groupId)) throw missing("GROUP", groupId);
    if (!s.users.has(userId)) throw missing("USER", userId);
    if ([...s.memberships.values()].some((m) => m.GroupId === groupId && m.MemberId.UserId === userId)) throw conflict(`Member ${userId} is already in group ${groupId}.`);
    const id = identityStoreUuid(stableId(ctx.state, "membership", `${groupId}/${userId}`));
    s.memberships.set(id, { MembershipId: id, GroupId: groupId, MemberId: { UserId: userId } });
    return withStore(ctx, { MembershipId: id });
  },
  DescribeGroupMembership: (ctx) => {
    const m = store(ctx).memberships.get(String(ctx.input.MembershipId));
    if (!m) throw missing("GROUP_MEMBERSHIP", ctx.input.MembershipId);
    return withStore(ctx, m);
  },
  DeleteGroupMembership: (ctx) => {
    const s = store(ctx);
    if (!s.memberships.delete(String(ctx.input.MembershipId))) throw missing("GROUP_MEMBERSHIP", ctx.input.MembershipId);
    return {};
  },
  GetGroupMembershipId: (ctx) => {
    const m = [...store(ctx).memberships.values()].find((x) => x.GroupId === ctx.input.GroupId && x.MemberId.UserId === ctx.input.MemberId?.UserId);
    if (!m) throw missing("GROUP_MEMBERSHIP", ctx.input);
    return withStore(ctx, { MembershipId: m.MembershipId });
  },
  ListGroupMemberships: (ctx) => {
    const all = [...store(ctx).memberships.values()].filter((m) => m.GroupId === ctx.input.GroupId);
    const page = pageJson<Membership>(all, ctx.input);
    return { GroupMemberships: page.items.map((m) => withStore(ctx, m)), NextToken: page.NextToken };
  },
  ListGroupMembershipsForMember: (ctx) => {
    const all = [...store(ctx).memberships.values()].filter((m) => m.MemberId.UserId === ctx.input.MemberId?.UserId);
    const page = pageJson<Membership>(all, ctx.input);
    return { GroupMemberships: page.items.map((m) => withStore(ctx, m)), NextToken: page.NextToken };
  },
};
