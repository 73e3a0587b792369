import type { PolicyDocument } from "../../../modules/generated/workspace";
import { ScpPlan } from "../../plan";

/** One guardrail before merging: its plan and the document it was rendered from. */
export interface Guardrail {
  readonly plan: ScpPlan;
  readonly document: PolicyDocument;
}
