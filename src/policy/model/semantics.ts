import { actionInfo, actionMatches, expandActionPattern, wildcardMatch } from "./actions";
import { conditionsAlwaysTrue } from "./conditions";
import { ManagedPolicyMeaning, managedPolicyMeaning, managedPolicyName } from "./managed-policies";
import { parsePolicy, Policy, PolicyModelError, Statement } from "./statement";

/** A policy a principal holds: an AWS managed one by name/ARN, or a document (object or JSON). */
export type PolicySource = { readonly managed: string } | { readonly document: unknown; readonly name?: string };

/**
 * Privileged actions: any one of them on an arbitrary resource is administrator access by escalation
 * (attach or write a policy, rewrite a trust policy, mint a user's credentials, drop a boundary,
 * change organization policies). Identity Center's own actions are left out: they only work in the
 * Identity Center account, and PowerUserAccess there would otherwise count as administrator.
 */
export const PRIVILEGED_PROBES: readonly string[] = [
  "iam:AttachRolePolicy",
  "iam:PutRolePolicy",
  "iam:AttachUserPolicy",
  "iam:PutUserPolicy",
  "iam:AttachGroupPolicy",
  "iam:PutGroupPolicy",
  "iam:AddUserToGroup",
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:UpdateAssumeRolePolicy",
  "iam:CreateAccessKey",
  "iam:CreateLoginProfile",
  "iam:UpdateLoginProfile",
  "iam:DeleteRolePermissionsBoundary",
  "iam:PutRolePermissionsBoundary",
  "organizations:AttachPolicy",
  "organizations:DetachPolicy",
  "organizations:UpdatePolicy",
];

/** Services that run code as a role they are passed: with iam:PassRole (or CreateRole) on `*`, escalation. */
export const ROLE_LAUNCHERS: readonly string[] = [
  "ec2:RunInstances",
  "lambda:CreateFunction",
  "ecs:RunTask",
  "cloudformation:CreateStack",
  "codebuild:CreateProject",
  "glue:CreateDevEndpoint",
  "sagemaker:CreateNotebookInstance",
];

/**
 * Readers of secrets, data or credentials: Read or List by IAM's access levels, but a role that may
 * call them is not read-only in any useful sense. The best-known ones, not every one there is.
 */
export const SECRET_READERS: readonly string[] = [
  "secretsmanager:GetSecretValue",
  "secretsmanager:BatchGetSecretValue",
  "ssm:GetParameter*",
  "kms:Decrypt",
  "s3:GetObject*",
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "lambda:GetFunction",
  "ec2:GetPasswordData",
  "ecr:GetAuthorizationToken",
  "ecr:BatchGetImage",
  "ecr:GetDownloadUrlForLayer",
  "codeartifact:GetAuthorizationToken",
  "codecommit:GitPull",
  "glue:GetConnection*",
  "logs:GetLogEvents",
  "logs:FilterLogEvents",
  "kinesis:GetRecords",
  "sqs:ReceiveMessage",
  "athena:GetQueryResults",
  "redshift:GetClusterCredentials*",
  "sts:AssumeRole*",
  "sts:GetFederationToken",
  "sts:GetSessionToken",
  "sts:AssumeRoot",
  "sso:GetRoleCredentials",
  "cognito-identity:GetCredentialsForIdentity",
  "cognito-identity:GetOpenIdToken*",
  "iam:GetCredentialReport",
];

const list = (xs: readonly string[]) => xs.join(", ");

/** Statements of every document among the sources; managed policies contribute their table shape. */
interface Expanded {
  /** Every statement: documents' and managed policies' table shapes. */
  readonly statements: Statement[];
  /** Statements of the documents only (managed policies are judged by their table entry). */
  readonly own: Statement[];
  readonly managed: ManagedPolicyMeaning[];
  readonly unknownManaged: string[];
}

function expand(sources: readonly PolicySource[]): Expanded {
  const out: Expanded = { statements: [], own: [], managed: [], unknownManaged: [] };
  for (const src of sources) {
    if ("managed" in src) {
      const m = managedPolicyMeaning(src.managed);
      if (!m) out.unknownManaged.push(managedPolicyName(src.managed));
      else {
        out.managed.push(m);
        if (m.document) out.statements.push(...parsePolicy(m.document).statements);
      }
    } else {
      // A document that breaks an invariant is reported where it is validated; here it grants nothing.
      const own = isPolicy(src.document) ? src.document.statements : (tryParse(src.document)?.statements ?? []);
      out.statements.push(...own);
      out.own.push(...own);
    }
  }
  return out;
}

