import { cmp } from "../../diagnostics/diagnostic";
import { suggestion } from "../../diagnostics/suggest";
import { DENY_IAM_USERS, describeExemptions, denyIamUsersPolicy, DenyIamUsersOptions, GUARDRAIL_OPT_OUTS, GuardrailOptOut } from "../../policy/deny-iam-users";
import { reasonProblem } from "../../rules/acknowledgements";
import { WorkspaceContext } from "../context";
import { renderChecked } from "../render-policy";
import { Guardrail } from "./guardrail";
import { fitDescription } from "./description";
import { attachmentTargets } from "./targets";

export { DENY_IAM_USERS };

/** The built-in guardrail `guardrails.denyIamUsers`, with its exemptions and opt-outs resolved. */
export function compileDenyIamUsers(ctx: WorkspaceContext): Guardrail[] {
  const g = ctx.def.guardrails?.denyIamUsers;
  if (!g) return [];
  const at = ["guardrails", "denyIamUsers"];
  const exemptPermissionSets: string[] = [];
  (g.exemptPermissionSets ?? []).forEach((key, i) => {
    const decl = ctx.registry.permissionSets.get(key);
    if (decl) exemptPermissionSets.push(decl.name);
    else
      ctx.reporter.error(
        "KL203",
        ctx.source,
        [...at, "exemptPermissionSets", i],
        `permission set "${key}" is not declared in any workspace, so its roles cannot be exempted`,
        suggestion(key, ctx.registry.permissionSets.keys(), "permission set"),
      );
  });
  for (const key of Object.keys(g.exemptPrincipalTags ?? {}).sort(cmp)) {
    ctx.reporter.error(
      "KL410",
      ctx.source,
      [...at, "exemptPrincipalTags", key],
      `a principal tag "${key}" cannot exempt anyone safely: session tags passed by a caller outside the organization, attributes from an identity provider a member-account administrator creates, and Identity Center ABAC attributes with the same key all set aws:PrincipalTag/${key} where no SCP looks`,
      "exempt break-glass roles by name in exemptRoles (keyless protects those names), or permission sets in exemptPermissionSets",
    );
  }
  const optOuts: GuardrailOptOut[] = [];
  for (const kind of Object.keys(g.allow ?? {}).sort(cmp) as GuardrailOptOut[]) {
    if (!GUARDRAIL_OPT_OUTS.includes(kind)) continue; // the schema rejects other keys
    const reason = g.allow![kind]!;
    const problem = reasonProblem(reason);
    if (problem) {
      ctx.reporter.error(
        "KL691",
        ctx.source,
        [...at, "allow", kind],
        `the reason for allow.${kind} is not a real sentence: ${problem}`,
        "say why this path must stay open, for example who decided it and until when",
      );
      continue;
    }
    ctx.reporter.warn(
      "KL411",
      ctx.source,
      [...at, "allow", kind],
      `the guardrail leaves ${kind} open: ${OPT_OUT_WORDS[kind]} (reason: ${reason})`,
      "review this opt-out; remove it when it is no longer needed",
    );
    optOuts.push(kind);
  }
  const options: DenyIamUsersOptions = {
    partition: ctx.inventory.partition,
    exemptRoles: [...(g.exemptRoles ?? [])].sort(cmp),
    exemptPermissionSets: [...new Set(exemptPermissionSets)].sort(cmp),
    deployerRoles: [ctx.def.aws.memberAccountRole ?? "OrganizationAccountAccessRole"],
    allowKeyStatusChanges: g.allowKeyStatusChanges ?? false,
    optOuts,
  };
  const document = denyIamUsersPolicy(options);
  const exemptions = describeExemptions(options);
  return [
    {
      document,
      plan: {
        key: "deny_iam_users",
        name: g.policyName ?? DENY_IAM_USERS,
        description: fitDescription("keyless: deny IAM users, long-lived credentials and standing-access paths" + (exemptions.length ? `; exempt: ${exemptions.join("; ")}` : "")),
        content: renderChecked(ctx, document, at),
        targets: attachmentTargets(ctx, g.targets, [...at, "targets"]),
        exemptions,
        declaredAt: at,
      },
    },
  ];
}

/** What each opt-out leaves open, in words. */
export const OPT_OUT_WORDS: Readonly<Record<GuardrailOptOut, string>> = {
  identityProviders: "anyone may create or change OIDC and SAML identity providers, whose tokens become role sessions",
  rolesAnywhere: "anyone may register IAM Roles Anywhere trust anchors and profiles, so certificates become role sessions",
  iotCredentials: "anyone may create IoT role aliases and certificates, which exchange for role credentials",
  ssmHybridActivations: "anyone may create SSM hybrid activations, which register any machine with a role",
  cognitoIdentityPools: "anyone may create or change Cognito identity pools, which hand out role credentials",
  bedrockLongTermKeys: "existing long-term Bedrock API keys keep working",
  rootUser: "the member accounts' root users are not denied",
};
