import { stringify } from "yaml";
import { inventory, workspace } from "../support/fixtures";

/** The workspace file every case varies. */
export const ORG = "org.yaml";

/**
 * A valid workspace using all three modules, with no diagnostics at all (the corpus test checks it):
 * the inventory is the fixtures' (workloads/{prod,dev}, security; management + 5 accounts).
 */
export function base(): Record<string, any> {
  return workspace({
    identityCenter: {
      permissionSets: {
        ReadOnly: { description: "Read everything", sessionDuration: "PT4H", managedPolicies: ["ReadOnlyAccess"] },
        Developer: {
          managedPolicies: ["PowerUserAccess"],
          inlinePolicy: { Statement: [{ Sid: "DenyKmsDecrypt", Effect: "Deny", Action: ["kms:Decrypt"], Resource: "*" }] },
        },
      },
      groups: {
        Developers: { source: "external" },
        BreakGlass: { source: "managed", members: ["breakglass-1"] },
      },
      users: {
        "breakglass-1": { source: "managed", displayName: "Break Glass", givenName: "Break", familyName: "Glass" },
      },
      assignments: [
        { groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { organizationalUnits: ["workloads/prod"] } },
        { groups: ["Developers", "BreakGlass"], permissionSets: ["Developer"], targets: { accounts: ["app-dev"] } },
      ],
    },
    guardrails: {
      denyIamUsers: { targets: { organizationalUnits: ["workloads"] }, exemptRoles: ["BreakGlass"] },
    },
    githubOidc: {
      providers: { "app-prod": {} },
      roles: {
        "app-deploy": { account: "app-prod", repository: "acme/app", subjects: [{ environment: "production" }], managedPolicies: ["PowerUserAccess"] },
      },
    },
  });
}

type Path = string | readonly (string | number)[];

/** `"a.b.0.c"` or `["a", "b", 0, "c"]` (use the list form for keys holding dots or spaces). */
function segments(path: Path): (string | number)[] {
  if (typeof path !== "string") return [...path];
  return path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * A deep copy of `data` with the value at each path replaced (`undefined` deletes it). Missing
 * parents are created as objects.
 */
export function vary<T>(data: T, ...changes: [Path, unknown][]): T {
  const copy = structuredClone(data) as any;
  for (const [path, value] of changes) {
    const segs = segments(path);
    let node = copy;
    for (const s of segs.slice(0, -1)) node = node[s] ??= {};
    const last = segs[segs.length - 1];
    if (value === undefined) {
      if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
      else delete node[last];
    } else node[last] = value;
  }
  return copy;
}

/** The base workspace with changes applied. */
export const org = (...changes: [Path, unknown][]) => vary(base(), ...changes);

/** The fixtures' inventory with the value at `path` replaced (`undefined` deletes it). */
export const inv = (path: Path, value: unknown) => vary(inventory(), [path, value]);

/** A second workspace: only the sections given. */
export const other = (sections: Record<string, unknown>) => workspace(sections);

/** YAML text of `data`, for cases that must be written by hand (a raw edit with `edit`). */
export const yaml = (data: unknown) => stringify(data);

/** Text with one literal replacement; throws when `from` is absent, so a case cannot silently stop testing. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`corpus: "${from}" not found in\n${text}`);
  return text.replace(from, to);
}

/** A GitHub OIDC role of the base's shape in app-prod, with fields replaced. */
export function role(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { account: "app-prod", repository: "acme/app", subjects: [{ environment: "production" }], managedPolicies: ["PowerUserAccess"], ...fields };
}

/** A custom SCP (deny-only, valid) with fields replaced. */
export function scp(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    document: { Statement: [{ Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }] },
    targets: { root: true },
    ...fields,
  };
}

/** One Deny statement: the smallest valid SCP statement. */
export const deny = (fields: Record<string, unknown> = {}) => ({ Effect: "Deny", Action: "iam:CreateUser", Resource: "*", ...fields });

/** `n` distinct AWS managed policy names. */
export const managedPolicies = (n: number) =>
  [
    "ReadOnlyAccess",
    "PowerUserAccess",
    "AmazonS3FullAccess",
    "AmazonEC2FullAccess",
    "AmazonRDSFullAccess",
    "AWSLambda_FullAccess",
    "AmazonDynamoDBFullAccess",
    "CloudWatchFullAccess",
    "AmazonSQSFullAccess",
    "AmazonSNSFullAccess",
    "AmazonECS_FullAccess",
    "AmazonEKSClusterPolicy",
    "AWSCloudFormationFullAccess",
    "AmazonRoute53FullAccess",
    "AWSKeyManagementServicePowerUser",
    "SecretsManagerReadWrite",
    "AmazonSSMFullAccess",
    "AmazonKinesisFullAccess",
    "AmazonAthenaFullAccess",
    "AWSGlueConsoleFullAccess",
    "AmazonRedshiftFullAccess",
    "AmazonElastiCacheFullAccess",
    "AmazonOpenSearchServiceFullAccess",
    "AWSStepFunctionsFullAccess",
    "AmazonAPIGatewayAdministrator",
  ].slice(0, n);