function tryParse(doc: unknown): Policy | undefined {
  try {
    return parsePolicy(doc);
  } catch (e) {
    if (e instanceof PolicyModelError || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

const isPolicy = (x: unknown): x is Policy => !!x && typeof x === "object" && Array.isArray((x as Policy).statements);

function toSources(input: unknown): readonly PolicySource[] {
  return Array.isArray(input) ? (input as PolicySource[]) : [{ document: input }];
}

/** An ARN standing for "some resource of the kind the action takes", or `*` for wildcard-only actions. */
export function probeResource(action: string): string {
  const template = actionInfo(action)?.resourceArns[0];
  if (!template) return "*";
  return template
    .replace(/\$\{Partition\}/g, "aws")
    .replace(/\$\{Region\}/g, "us-east-1")
    .replace(/\$\{Account\}/g, "123456789012")
    .replace(/\$\{[^}]*\}/g, "keyless-probe");
}

/** Whether a statement's action block covers an action (`NotAction` covers what it does not list). */
export function coversAction(s: Statement, action: string): boolean {
  const hit = s.actions.patterns.some((p) => actionMatches(p, action));
  return s.actions.kind === "Action" ? hit : !hit;
}

/** Whether a statement's resource block covers an arbitrary resource of the action (no block: yes). */
export function coversAnyResource(s: Statement, action: string): boolean {
  if (!s.resources) return true;
  const probe = probeResource(action);
  const hit = s.resources.patterns.some((p) => p === "*" || wildcardMatch(p, probe));
  return s.resources.kind === "Resource" ? hit : !hit;
}

/** Allows the action on an arbitrary resource, unconditionally, and no unconditional Deny takes it back. */
export function allowsEverywhere(statements: readonly Statement[], action: string): Statement | undefined {
  const applies = (s: Statement) => coversAction(s, action) && coversAnyResource(s, action) && conditionsAlwaysTrue(s.conditions);
  if (statements.some((s) => s.effect === "Deny" && applies(s))) return undefined;
  return statements.find((s) => s.effect === "Allow" && applies(s));
}

/** Whether an unconditional Deny on every resource takes the action away. */
export function deniedEverywhere(statements: readonly Statement[], action: string): boolean {
  return statements.some((s) => s.effect === "Deny" && coversAction(s, action) && coversAnyResource(s, action) && conditionsAlwaysTrue(s.conditions));
}

export interface PrivilegeVerdict {
  readonly privileged: boolean;
  /** Why, in words, each naming the actions (empty when not privileged). */
  readonly reasons: readonly string[];
  /** AWS managed policies not in the table: their meaning is unknown to keyless. */
  readonly unknownManaged: readonly string[];
}

function describeStatement(s: Statement): string {
  const where = s.resources ? `${s.resources.kind === "NotResource" ? "every resource except " : ""}${list(s.resources.patterns)}` : "*";
  const what = s.actions.kind === "NotAction" ? `every action except ${list(s.actions.patterns)}` : list(s.actions.patterns);
  return `statement ${s.sid ?? s.index}: ${what} on ${where}${s.conditions.length ? ", under conditions that always hold" : ""}`;
}

/**
 * Does the policy (a document, or a list of sources a principal holds together) allow a privileged
 * action on an arbitrary resource? Counts `*`, `iam:*`, NotAction Allows, NotResource, conditions
 * that always hold, AWS managed policies by meaning (AdministratorAccess, IAMFullAccess...), and
 * iam:PassRole or iam:CreateRole together with a service that runs code as a role (PowerUserAccess
 * plus iam:PassRole). Unconditional Denies subtract.
 */
export function allowsPrivileged(policy: unknown): PrivilegeVerdict {
  return memo(privilegeVerdicts, policy, privilegeVerdict);
}

function privilegeVerdict(policy: unknown): PrivilegeVerdict {
  const { statements, unknownManaged } = expand(toSources(policy));
  const reasons: string[] = [];
  const all = allowsEverywhere(statements, "*");
  if (all && PRIVILEGED_PROBES.every((a) => allowsEverywhere(statements, a))) reasons.push(`allows every action on every resource (${describeStatement(all)})`);
  else {
    const hits = PRIVILEGED_PROBES.filter((a) => allowsEverywhere(statements, a));
    if (hits.length) {
      const by = [...new Set(hits.map((a) => describeStatement(allowsEverywhere(statements, a)!)))];
      reasons.push(`allows ${list(hits)} on any resource (${by.join("; ")})`);
    }
    const passers = ["iam:PassRole", "iam:CreateRole"].filter((a) => allowsEverywhere(statements, a));
    const launchers = ROLE_LAUNCHERS.filter((a) => allowsEverywhere(statements, a));
    if (passers.length && launchers.length) reasons.push(`allows ${list(passers)} on any role together with ${list(launchers)}, so it can run code as any role`);
  }
  return { privileged: reasons.length > 0, reasons, unknownManaged };
}

export interface ReadOnlyProblem {
  /** The action, pattern or managed policy at fault; `${action} ${why}` reads as a sentence. */
  readonly action: string;
  readonly why: string;
}

export interface ReadOnlyVerdict {
  readonly readOnly: boolean;
  readonly problems: readonly ReadOnlyProblem[];
}

const READ_LEVELS = new Set(["Read", "List"]);
const isSecretReader = (action: string) => SECRET_READERS.some((p) => actionMatches(p, action));

/**
 * Is every action the policy allows Read or List by IAM's own access levels, and none a reader of
 * secrets, data or credentials (`SECRET_READERS`)? Patterns are expanded against IAM's action list;
 * a pattern with a wildcard service, a NotAction Allow, an action IAM does not know, or an AWS
 * managed policy keyless has no meaning for, is not read-only. Unconditional Denies subtract (so
 * ReadOnlyAccess with its data readers denied is read-only).
 */
export function isReadOnly(policy: unknown): ReadOnlyVerdict {
  return memo(readOnlyVerdicts, policy, readOnlyVerdict);
}

function readOnlyVerdict(policy: unknown): ReadOnlyVerdict {
  const { statements, own, managed, unknownManaged } = expand(toSources(policy));
  const problems: ReadOnlyProblem[] = unknownManaged.map((name) => ({ action: name, why: "is an AWS managed policy keyless does not know to be read-only" }));
  const denied = (a: string) => deniedEverywhere(statements, a);
  for (const m of managed) {
    if (m.access === "admin" || m.access === "write") problems.push({ action: m.name, why: `writes (${m.summary})` });
    for (const pattern of m.reads ?? []) {
      const open = (expandActionPattern(pattern) ?? []).filter((a) => !denied(a.action));
      if (open.length) problems.push({ action: pattern, why: `(in ${m.name}) reads secrets, data or credentials` });
    }
  }
  for (const s of own) {
    if (s.effect !== "Allow") continue;
    if (s.actions.kind === "NotAction") {
      problems.push({ action: `NotAction ${list(s.actions.patterns)}`, why: "allows every action except those listed" });
      continue;
    }
    for (const pattern of s.actions.patterns) {
      const actions = expandActionPattern(pattern);
      if (actions === undefined) {
        problems.push({ action: pattern, why: pattern === "*" ? "allows every action" : "matches actions of every service" });
        continue;
      }
      if (actions.length === 0) {
        problems.push({ action: pattern, why: "matches no action IAM knows" });
        continue;
      }
      for (const a of actions) {
        if (denied(a.action)) continue;
        if (isSecretReader(a.action)) problems.push({ action: a.action, why: "reads secrets, data or credentials" });
        else if (!a.levels.every((l) => READ_LEVELS.has(l))) problems.push({ action: a.action, why: `is a ${a.levels.join(", ")} action` });
      }
    }
  }
  return { readOnly: problems.length === 0, problems };
}

/**
 * Verdicts by the policy's JSON text: the same documents and managed policies recur on hundreds of
 * roles and permission sets, and a verdict depends on nothing else.
 */
const privilegeVerdicts = new Map<string, PrivilegeVerdict>();
const readOnlyVerdicts = new Map<string, ReadOnlyVerdict>();
function memo<V>(cache: Map<string, V>, policy: unknown, f: (policy: unknown) => V): V {
  const key = JSON.stringify(policy);
  if (key === undefined) return f(policy);
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= 10_000) cache.clear();
    v = f(policy);
    cache.set(key, v);
  }
  return v;
}
