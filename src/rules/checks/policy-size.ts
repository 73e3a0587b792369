import { IAM_ROLE_LIMITS, IDENTITY_CENTER_LIMITS, SCP_LIMITS } from "../../aws-limits";
import type { JsonPath } from "../../diagnostics/diagnostic";
import type { Finding, PlanRule } from "../plan-rule";
import { subject } from "../subjects";

type SizeCode = "KL302" | "KL401" | "KL503";

const FIX: Readonly<Record<SizeCode, string>> = {
  KL302: "split it, or use wildcards in action names to shorten it",
  KL401: "split it, or use wildcards in action names to shorten it",
  KL503: "use fewer subjects (or one pattern, with allow.wildcardSubjects), split the role, or raise the account's trust policy quota and set githubOidc.quotas.trustPolicySize",
};

const tooLarge = (code: SizeCode, subj: string, file: string, path: JsonPath, text: string, limit: number): Finding[] =>
  text.length <= limit
    ? []
    : [{ code, subject: subj, file, path, message: `the policy is ${text.length} characters minified, ${text.length - limit} over the limit of ${limit}`, fix: FIX[code] }];

/**
 * KL302 / KL401 / KL503 / KL515: the size of every policy keyless sends, as AWS counts it (the plan
 * holds them minified): permission set and role inline policies (10,240), SCPs (5,120), trust policies
 * (2,048 by default; githubOidc.quotas.trustPolicySize raises it, with a warning that the account
 * needs the quota).
 */
export const policySize: PlanRule = {
  name: "policy-size",
  codes: ["KL302", "KL401", "KL503", "KL515"],
  alsoOnErrors: true,
  check(ctx) {
    return ctx.plan.workspaces.flatMap((w) => [
      ...w.identityCenter.permissionSets.flatMap((ps) =>
        ps.inlinePolicy
          ? tooLarge(
              "KL302",
              subject.permissionSet(ps.key),
              w.file,
              ["identityCenter", "permissionSets", ps.key, "inlinePolicy"],
              ps.inlinePolicy,
              IDENTITY_CENTER_LIMITS.inlinePolicyChars,
            )
          : [],
      ),
      ...w.guardrails.policies.flatMap((p) => {
        const path = p.declaredAt[1] === "policies" ? [...p.declaredAt, "document"] : p.declaredAt;
        return tooLarge("KL401", subject.scp(p.name), w.file, path, p.content, SCP_LIMITS.contentChars);
      }),
      ...w.githubOidc.roles.flatMap((r): Finding[] => {
        const at = ["githubOidc", "roles", r.key];
        const quota = ctx.definitions.get(w.name)?.githubOidc?.quotas?.trustPolicySize ?? IAM_ROLE_LIMITS.trustPolicyCharsDefault;
        const trust = r.assumeRolePolicy;
        const raised: Finding[] =
          trust.length > IAM_ROLE_LIMITS.trustPolicyCharsDefault && trust.length <= quota
            ? [
                {
                  code: "KL515",
                  subject: subject.role(r.key),
                  file: w.file,
                  path: [...at, "subjects"],
                  message: `the trust policy is ${trust.length} characters, over AWS's default of ${IAM_ROLE_LIMITS.trustPolicyCharsDefault}`,
                  fix: `make sure account ${r.account.name} has the "Role trust policy length" quota raised to at least ${trust.length}`,
                },
              ]
            : [];
        return [
          ...r.inlinePolicies.flatMap((p) => tooLarge("KL302", subject.role(r.key), w.file, [...at, "inlinePolicies", p.name], p.document, IAM_ROLE_LIMITS.inlinePolicyChars)),
          ...tooLarge("KL503", subject.role(r.key), w.file, [...at, "subjects"], trust, quota),
          ...raised,
        ];
      }),
    ]);
  },
};
