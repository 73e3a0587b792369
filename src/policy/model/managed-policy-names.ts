import { closest } from "../../diagnostics/suggest";
import { AWS_MANAGED_POLICY_NAME_LIST, AWS_MANAGED_POLICY_NAMES_SOURCE as SOURCE } from "../data/aws-managed-policy-names";
import { managedPolicyName } from "./managed-policies";

/** Every AWS managed policy name with its path (`job-function/ViewOnlyAccess`), from AWS's public list. */
export const AWS_MANAGED_POLICY_NAMES: ReadonlySet<string> = new Set(AWS_MANAGED_POLICY_NAME_LIST);

/** Where the list comes from, and when it was taken. */
export const AWS_MANAGED_POLICY_NAMES_SOURCE: string = SOURCE;

/** Known names by their last path segment, lower case (`viewonlyaccess` -> `job-function/ViewOnlyAccess`). */
const byBaseName = new Map<string, string>();
for (const n of AWS_MANAGED_POLICY_NAME_LIST) byBaseName.set(n.slice(n.lastIndexOf("/") + 1).toLowerCase(), n);

/**
 * An AWS managed policy reference (name, path/name or ARN) checked against the list: known, or the
 * closest known name (a likely misspelling: `PowerUserAcess`), or unknown (a policy newer than the list).
 */
export function checkManagedPolicyName(ref: string): { readonly known: true } | { readonly known: false; readonly name: string; readonly didYouMean?: string } {
  const name = managedPolicyName(ref);
  if (AWS_MANAGED_POLICY_NAMES.has(name)) return { known: true };
  // The right name without its path (ViewOnlyAccess for job-function/ViewOnlyAccess) comes first.
  const near = byBaseName.get(name.slice(name.lastIndexOf("/") + 1).toLowerCase()) ?? closest(name, AWS_MANAGED_POLICY_NAMES);
  return near ? { known: false, name, didYouMean: near } : { known: false, name };
}
