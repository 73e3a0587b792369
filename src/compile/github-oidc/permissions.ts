import type { GithubOidcRole } from "../../../modules/generated/workspace";
import { cmp, JsonPath } from "../../diagnostics/diagnostic";
import { AccountRef } from "../../plan";
import { allowsPrivileged, isReadOnly, PolicySource } from "../../policy/model";
import { WorkspaceContext } from "../context";
import { Acknowledgements } from "./acknowledgements";

const ARN = /^arn:([\w-]+):iam::(aws|\d{12}):policy(\/(?:[\x21-\x2E\x30-\x7E]+\/)*)?([\w+=,.@-]{1,128})$/;
const NAME = /^(\/(?:[\x21-\x2E\x30-\x7E]+\/)*)?([\w+=,.@-]{1,128})$/;

export interface ResolvedPermissions {
  readonly managedPolicyArns: string[];
  readonly permissionsBoundaryArn?: string;
  readonly readOnly: boolean;
  /** Why the role is not read-only, in words (empty when it is). */
  readonly notReadOnly: readonly string[];
}

/** Managed, customer managed and boundary policies to ARNs; read-only and administrator checks. */
export function resolvePermissions(ctx: WorkspaceContext, ack: Acknowledgements, role: GithubOidcRole, account: AccountRef, at: JsonPath): ResolvedPermissions {
  const partition = ctx.inventory.partition;
  const arns = new Set<string>();
  const sources: PolicySource[] = [];
  const customer: string[] = [];
  let adminReported = false;

  (role.managedPolicies ?? []).forEach((ref, i) => {
    const path = [...at, "managedPolicies", i];
    const m = ARN.exec(ref);
    if (ref.startsWith("arn:") && (!m || m[2] !== "aws")) {
      const why = m ? `is a customer managed policy (account ${m[2]})` : "is not an IAM policy ARN";
      ctx.reporter.error(
        "KL516",
        ctx.source,
        path,
        `managedPolicies holds AWS managed policies, but "${ref}" ${why}`,
        "list customer managed policies under customerManagedPolicies",
      );
      return;
    }
    const name = m ? `${(m[3] ?? "/").slice(1)}${m[4]}` : ref.replace(/^\/+/, "");
    arns.add(`arn:${partition}:iam::aws:policy/${name}`);
    sources.push({ managed: name });
    const alone = name === "AdministratorAccess" ? undefined : allowsPrivileged([{ managed: name }]);
    if (alone?.privileged) {
      adminReported = true;
      ack.require(
        "administratorAccess",
        "KL510",
        path,
        `${name} on a role assumed from GitHub Actions makes it an administrator of account ${account.name}: it ${alone.reasons.join("; ")}`,
        "grant only what the workflow deploys (for example PowerUserAccess plus a scoped inline policy)",
        name,
      );
    }
    if (name === "AdministratorAccess") {
      adminReported = true;
      ack.require(
        "administratorAccess",
        "KL510",
        path,
        `AdministratorAccess on a role assumed from GitHub Actions gives every workflow run it admits full control of account ${account.name}`,
        "grant only what the workflow deploys (for example PowerUserAccess plus a scoped inline policy)",
        "AdministratorAccess",
      );
    }
  });

  (role.customerManagedPolicies ?? []).forEach((ref, i) => {
    const arn = customerPolicyArn(ctx, ref, account, [...at, "customerManagedPolicies", i], "customer managed policy");
    if (arn) arns.add(arn);
    customer.push(ref);
  });

  for (const name of Object.keys(role.inlinePolicies ?? {}).sort(cmp)) {
    const document = role.inlinePolicies![name];
    sources.push({ document, name: `inline policy ${name}` });
    const alone = allowsPrivileged(document);
    if (alone.privileged) {
      adminReported = true;
      const i = document.Statement.findIndex((st) => allowsPrivileged({ Statement: [st] }).privileged);
      ack.require(
        "administratorAccess",
        "KL510",
        [...at, "inlinePolicies", name, ...(i >= 0 ? ["Statement", i] : [])],
        `inline policy "${name}" makes the role an administrator of account ${account.name}: it ${alone.reasons.join("; ")}`,
        "list the actions the workflow needs, on the resources it needs",
        `inline policy ${name} allows every action`,
      );
    }
  }
  // Together (PowerUserAccess plus an inline iam:PassRole, say) they may be more than each alone.
  const together = adminReported ? undefined : allowsPrivileged(sources);
  if (together?.privileged) {
    ack.require(
      "administratorAccess",
      "KL510",
      at,
      `the role's policies together make it an administrator of account ${account.name}: they ${together.reasons.join("; ")}`,
      "drop iam:PassRole/iam:CreateRole on * (name the roles it may pass), or the broad managed policy",
      "policies together allow administrator access",
    );
  }
  // A customer managed policy's content is not in the definitions: keyless cannot call it read-only.
  const verdict = isReadOnly(sources);
  const notReadOnly = [...customer.map((ref) => `customer managed policy ${ref} (its content is not known to keyless)`), ...verdict.problems.map((p) => `${p.action} ${p.why}`)];
  const boundary =
    role.permissionsBoundary === undefined ? undefined : customerPolicyArn(ctx, role.permissionsBoundary, account, [...at, "permissionsBoundary"], "permissions boundary", true);
  return { managedPolicyArns: [...arns].sort(cmp), permissionsBoundaryArn: boundary, readOnly: notReadOnly.length === 0, notReadOnly };
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
      ctx.reporter.error(
        "KL516",
        ctx.source,
        path,
        `${what} "${ref}" is in account ${m[2]}, but the role is in ${account.name} (${account.id}); a role can only use customer managed policies of its own account`,
        `create the policy in ${account.name} and refer to it by name`,
      );
      return undefined;
    }
    return ref;
  }
  const m = NAME.exec(ref);
  if (!m) {
    ctx.reporter.error(
      "KL516",
      ctx.source,
      path,
      `${what} "${ref}" is neither an ARN, a policy name nor /path/name`,
      "write a policy name such as deploy-app, or /path/deploy-app",
    );
    return undefined;
  }
  return `arn:${partition}:iam::${account.id}:policy${m[1] ?? "/"}${m[2]}`;
}
