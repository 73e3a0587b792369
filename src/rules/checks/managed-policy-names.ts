import type { JsonPath } from "../../diagnostics/diagnostic";
import { checkManagedPolicyName } from "../../policy/model";
import type { Finding, PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/**
 * KL211 and KL212: every AWS managed policy a permission set or a GitHub Actions role names, checked
 * against AWS's list (shipped as data): a name close to a known one is a misspelling (error, with the
 * known name); an unknown name with nothing close is a warning (AWS may have added it since the list
 * was taken). Runs on every compile, so typos are reported with the other errors.
 */
export const managedPolicyNames: PlanRule = {
  name: "managed-policy-names",
  codes: ["KL211", "KL212"],
  alsoOnErrors: true,
  check(ctx) {
    const out: Finding[] = [];
    for (const w of ctx.plan.workspaces) {
      const def = ctx.definitions.get(w.name);
      const check = (ref: string | undefined, path: JsonPath, subj: string, owner: string) => {
        if (ref === undefined || (ref.startsWith("arn:") && !/^arn:[\w-]+:iam::aws:policy\//.test(ref))) return;
        const r = checkManagedPolicyName(ref);
        if (r.known) return;
        out.push(
          r.didYouMean
            ? {
                code: "KL211",
                subject: subj,
                file: w.file,
                path,
                message: `${owner} names the AWS managed policy "${r.name}", which does not exist; did you mean "${r.didYouMean}"?`,
                fix: `write "${r.didYouMean}"`,
              }
            : {
                code: "KL212",
                subject: subj,
                file: w.file,
                path,
                message: `${owner} names the AWS managed policy "${r.name}", which is not in keyless's list of AWS managed policies (nor close to one)`,
                fix: "check the name in the IAM console; if AWS added it recently, acknowledge this finding",
              },
        );
      };
      for (const [key, ps] of Object.entries(def?.identityCenter?.permissionSets ?? {})) {
        const at = ["identityCenter", "permissionSets", key];
        (ps.managedPolicies ?? []).forEach((ref, i) => check(ref, [...at, "managedPolicies", i], subject.permissionSet(key), `permission set "${key}"`));
        check(ps.permissionsBoundary?.managedPolicy, [...at, "permissionsBoundary", "managedPolicy"], subject.permissionSet(key), `the boundary of permission set "${key}"`);
      }
      for (const [key, role] of Object.entries(def?.githubOidc?.roles ?? {})) {
        (role.managedPolicies ?? []).forEach((ref, i) => check(ref, ["githubOidc", "roles", key, "managedPolicies", i], subject.role(key), `GitHub Actions role "${key}"`));
      }
    }
    return out;
  },
};
