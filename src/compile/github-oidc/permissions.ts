import type { GithubOidcRole, PolicyStatement } from "../../../modules/generated/workspace";
import { cmp, JsonPath } from "../../diagnostics/diagnostic";
import { AccountRef } from "../../plan";
import { WorkspaceContext } from "../context";
import { Acknowledgements } from "./acknowledgements";

/**
 * AWS managed policies keyless treats as read-only (so a role with only these may be assumed from
 * pull requests). Deliberately short: anything else counts as "can write".
 */
export const READ_ONLY_MANAGED_POLICIES: readonly string[] = ["ReadOnlyAccess", "job-function/ViewOnlyAccess", "SecurityAudit"];

/** Action name prefixes that only read. Services whose "Get" mints credentials are excluded below. */
export const READ_ONLY_ACTION_PREFIXES: readonly string[] = ["Get", "List", "Describe", "BatchGet"];
const CREDENTIAL_SERVICES = new Set(["sts", "iam", "sso", "cognito-identity"]);

const ARN = /^arn:([\w-]+):iam::(aws|\d{12}):policy(\/(?:[\x21-\x2E\x30-\x7E]+\/)*)?([\w+=,.@-]{1,128})$/;
const NAME = /^(\/(?:[\x21-\x2E\x30-\x7E]+\/)*)?([\w+=,.@-]{1,128})$/;

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** True when an Allow statement only reads; Deny statements never add access. */
export function isReadOnlyStatement(s: PolicyStatement): boolean {
  if (s.Effect === "Deny") return true;
  if (s.NotAction !== undefined) return false;
  return list(s.Action).every((a) => {
    const [service, name = ""] = a.split(":");
    if (CREDENTIAL_SERVICES.has(service.toLowerCase())) return false;
    return READ_ONLY_ACTION_PREFIXES.some((p) => name.toLowerCase().startsWith(p.toLowerCase()));
  });
}

/** An Allow of every action (`*` or `*:*`): administrator. */
export function isAdminStatement(s: PolicyStatement): boolean {
  if (s.Effect !== "Allow") return false;
  return list(s.Action).some((a) => a === "*" || a === "*:*");
}

export interface ResolvedPermissions {
  readonly managedPolicyArns: string[];
  readonly permissionsBoundaryArn?: string;
  readonly readOnly: boolean;
}

/** Managed, customer managed and boundary policies to ARNs; read-only and administrator checks. */
export function resolvePermissions(ctx: WorkspaceContext, ack: Acknowledgements, role: GithubOidcRole, account: AccountRef, at: JsonPath): ResolvedPermissions {
  const partition = ctx.inventory.partition;
  const arns = new Set<string>();
  let readOnly = true;

  (role.managedPolicies ?? []).forEach((ref, i) => {
    const path = [...at, "managedPolicies", i];
    const m = ARN.exec(ref);
    if (ref.startsWith("arn:") && (!m || m[2] !== "aws")) {
      const why = m ? `is a customer managed policy (account ${m[2]})` : "is not an IAM policy ARN";
      ctx.reporter.error("KL516", ctx.source, path, `managedPolicies holds AWS managed policies, but "${ref}" ${why}`, "list customer managed policies under customerManagedPolicies");
      return;
    }
    const name = m ? `${(m[3] ?? "/").slice(1)}${m[4]}` : ref.replace(/^\/+/, "");
    arns.add(`arn:${partition}:iam::aws:policy/${name}`);
    if (!READ_ONLY_MANAGED_POLICIES.includes(name)) readOnly = false;
    if (name === "AdministratorAccess") {
      ack.require("administratorAccess", "KL510", path, `AdministratorAccess on a role assumed from GitHub Actions gives every workflow run it admits full control of account ${account.name}`, "grant only what the workflow deploys (for example PowerUserAccess plus a scoped inline policy)", "AdministratorAccess");
    }
  });

  (role.customerManagedPolicies ?? []).forEach((ref, i) => {
    const arn = customerPolicyArn(ctx, ref, account, [...at, "customerManagedPolicies", i], "customer managed policy");
    if (arn) arns.add(arn);
    readOnly = false;
  });

  for (const name of Object.keys(role.inlinePolicies ?? {}).sort(cmp)) {
    role.inlinePolicies![name].Statement.forEach((s, i) => {
      if (!isReadOnlyStatement(s)) readOnly = false;
      if (isAdminStatement(s)) {
        ack.require("administratorAccess", "KL510", [...at, "inlinePolicies", name, "Statement", i], `inline policy "${name}" allows every action, which makes the role an administrator of account ${account.name}`, "list the actions the workflow needs", `inline policy ${name} allows every action`);
      }
    });
  }

  const boundary = role.permissionsBoundary === undefined ? undefined : customerPolicyArn(ctx, role.permissionsBoundary, account, [...at, "permissionsBoundary"], "permissions boundary", true);
  return { managedPolicyArns: [...arns].sort(cmp), permissionsBoundaryArn: boundary, readOnly };
}

/** ARN, name or /path/name -> ARN of a policy in the role's account (AWS managed allowed for boundaries). */
function customerPolicyArn(ctx: WorkspaceContext, ref: string, account: AccountRef, path: JsonPath, what: string, awsManagedOk = false): string | undefined {
  const partition = ctx.inventory.partition;
  if (ref.startsWith("arn:")) {
    const m = ARN.exec(ref);
    if (!m) {
      ctx.reporter.error("KL516", ctx.source, path, `${what} "${ref}" is not an IAM policy ARN`, "write arn:<partition>:iam::<account id>:policy/<path/>name, or just the name");
      return undefined;
    }
    if (m[2] === "aws" && !awsManagedOk) {
      ctx.reporter.error("KL516", ctx.source, path, `"${ref}" is an AWS managed policy, not a customer managed one`, "list it under managedPolicies");
      return undefined;
    }
    if (m[2] !== "aws" && m[2] !== account.id) {
      ctx.reporter.error("KL516", ctx.source, path, `${what} "${ref}" is in account ${m[2]}, but the role is in ${account.name} (${account.id}); a role can only use customer managed policies of its own account`, `create the policy in ${account.name} and refer to it by name`);
      return undefined;
    }
    return ref;
  }
  const m = NAME.exec(ref);
  if (!m) {
    ctx.reporter.error("KL516", ctx.source, path, `${what} "${ref}" is neither an ARN, a policy name nor /path/name`, "write a policy name such as deploy-app, or /path/deploy-app");
    return undefined;
  }
  return `arn:${partition}:iam::${account.id}:policy${m[1] ?? "/"}${m[2]}`;
}
