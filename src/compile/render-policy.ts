import type { PolicyDocument } from "../../modules/generated/workspace";
import { policyProblems, renderPolicy } from "../policy/policy-document";
import { WorkspaceContext } from "./context";

/** Renders a policy document, reporting structural problems and a size over `limit`. */
export function renderChecked(ctx: WorkspaceContext, doc: PolicyDocument, at: (string | number)[], limit: number, sizeCode: "KL302" | "KL401" | "KL503"): string {
  for (const { index, problem } of policyProblems(doc)) {
    ctx.reporter.error("KL107", ctx.source, [...at, "Statement", index], `statement ${index} ${problem}`, "see the IAM policy grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html");
  }
  const text = renderPolicy(doc);
  if (text.length > limit) {
    const fix =
      sizeCode === "KL503"
        ? "use fewer subjects (or one pattern, with allow.wildcardSubjects), split the role, or raise the account's trust policy quota and set githubOidc.quotas.trustPolicySize"
        : "split it, or use wildcards in action names to shorten it";
    ctx.reporter.error(sizeCode, ctx.source, at, `the policy is ${text.length} characters minified, ${text.length - limit} over the limit of ${limit}`, fix);
  }
  return text;
}
