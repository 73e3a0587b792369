import type { Workspace } from "../../modules/generated/workspace";
import type { Diagnostic, JsonPath } from "../diagnostics/diagnostic";
import { DENY_IAM_USERS } from "../policy/deny-iam-users";
import type { AssignmentPlan } from "../plan";

/**
 * Subjects: what a finding is about, derived from names so they survive reordering and can be
 * copied into an acknowledgement. One builder per kind of object.
 */
export const subject = {
  workspace: (name: string) => `workspace:${name}`,
  permissionSet: (key: string) => `permission-set:${key}`,
  group: (name: string) => `group:${name}`,
  user: (name: string) => `user:${name}`,
  /** One grant: `assignment:group:Developers/ReadOnly/app-dev` (the assignment's Terraform key). */
  assignment: (a: Pick<AssignmentPlan, "key">) => `assignment:${a.key}`,
  /** One rule of identityCenter.assignments: `assignment-rule:group:A+user:b/ReadOnly+Admin`. */
  assignmentRule: (groups: readonly string[], users: readonly string[], permissionSets: readonly string[]) =>
    `assignment-rule:${[...groups.map((g) => `group:${g}`), ...users.map((u) => `user:${u}`)].join("+")}/${permissionSets.join("+")}`,
  role: (key: string) => `role:${key}`,
  githubProvider: (account: string) => `github-provider:${account}`,
  scp: (name: string) => `scp:${name}`,
  /** An SCP attachment point: `scp-target:root`, `scp-target:ou:workloads`, `scp-target:account:app-dev`. */
  scpTarget: (key: string) => `scp-target:${key}`,
  organization: () => "organization",
} as const;

/** The subject of a compiler diagnostic located at `path` in a workspace definition. */
export function subjectAt(workspace: string, def: Workspace | undefined, path: JsonPath): string {
  const [area, kind, key] = path;
  const ic = def?.identityCenter;
  if (area === "identityCenter" && typeof key === "string") {
    if (kind === "permissionSets") return subject.permissionSet(key);
    if (kind === "groups") return subject.group(key);
    if (kind === "users") return subject.user(key);
  }
  if (area === "identityCenter" && kind === "assignments" && typeof key === "number") {
    const a = ic?.assignments?.[key];
    if (a) return subject.assignmentRule(a.groups ?? [], a.users ?? [], a.permissionSets);
  }
  if (area === "guardrails" && kind === "denyIamUsers") return subject.scp(def?.guardrails?.denyIamUsers?.policyName ?? DENY_IAM_USERS);
  if (area === "guardrails" && kind === "policies" && typeof key === "string") return subject.scp(key);
  if (area === "githubOidc" && kind === "roles" && typeof key === "string") return subject.role(key);
  if (area === "githubOidc" && kind === "providers" && typeof key === "string") return subject.githubProvider(key);
  return subject.workspace(workspace);
}

/** Adds a subject to every diagnostic that has none: by its location in a workspace file, else the organization. */
export function withSubjects(ds: readonly Diagnostic[], workspaces: ReadonlyMap<string, { readonly name: string; readonly def?: Workspace }>): Diagnostic[] {
  return ds.map((d) => {
    if (d.subject) return d;
    const ws = workspaces.get(d.file);
    return { ...d, subject: ws ? subjectAt(ws.name, ws.def, d.path) : subject.organization() };
  });
}
