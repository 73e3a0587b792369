import type { PolicyDocument } from "../../modules/generated/workspace";
import { policyProblems, renderPolicy } from "../policy/policy-document";
import { WorkspaceContext } from "./context";

/**
 * Renders a policy document (minified, stable order), reporting structural problems. Sizes are checked
 * over the plan by the policy-size rule (src/rules/checks/policy-size.ts).
 */
export function renderChecked(ctx: WorkspaceContext, doc: PolicyDocument, at: (string | number)[]): string {
  for (const { index, problem } of policyProblems(doc)) {
    ctx.reporter.error(
      "KL107",
      ctx.source,
      [...at, "Statement", index],
      `statement ${index} ${problem}`,
      "see the IAM policy grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html",
    );
  }
  const text = renderPolicy(doc);
  return text;
}
