import { cmp, JsonPath } from "../../diagnostics/diagnostic";
import type { CustomerManagedPolicyRef } from "../../plan";
import type { Finding, PlanRule, RuleContext } from "../plan-rule";
import { subject } from "../subjects";

const POLICY_ARN = /^arn:[\w-]+:iam::(\d{12}):policy(\/(?:.*\/)?)([^/]+)$/;

/** One use of a customer-managed policy: by whom, where, and the accounts it must exist in. */
interface PolicyUse {
  readonly owner: string;
  readonly file: string;
  readonly path: JsonPath;
  readonly policy: string;
  readonly what: string;
  readonly accounts: readonly string[];
}

/**
 * KL606: a customer-managed policy (or boundary) used by a permission set or GitHub Actions role that
 * the inventory does not declare present in every account it is needed in. Runs only when the
 * inventory has `customerManagedPolicies`. One finding per owner and policy, naming every account.
 */
export const customerManagedPolicies: PlanRule = {
  name: "customer-managed-policies",
  codes: ["KL606"],
  check(ctx) {
    if (!ctx.inventory.tracksCustomerManagedPolicies) return [];
    return [...permissionSetUses(ctx), ...roleUses(ctx)].flatMap((use): Finding[] => {
      const present = ctx.inventory.customerManagedPolicies.get(use.policy);
      const missing = use.accounts.filter((a) => !present?.has(a));
      if (!missing.length) return [];
      const why = present
        ? `the inventory declares it in ${present.size} account(s), not in ${missing.join(", ")}`
        : `the inventory's customerManagedPolicies does not list it, so it is not known to exist in ${missing.join(", ")}`;
      return [
        {
          code: "KL606",
          subject: `${use.owner}/customer-managed-policy:${use.policy}`,
          file: use.file,
          path: use.path,
          message: `${use.what} uses customer-managed policy ${use.policy}, which must exist with that name and path in every account it reaches, but ${why}`,
          fix: `create ${use.policy} in ${missing.join(", ")} and add them under customerManagedPolicies["${use.policy}"] in ${ctx.inventory.source.file}`,
        },
      ];
    });
  },
};

const id = (p: CustomerManagedPolicyRef) => `${p.path}${p.name}`;

/** Permission sets: their policies and boundary, in every account any workspace assigns them to. */
function permissionSetUses(ctx: RuleContext): PolicyUse[] {
  const accounts = new Map<string, Set<string>>();
  for (const w of ctx.plan.workspaces)
    for (const a of w.identityCenter.assignments) accounts.set(a.permissionSet, (accounts.get(a.permissionSet) ?? new Set()).add(a.account.name));
  return ctx.plan.workspaces.flatMap((w) =>
    w.identityCenter.permissionSets.flatMap((ps) => {
      const reached = [...(accounts.get(ps.key) ?? [])].sort(cmp);
      if (!reached.length) return [];
      const at = ["identityCenter", "permissionSets", ps.key];
      const boundary = ps.permissionsBoundary?.customerManagedPolicy;
      return [
        ...ps.customerManagedPolicies.map((p) => ({
          owner: subject.permissionSet(ps.key),
          file: w.file,
          path: [...at, "customerManagedPolicies"],
          policy: id(p),
          what: `permission set "${ps.key}"`,
          accounts: reached,
        })),
        ...(boundary
          ? [
              {
                owner: subject.permissionSet(ps.key),
                file: w.file,
                path: [...at, "permissionsBoundary"],
                policy: id(boundary),
                what: `the permissions boundary of permission set "${ps.key}"`,
                accounts: reached,
              },
            ]
          : []),
      ];
    }),
  );
}

/** GitHub Actions roles: customer managed policies and boundary in the role's own account. */
function roleUses(ctx: RuleContext): PolicyUse[] {
  return ctx.plan.workspaces.flatMap((w) =>
    w.githubOidc.roles.flatMap((r) => {
      const at = ["githubOidc", "roles", r.key];
      const uses: PolicyUse[] = [];
      const add = (arn: string | undefined, key: string, what: string) => {
        const m = arn === undefined ? null : POLICY_ARN.exec(arn);
        if (m) uses.push({ owner: subject.role(r.key), file: w.file, path: [...at, key], policy: `${m[2]}${m[3]}`, what, accounts: [r.account.name] });
      };
      for (const arn of r.managedPolicyArns) add(arn, "customerManagedPolicies", `GitHub Actions role "${r.key}"`);
      add(r.permissionsBoundaryArn, "permissionsBoundary", `the permissions boundary of GitHub Actions role "${r.key}"`);
      return uses;
    }),
  );
}
