import type { PolicyDocument, PolicyStatement } from "../../modules/generated/workspace";

/**
 * What the SCP language accepts, element by element. Since September 2025 SCPs support the full IAM
 * language except principals: Allow statements may use conditions, individual resource ARNs and
 * NotAction; NotResource works with both effects; wildcards may appear anywhere in an action name.
 * Sources: AWS Organizations User Guide, "SCP syntax"
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html),
 * and the AWS Security Blog, "AWS Organizations service control policy now supports full IAM language"
 * (https://aws.amazon.com/blogs/security/unlock-new-possibilities-aws-organizations-service-control-policy-now-supports-full-iam-language).
 */
export const SCP_ELEMENTS: Readonly<Record<keyof PolicyStatement, readonly ("Allow" | "Deny")[]>> = {
  Sid: ["Allow", "Deny"],
  Effect: ["Allow", "Deny"],
  Action: ["Allow", "Deny"],
  NotAction: ["Allow", "Deny"],
  Resource: ["Allow", "Deny"],
  NotResource: ["Allow", "Deny"],
  Condition: ["Allow", "Deny"],
  // An SCP applies to every principal of the accounts it is attached to: it names none.
  Principal: [],
  NotPrincipal: [],
};

/** `*`, or `service:Action` where the action part may hold `*` and `?` anywhere; the service has no wildcard. */
const ACTION = /^(\*|[a-z0-9][a-z0-9-]*:[A-Za-z0-9*?_-]+)$/;

export interface ScpProblem {
  /** Path inside the policy document. */
  readonly path: readonly (string | number)[];
  readonly kind: "element" | "action" | "resource" | "allow-beside-full-access";
  readonly message: string;
  readonly fix: string;
}

/** Problems that make a document an invalid (or, for Allow statements, an ineffective) SCP. */
export function scpProblems(doc: PolicyDocument): ScpProblem[] {
  const out: ScpProblem[] = [];
  doc.Statement.forEach((s, i) => {
    const at = ["Statement", i];
    for (const key of Object.keys(s) as (keyof PolicyStatement)[]) {
      const effects = SCP_ELEMENTS[key];
      if (effects && !effects.includes(s.Effect)) {
        out.push({
          path: [...at, key],
          kind: "element",
          message: `statement ${i} uses ${key}, which SCPs do not support${effects.length ? ` in ${s.Effect} statements` : ""}`,
          fix: `remove ${key}: an SCP applies to every IAM user and role in the accounts it is attached to`,
        });
      }
    }
    for (const key of ["Action", "NotAction"] as const) {
      const v = s[key];
      const list = v === undefined ? [] : typeof v === "string" ? [v] : v;
      list.forEach((a, j) => {
        if (!ACTION.test(a)) {
          out.push({
            path: [...at, key, ...(typeof v === "string" ? [] : [j])],
            kind: "action",
            message: `action "${a}" is not of the form service:Action (for example iam:CreateUser, s3:*, ec2:*Vpc*)`,
            fix: "write the service prefix in lower case, a colon, then the action name; * and ? may appear in the action name only",
          });
        }
      });
    }
    if (s.Resource === undefined && s.NotResource === undefined) {
      out.push({ path: at, kind: "resource", message: `statement ${i} has neither Resource nor NotResource`, fix: 'add Resource: "*" (or the ARNs it applies to)' });
    }
    if (s.Effect === "Allow") {
      out.push({
        path: [...at, "Effect"],
        kind: "allow-beside-full-access",
        message: `statement ${i} is an Allow: beside FullAWSAccess, which keyless never detaches, it changes nothing`,
        fix: "write the guardrail as a Deny statement (deny-list strategy)",
      });
    }
  });
  return out;
}

/** Whether every statement denies: such policies can be merged without changing their meaning. */
export function denyOnly(doc: PolicyDocument): boolean {
  return doc.Statement.every((s) => s.Effect === "Deny");
}
