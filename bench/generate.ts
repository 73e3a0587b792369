/**
 * A deterministic generator of synthetic organizations for the benchmark: the same size and seed
 * always give the same files, and every organization passes validation and compiles without errors.
 *
 * It uses only the schema features of the foundation (inventory with nested OUs, tags and a suspended
 * account; permission sets with managed and inline policies; external and managed groups; assignments
 * to OUs, accounts and tags; the deny-IAM-users guardrail; GitHub OIDC providers and roles), so that
 * schema extensions made later keep it valid.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

export interface SizeSpec {
  readonly accounts: number;
  readonly ous: number;
  readonly permissionSets: number;
  readonly groups: number;
  /** Account assignments after OU expansion, over all workspaces (reached within a few percent). */
  readonly assignments: number;
  readonly githubRoles: number;
  readonly workspaces: number;
}

export const SIZES = {
  medium: { accounts: 200, ous: 30, permissionSets: 60, groups: 150, assignments: 5_000, githubRoles: 100, workspaces: 5 },
  large: { accounts: 2_000, ous: 200, permissionSets: 300, groups: 1_000, assignments: 50_000, githubRoles: 1_000, workspaces: 20 },
} as const satisfies Record<string, SizeSpec>;

export type GeneratedSize = keyof typeof SIZES;

