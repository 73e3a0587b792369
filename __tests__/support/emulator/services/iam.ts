/**
 * IAM (Query protocol), per calling account: roles with inline and attached policies, customer-managed
 * policies, OIDC providers, tags. Policy documents are kept verbatim and returned URL-encoded, as IAM does.
 */
import { AwsError } from "../errors";
import { OperationTable, RequestContext } from "../server";
import { AccountIam, accountIam, EPOCH, hex, ManagedPolicy, OidcProvider, Role, stableId } from "../state";
import { pageQuery } from "./paginate";
import { tagsIn, tagsOut } from "./tags";

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const noSuch = (what: string) => new AwsError("NoSuchEntity", what, 404);
const exists = (what: string) => new AwsError("EntityAlreadyExists", what, 409);

function iamOf(ctx: RequestContext): AccountIam {
  return accountIam(ctx.state, ctx.accountId);
}

function role(ctx: RequestContext): Role {
  const name = String(ctx.input.RoleName ?? "");
  const found = iamOf(ctx).roles.get(name);
  if (!found) throw noSuch(`The role with name ${name} cannot be found.`);
  return found;
}

function checkDocument(doc: unknown): string {
  const text = String(doc ?? "");
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || !("Statement" in parsed)) throw new Error("no Statement");
  } catch (e) {
    throw new AwsError("MalformedPolicyDocument", `Syntax errors in policy: ${(e as Error).message}`, 400);
  }
  return text;
}

function roleOut(r: Role) {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: iso(r.createDate),
    AssumeRolePolicyDocument: encodeURIComponent(r.assumeRolePolicyDocument),
    Description: r.description,
    MaxSessionDuration: r.maxSessionDuration,
    PermissionsBoundary: r.permissionsBoundary ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: r.permissionsBoundary } : undefined,
    Tags: Object.keys(r.tags).length ? tagsOut(r.tags) : undefined,
    RoleLastUsed: {},
  };
}

