import { SCP_LIMITS } from "../../aws-limits";

/** A description within AWS's limit: cut at the limit with an ellipsis when longer. */
export function fitDescription(text: string): string {
  return text.length <= SCP_LIMITS.descriptionChars ? text : text.slice(0, SCP_LIMITS.descriptionChars - 1) + "…";
}
