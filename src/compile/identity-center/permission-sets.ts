import type { CustomerManagedPolicyReference, PermissionSet } from "../../../modules/generated/workspace";
import { cmp, JsonPath } from "../../diagnostics/diagnostic";
import { CustomerManagedPolicyRef, PermissionSetPlan, PermissionsBoundaryPlan } from "../../plan";
import { managedPolicyArn, sortedTags, WorkspaceContext } from "../context";
import { renderChecked } from "../render-policy";
import { IDENTITY_CENTER_LIMITS } from "../../aws-limits";

/** Compiles one permission set, reporting what is malformed (counts and sizes: src/rules/checks/). */
export function compilePermissionSet(ctx: WorkspaceContext, key: string, ps: PermissionSet, defaultSession: string, at: JsonPath): PermissionSetPlan {
  if (ps.sessionDuration) checkSession(ctx, ps.sessionDuration, [...at, "sessionDuration"]);

  const managed = ps.managedPolicies ?? [];
  managed.forEach((m, i) => checkAwsManagedPolicy(ctx, m, [...at, "managedPolicies", i]));
  const customer = customerPolicies(ctx, ps.customerManagedPolicies ?? [], [...at, "customerManagedPolicies"]);

  const inlinePolicy = ps.inlinePolicy ? renderChecked(ctx, ps.inlinePolicy, [...at, "inlinePolicy"]) : undefined;
  let permissionsBoundary: PermissionsBoundaryPlan | undefined;
  const b = ps.permissionsBoundary;
  if (b?.managedPolicy) {
    checkAwsManagedPolicy(ctx, b.managedPolicy, [...at, "permissionsBoundary", "managedPolicy"]);
    permissionsBoundary = { managedPolicyArn: managedPolicyArn(b.managedPolicy, ctx.inventory.partition) };
  } else if (b?.customerManagedPolicy) {
    permissionsBoundary = { customerManagedPolicy: policyRef(b.customerManagedPolicy) };
  }

  return {
    key,
    name: ps.name ?? key,
    description: ps.description,
    sessionDuration: ps.sessionDuration ?? defaultSession,
    relayState: ps.relayState,
    tags: sortedTags(ps.tags),
    managedPolicyArns: managed.map((m) => managedPolicyArn(m, ctx.inventory.partition)).sort(cmp),
    customerManagedPolicies: customer,
    inlinePolicy,
    permissionsBoundary,
  };
}

export function checkSession(ctx: WorkspaceContext, duration: string, at: JsonPath): void {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  const minutes = m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
  const { sessionMinMinutes: min, sessionMaxMinutes: max } = IDENTITY_CENTER_LIMITS;
  if (!(minutes >= min && minutes <= max)) {
    ctx.reporter.error(
      "KL301",
      ctx.source,
      at,
      `session duration ${duration} is ${minutes} minutes, expected PT1H to PT12H`,
      "use a duration between PT1H and PT12H, for example PT4H",
    );
  }
}

const policyRef = (p: CustomerManagedPolicyReference): CustomerManagedPolicyRef => ({ name: p.name, path: p.path ?? "/" });

/** Customer-managed policies with their default path, sorted by path then name; duplicates reported. */
function customerPolicies(ctx: WorkspaceContext, list: readonly CustomerManagedPolicyReference[], at: JsonPath): CustomerManagedPolicyRef[] {
  const seen = new Map<string, CustomerManagedPolicyRef>();
  list.forEach((p, i) => {
    const ref = policyRef(p);
    const id = `${ref.path}${ref.name}`;
    if (seen.has(id)) {
      ctx.reporter.error("KL315", ctx.source, [...at, i], `customer-managed policy ${id} is listed twice`, "list each policy once");
      return;
    }
    seen.set(id, ref);
  });
  return [...seen.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.name, b.name));
}

/** An AWS managed policy given as an ARN must be one, in the organization's partition. */
function checkAwsManagedPolicy(ctx: WorkspaceContext, nameOrArn: string, at: JsonPath): void {
  if (!nameOrArn.startsWith("arn:")) return;
  const partition = ctx.inventory.partition;
  if (new RegExp(`^arn:${partition}:iam::aws:policy/.+`).test(nameOrArn)) return;
  const customer = /^arn:[^:]+:iam::\d{12}:policy\/(.*\/)?([^/]+)$/.exec(nameOrArn);
  ctx.reporter.error(
    "KL314",
    ctx.source,
    at,
    `"${nameOrArn}" is not an AWS managed policy ARN in partition ${partition} (arn:${partition}:iam::aws:policy/...)`,
    customer
      ? `a policy in your own account is customer-managed: use customerManagedPolicies (or permissionsBoundary.customerManagedPolicy) with name: ${customer[2]}${customer[1] ? ` and path: /${customer[1]}` : ""}`
      : `give the policy name (for example ReadOnlyAccess); keyless builds the ARN in partition ${partition}`,
  );
}