/** AWS-managed policies always exist; a customer-managed one must exist in the calling account. */
function attachablePolicy(ctx: RequestContext, arn: string): void {
  if (/^arn:aws:iam::aws:policy\//.test(arn)) return;
  if (!iamOf(ctx).policies.has(arn)) throw noSuch(`Policy ${arn} does not exist or is not attachable.`);
}

function oidc(ctx: RequestContext): OidcProvider {
  const arn = String(ctx.input.OpenIDConnectProviderArn ?? "");
  const found = iamOf(ctx).oidcProviders.get(arn);
  if (!found) throw noSuch(`OpenIDConnect Provider not found for arn ${arn}`);
  return found;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export const iam: OperationTable = {
  CreateRole: (ctx) => {
    const { input } = ctx;
    const name = String(input.RoleName);
    const roles = iamOf(ctx).roles;
    if (roles.has(name)) throw exists(`Role with name ${name} already exists.`);
    const path = String(input.Path ?? "/");
    const r: Role = {
      name,
      path,
      roleId: `AROA${stableId(ctx.state, `role:${ctx.accountId}`, name).slice(0, 17).toUpperCase()}`,
      arn: `arn:aws:iam::${ctx.accountId}:role${path}${name}`,
      assumeRolePolicyDocument: checkDocument(input.AssumeRolePolicyDocument),
      description: input.Description,
      maxSessionDuration: Number(input.MaxSessionDuration ?? 3600),
      permissionsBoundary: input.PermissionsBoundary,
      tags: tagsIn(input.Tags),
      createDate: EPOCH,
      inlinePolicies: new Map(),
      attachedPolicies: [],
    };
    if (r.permissionsBoundary) attachablePolicy(ctx, r.permissionsBoundary);
    roles.set(name, r);
    return { Role: roleOut(r) };
  },
  GetRole: (ctx) => ({ Role: roleOut(role(ctx)) }),
  ListRoles: (ctx) => {
    const prefix = String(ctx.input.PathPrefix ?? "/");
    const all = [...iamOf(ctx).roles.values()].filter((r) => r.path.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name));
    const page = pageQuery(all, ctx.input);
    return { Roles: page.items.map(roleOut), IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
  UpdateRole: (ctx) => {
    const r = role(ctx);
    if (ctx.input.Description !== undefined) r.description = ctx.input.Description;
    if (ctx.input.MaxSessionDuration !== undefined) r.maxSessionDuration = Number(ctx.input.MaxSessionDuration);
    return {};
  },
  UpdateRoleDescription: (ctx) => {
    const r = role(ctx);
    r.description = ctx.input.Description;
    return { Role: roleOut(r) };
  },
  UpdateAssumeRolePolicy: (ctx) => {
    role(ctx).assumeRolePolicyDocument = checkDocument(ctx.input.PolicyDocument);
    return undefined;
  },
  DeleteRole: (ctx) => {
    const r = role(ctx);
    if (r.inlinePolicies.size || r.attachedPolicies.length) throw new AwsError("DeleteConflict", "Cannot delete entity, must remove policies first.", 409);
    iamOf(ctx).roles.delete(r.name);
    return undefined;
  },
  PutRolePermissionsBoundary: (ctx) => {
    const r = role(ctx);
    attachablePolicy(ctx, String(ctx.input.PermissionsBoundary));
    r.permissionsBoundary = String(ctx.input.PermissionsBoundary);
    return undefined;
  },
  DeleteRolePermissionsBoundary: (ctx) => {
    const r = role(ctx);
    if (!r.permissionsBoundary) throw noSuch(`The role ${r.name} has no permissions boundary.`);
    r.permissionsBoundary = undefined;
    return undefined;
  },
  TagRole: (ctx) => {
    Object.assign(role(ctx).tags, tagsIn(ctx.input.Tags));
    return undefined;
  },
  UntagRole: (ctx) => {
    const r = role(ctx);
    for (const k of list(ctx.input.TagKeys)) delete r.tags[k];
    return undefined;
  },
  ListRoleTags: (ctx) => ({ Tags: tagsOut(role(ctx).tags), IsTruncated: false }),
  ListInstanceProfilesForRole: (ctx) => {
    role(ctx);
    return { InstanceProfiles: [], IsTruncated: false };
  },

  PutRolePolicy: (ctx) => {
    const r = role(ctx);
    r.inlinePolicies.set(String(ctx.input.PolicyName), checkDocument(ctx.input.PolicyDocument));
    return undefined;
  },
  GetRolePolicy: (ctx) => {
    const r = role(ctx);
    const name = String(ctx.input.PolicyName);
    const doc = r.inlinePolicies.get(name);
    if (doc === undefined) throw noSuch(`The role policy with name ${name} cannot be found.`);
    return { RoleName: r.name, PolicyName: name, PolicyDocument: encodeURIComponent(doc) };
  },
  DeleteRolePolicy: (ctx) => {
    const r = role(ctx);
    const name = String(ctx.input.PolicyName);
    if (!r.inlinePolicies.delete(name)) throw noSuch(`The role policy with name ${name} cannot be found.`);
    return undefined;
  },
  ListRolePolicies: (ctx) => {
    const page = pageQuery([...role(ctx).inlinePolicies.keys()].sort(), ctx.input);
    return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
  AttachRolePolicy: (ctx) => {
    const r = role(ctx);
    const arn = String(ctx.input.PolicyArn);
    attachablePolicy(ctx, arn);
    if (!r.attachedPolicies.includes(arn)) {
      if (r.attachedPolicies.length >= 10) throw new AwsError("LimitExceeded", `Cannot exceed quota for PoliciesPerRole: 10`, 409);
      r.attachedPolicies.push(arn);
    }
    return undefined;
  },
  DetachRolePolicy: (ctx) => {
    const r = role(ctx);
    const arn = String(ctx.input.PolicyArn);
    const i = r.attachedPolicies.indexOf(arn);
    if (i < 0) throw noSuch(`Policy ${arn} was not found.`);
    r.attachedPolicies.splice(i, 1);
    return undefined;
  },
  ListAttachedRolePolicies: (ctx) => {
    const page = pageQuery(role(ctx).attachedPolicies, ctx.input);
    return {
      AttachedPolicies: page.items.map((arn) => ({ PolicyName: arn.split("/").pop(), PolicyArn: arn })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },

  CreatePolicy: (ctx) => {
    const name = String(ctx.input.PolicyName);
    const path = String(ctx.input.Path ?? "/");
    const arn = `arn:aws:iam::${ctx.accountId}:policy${path}${name}`;
    const policies = iamOf(ctx).policies;
    if (policies.has(arn)) throw exists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
    const p: ManagedPolicy = { arn, name, path, policyId: `ANPA${hex(arn, 17).toUpperCase()}`, document: checkDocument(ctx.input.PolicyDocument), createDate: EPOCH };
    policies.set(arn, p);
    return { Policy: policyOut(p) };
  },
  GetPolicy: (ctx) => {
    const arn = String(ctx.input.PolicyArn);
    const p = iamOf(ctx).policies.get(arn);
    if (!p) throw noSuch(`Policy ${arn} was not found.`);
    return { Policy: policyOut(p) };
  },

  CreateOpenIDConnectProvider: (ctx) => {
    const url = String(ctx.input.Url).replace(/^https:\/\//, "");
    const arn = `arn:aws:iam::${ctx.accountId}:oidc-provider/${url}`;
    const providers = iamOf(ctx).oidcProviders;
    if (providers.has(arn)) throw exists(`Provider with url https://${url} already exists.`);
    const thumbprints = list(ctx.input.ThumbprintList);
    const p: OidcProvider = {
      arn,
      url,
      clientIds: list(ctx.input.ClientIDList),
      // IAM fills in the issuer's thumbprint when none is given.
      thumbprints: thumbprints.length ? thumbprints : [hex(`thumbprint:${url}`, 40)],
      tags: tagsIn(ctx.input.Tags),
      createDate: EPOCH,
    };
    providers.set(arn, p);
    return { OpenIDConnectProviderArn: arn, Tags: tagsOut(p.tags) };
  },
  GetOpenIDConnectProvider: (ctx) => {
    const p = oidc(ctx);
    return { Url: p.url, ClientIDList: p.clientIds, ThumbprintList: p.thumbprints, CreateDate: iso(p.createDate), Tags: tagsOut(p.tags) };
  },
  ListOpenIDConnectProviders: (ctx) => ({
    OpenIDConnectProviderList: [...iamOf(ctx).oidcProviders.keys()].sort().map((Arn) => ({ Arn })),
  }),
  DeleteOpenIDConnectProvider: (ctx) => {
    iamOf(ctx).oidcProviders.delete(oidc(ctx).arn);
    return undefined;
  },
  UpdateOpenIDConnectProviderThumbprint: (ctx) => {
    oidc(ctx).thumbprints = list(ctx.input.ThumbprintList);
    return undefined;
  },
  AddClientIDToOpenIDConnectProvider: (ctx) => {
    const p = oidc(ctx);
    const id = String(ctx.input.ClientID);
    if (!p.clientIds.includes(id)) p.clientIds.push(id);
    return undefined;
  },
  RemoveClientIDFromOpenIDConnectProvider: (ctx) => {
    const p = oidc(ctx);
    p.clientIds = p.clientIds.filter((c) => c !== String(ctx.input.ClientID));
    return undefined;
  },
  TagOpenIDConnectProvider: (ctx) => {
    Object.assign(oidc(ctx).tags, tagsIn(ctx.input.Tags));
    return undefined;
  },
  UntagOpenIDConnectProvider: (ctx) => {
    const p = oidc(ctx);
    for (const k of list(ctx.input.TagKeys)) delete p.tags[k];
    return undefined;
  },
  ListOpenIDConnectProviderTags: (ctx) => ({ Tags: tagsOut(oidc(ctx).tags), IsTruncated: false }),
};

function policyOut(p: ManagedPolicy) {
  return {
    PolicyName: p.name,
    PolicyId: p.policyId,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: "v1",
    AttachmentCount: 0,
    IsAttachable: true,
    CreateDate: iso(p.createDate),
    UpdateDate: iso(p.createDate),
  };
}