/** What the generator wrote, counted the way the compiler will count it. */
export interface GeneratedOrganization {
  /** Path inside the folder -> file text (YAML). */
  readonly files: Readonly<Record<string, string>>;
  readonly counts: SizeSpec;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ["app", "data", "payments", "search", "ml", "identity", "mobile", "web", "infra", "security", "analytics", "growth"];
const ENVS = ["prod", "staging", "dev", "sandbox"];
const READ_POLICIES = ["ReadOnlyAccess", "job-function/ViewOnlyAccess", "SecurityAudit", "AmazonS3ReadOnlyAccess", "CloudWatchReadOnlyAccess"];
const WRITE_POLICIES = ["PowerUserAccess", "AmazonEC2FullAccess", "AmazonECS_FullAccess", "AmazonDynamoDBFullAccess", "job-function/DatabaseAdministrator"];

const pad = (n: number, width = 4) => String(n).padStart(width, "0");

interface Ou {
  readonly path: string;
  readonly children: string[];
}

/** Generates an organization of the given size; `seed` changes names' assignment to OUs, grants and roles. */
export function generateOrganization(spec: SizeSpec, seed = 1): GeneratedOrganization {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  // OUs: a tenth at the top, the rest nested one or two levels below a random earlier OU.
  const ous: Ou[] = [];
  const top = Math.max(3, Math.round(spec.ous / 10));
  for (let i = 0; i < spec.ous; i++) {
    const name = i < top ? `${ENVS[i % ENVS.length]}-${pad(i, 3)}` : `unit-${pad(i, 3)}`;
    const parent = i < top ? undefined : ous[Math.floor(rand() * Math.min(ous.length, top * 4))];
    const path = parent ? `${parent.path}/${name}` : name;
    ous.push({ path, children: [] });
    parent?.children.push(path);
  }
  const ouTree: Record<string, unknown> = {};
  const ouNode = new Map<string, Record<string, unknown>>();
  ous.forEach((ou, i) => {
    const node: Record<string, unknown> = { id: `ou-a1b2-${pad(10_000_000 + i, 8)}`, attachedPolicies: ["FullAWSAccess"] };
    ouNode.set(ou.path, node);
    const slash = ou.path.lastIndexOf("/");
    if (slash < 0) ouTree[ou.path] = node;
    else {
      const parent = ouNode.get(ou.path.slice(0, slash))!;
      const children = (parent.organizationalUnits ??= {}) as Record<string, unknown>;
      children[ou.path.slice(slash + 1)] = node;
    }
  });

  // Accounts: the management account at the root, the others spread over OUs; 1% suspended.
  interface Acct {
    name: string;
    ou: string;
    active: boolean;
    team: string;
    env: string;
  }
  const accounts: Acct[] = [];
  const accountDefs: Record<string, unknown> = { management: { id: "100000000000", email: "aws-management@example.com", tags: { team: "platform" } } };
  for (let i = 1; i < spec.accounts; i++) {
    const ou = ous[Math.floor(rand() * ous.length)].path;
    const team = pick(TEAMS);
    const env = ou.split("/")[0].split("-")[0];
    const name = `${team}-${env}-${pad(i)}`;
    const active = i % 100 !== 50;
    accounts.push({ name, ou, active, team, env });
    accountDefs[name] = { id: String(200_000_000_000 + i), ou, ...(active ? {} : { status: "SUSPENDED" }), tags: { team, environment: env } };
  }
  const organization = {
    managementAccount: "management",
    root: { id: "r-a1b2", attachedPolicies: ["FullAWSAccess"] },
    organizationalUnits: ouTree,
    accounts: accountDefs,
  };

  // Which active member accounts a target reaches (mirrors the compiler's expansion).
  const activeIn = new Map<string, string[]>();
  for (const ou of ous)
    activeIn.set(
      ou.path,
      accounts.filter((a) => a.active && (a.ou === ou.path || a.ou.startsWith(ou.path + "/"))).map((a) => a.name),
    );

  // Workspaces: the first ("org") owns the guardrail; permission sets, groups and roles are spread
  // over all of them round-robin.
  const wsNames = Array.from({ length: spec.workspaces }, (_, i) => (i === 0 ? "org" : `team-${pad(i, 2)}`));
  const ws = wsNames.map((name, i) => ({
    name,
    def: {
      description: `Synthetic workspace ${name}`,
      organization: "./shared/organization.yaml",
      aws: { region: "eu-west-1" },
      backend:
        i % 3 === 0
          ? { s3: { bucket: "bench-terraform-state", key: `keyless/${name}.tfstate`, region: "eu-west-1" } }
          : i % 3 === 1
            ? { local: { path: `terraform.${name}.tfstate` } }
            : { cloud: { organization: "bench", workspace: `keyless-${name}` } },
      identityCenter: { permissionSets: {} as Record<string, unknown>, groups: {} as Record<string, unknown>, assignments: [] as unknown[] },
      githubOidc: { providers: {} as Record<string, unknown>, roles: {} as Record<string, unknown> },
    } as Record<string, any>,
    keys: new Set<string>(),
  }));

  const permissionSets: string[] = [];
  for (let i = 0; i < spec.permissionSets; i++) {
    const key = `${pick(TEAMS)}-${pick(["read", "deploy", "operate", "audit", "debug"])}-${pad(i, 3)}`;
    permissionSets.push(key);
    const writes = /deploy|operate/.test(key);
    const ps: Record<string, unknown> = {
      description: `Synthetic permission set ${key}`,
      sessionDuration: pick(["PT1H", "PT2H", "PT4H", "PT8H"]),
      managedPolicies: [...new Set([pick(READ_POLICIES), ...(writes ? [pick(WRITE_POLICIES)] : [])])],
    };
    if (i % 3 === 0) {
      ps.inlinePolicy = {
        Statement: [
          { Sid: "Operate", Effect: "Allow", Action: ["ecs:UpdateService", "ecs:StopTask", "ssm:StartSession"], Resource: "*" },
          {
            Sid: "ReadTagged",
            Effect: "Allow",
            Action: "s3:GetObject",
            Resource: `arn:aws:s3:::bench-${pad(i, 3)}/*`,
            Condition: { StringEquals: { "aws:ResourceTag/team": key.split("-")[0] } },
          },
        ],
      };
    }
    ws[i % ws.length].def.identityCenter.permissionSets[key] = ps;
  }

  const groups: string[] = [];
  for (let i = 0; i < spec.groups; i++) {
    const name = `${pick(TEAMS)}-${pick(["engineers", "operators", "auditors", "leads", "oncall"])}-${pad(i)}`;
    groups.push(name);
    const managed = i % 5 === 0;
    ws[i % ws.length].def.identityCenter.groups[name] = managed ? { source: "managed", description: `Synthetic managed group ${name}` } : { source: "external" };
  }

  // Grants until the expanded count reaches the target: mostly OUs, some account lists, some tags.
  // The first ones go through every group and permission set, so that none is declared unused.
  const fallback = ous.find((o) => activeIn.get(o.path)!.length > 0)!.path;
  let total = 0;
  let n = 0;
  while (total < spec.assignments || n < Math.max(groups.length, permissionSets.length)) {
    const i = n++;
    const w = ws[i % ws.length];
    const group = i < groups.length ? groups[i] : pick(groups);
    const sets = [...new Set([i < permissionSets.length ? permissionSets[i] : pick(permissionSets), ...(rand() < 0.5 ? [pick(permissionSets)] : [])])];
    const roll = rand();
    let targets: Record<string, unknown>;
    let reached: string[];
    if (roll < 0.7) {
      const ou = pick(ous).path;
      reached = activeIn.get(ou)!;
      const excluded = reached.length > 3 && rand() < 0.2 ? reached[int(0, reached.length - 1)] : undefined;
      targets = excluded ? { organizationalUnits: [ou], exclude: { accounts: [excluded] } } : { organizationalUnits: [ou] };
      if (excluded) reached = reached.filter((a) => a !== excluded);
    } else if (roll < 0.9) {
      const chosen = [...new Set(Array.from({ length: int(2, 6) }, () => pick(accounts).name))].sort();
      targets = { accounts: chosen };
      reached = chosen.filter((c) => accounts.find((a) => a.name === c)!.active);
    } else {
      const team = pick(TEAMS);
      const env = pick(ENVS);
      targets = { tags: { team, environment: env } };
      reached = accounts.filter((a) => a.active && a.team === team && a.env === env).map((a) => a.name);
    }
    if (reached.length === 0) {
      targets = { organizationalUnits: [fallback] };
      reached = activeIn.get(fallback)!;
    }
    w.def.identityCenter.assignments.push({ groups: [group], permissionSets: sets, targets });
    for (const ps of sets)
      for (const a of reached) {
        const key = `group:${group}/${ps}/${a}`;
        if (!w.keys.has(key)) {
          w.keys.add(key);
          total++;
        }
      }
  }

  // GitHub OIDC: one provider per CI account, owned by one workspace; that workspace's roles live there.
  const ciAccounts = accounts.filter((a) => a.active);
  const providersPerWs = Math.max(1, Math.round(spec.githubRoles / 10 / ws.length));
  let c = 0;
  const wsCi = ws.map((w) => {
    const mine: string[] = [];
    for (let k = 0; k < providersPerWs; k++) {
      const acct = ciAccounts[(c++ * 7) % ciAccounts.length].name;
      w.def.githubOidc.providers[acct] = {};
      mine.push(acct);
    }
    return mine;
  });
  for (let i = 0; i < spec.githubRoles; i++) {
    const wi = i % ws.length;
    const account = pick(wsCi[wi]);
    const repo = `bench-org/service-${pad(i)}`;
    const deploy = i % 2 === 0;
    const role: Record<string, unknown> = deploy
      ? {
          account,
          repository: repo,
          subjects: [{ environment: "production" }, { environment: "staging" }],
          managedPolicies: [pick(WRITE_POLICIES)],
          description: `Deploys ${repo}`,
        }
      : { account, repository: repo, subjects: [{ branch: "main" }], managedPolicies: ["ReadOnlyAccess"], description: `Plans ${repo} from main` };
    if (i % 4 === 0) {
      role.inlinePolicies = { artifacts: { Statement: [{ Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: `arn:aws:s3:::bench-artifacts/${repo}/*` }] } };
    }
    ws[wi].def.githubOidc.roles[`${deploy ? "deploy" : "plan"}-service-${pad(i)}`] = role;
  }

  ws[0].def.guardrails = {
    denyIamUsers: { targets: { organizationalUnits: ous.filter((o) => !o.path.includes("/")).map((o) => o.path) }, exemptRoles: ["BreakGlass"] },
  };

  const files: Record<string, string> = { "shared/organization.yaml": stringify(organization) };
  for (const w of ws) files[`${w.name}.yaml`] = stringify(w.def);
  return {
    files,
    counts: {
      accounts: spec.accounts,
      ous: spec.ous,
      permissionSets: spec.permissionSets,
      groups: spec.groups,
      assignments: total,
      githubRoles: spec.githubRoles,
      workspaces: spec.workspaces,
    },
  };
}

/** Writes a generated organization into `dir` (created if needed). */
export function writeOrganization(dir: string, org: GeneratedOrganization): void {
  for (const [path, text] of Object.entries(org.files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}
