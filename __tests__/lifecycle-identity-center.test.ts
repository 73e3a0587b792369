/**
 * Identity Center's second day through the real terraform and hashicorp/aws provider, against the AWS
 * API emulator: one small organization (two workspaces, three accounts, no member-account providers)
 * taken through a sequence of definitions -> synth -> plan/apply, each step on the state of the last.
 *
 * Every workspace declares an S3 backend, which the harness turns into a local state in its folder;
 * the consumer's `terraform_remote_state` of the owner is pointed at that file the same way.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesize } from "../modules/synth";
import { runSynth } from "../src/run-synth";
import { Emulator, startEmulator } from "./support/emulator";
import { seedFromDefinitions } from "./support/emulator/seed-from-definitions";
import { inventory, workspace, writeDefinitions } from "./support/fixtures";
import { tempDir } from "./support/temp";
import { apply, describeTerraform, init, prepareStack, tf } from "./support/terraform";

jest.setTimeout(300_000);

const s3 = (key: string) => ({ s3: { bucket: "acme-state", key, region: "eu-west-1" } });
const DATA_PROD = "100000000003";

interface Version {
  /** The account key of 100000000005 in the inventory. */
  readonly appDev?: string;
  /** The key of the permission set named ReadOnly. */
  readonly readOnlyKey?: string;
  /** The Ops permission set (managed policy, inline policy, boundary) and its grants. */
  readonly ops?: boolean;
  /** Pin the Contractors group by this identity store id. */
  readonly contractorsId?: string;
  /** Which workspace grants Developers ReadOnly in data-prod. */
  readonly dataProd: "org" | "team";
}

function definitions(v: Version): Record<string, unknown> {
  const appDev = v.appDev ?? "app-dev";
  const ro = v.readOnlyKey ?? "ReadOnly";
  const inv = inventory() as any;
  if (appDev !== "app-dev") {
    inv.accounts[appDev] = inv.accounts["app-dev"];
    delete inv.accounts["app-dev"];
  }
  return {
    "shared/organization.yaml": inv,
    "org.yaml": workspace({
      backend: s3("org.tfstate"),
      identityCenter: {
        permissionSets: {
          [ro]: { name: "ReadOnly", managedPolicies: ["ReadOnlyAccess"] },
          Contractor: {
            name: "ContractorRO",
            managedPolicies: ["ReadOnlyAccess"],
            permissionsBoundary: { managedPolicy: "ReadOnlyAccess" },
            inlinePolicy: { Statement: [{ Effect: "Deny", Action: ["secretsmanager:GetSecretValue"], Resource: "*" }] },
          },
          ...(v.ops
            ? {
                Ops: {
                  managedPolicies: ["ReadOnlyAccess"],
                  permissionsBoundary: { managedPolicy: "PowerUserAccess" },
                  inlinePolicy: { Statement: [{ Effect: "Allow", Action: ["ecs:UpdateService"], Resource: "*" }] },
                },
              }
            : {}),
        },
        groups: { Developers: { source: "external" }, Contractors: { source: "external", ...(v.contractorsId ? { id: v.contractorsId } : {}) } },
        users: { "temp@example.com": { source: "external" } },
        assignments: [
          { groups: ["Developers"], permissionSets: [ro], targets: { accounts: [appDev, "app-prod", ...(v.dataProd === "org" ? ["data-prod"] : [])] } },
          { groups: ["Contractors"], permissionSets: ["Contractor"], targets: { accounts: [appDev] } },
          // A contractor's time-bound grant; the IdP deprovisions them once it has expired.
          { users: ["temp@example.com"], permissionSets: ["Ops"], targets: { accounts: [appDev] }, expires: "2026-12-01" },
          ...(v.ops ? [{ groups: ["Developers"], permissionSets: ["Ops"], targets: { accounts: ["app-prod"] } }] : []),
        ].filter((a) => v.ops || !a.permissionSets.includes("Ops")),
      },
    }),
    "team.yaml": workspace({
      backend: s3("team.tfstate"),
      identityCenter: {
        groups: { Developers: { source: "external" } },
        assignments: v.dataProd === "team" ? [{ groups: ["Developers"], permissionSets: [ro], targets: { accounts: ["data-prod"] } }] : [],
      },
    }),
  };
}

/**
 * The org stack as keyless wrote it before per-permission-set assignments: every grant in one
 * `aws_ssoadmin_account_assignment.this` with a literal map, permission sets at their keys. Built from
 * the new stack and its own moved blocks, which name both addresses of everything that moved.
 */
function legacyLayout(stack: any): any {
  const old = JSON.parse(JSON.stringify(stack));
  const moves: { from: string; to: string }[] = old.moved;
  delete old.moved;
  let text = JSON.stringify(old);
  for (const m of moves.filter((x) => !x.from.includes("["))) {
    const [type, from] = m.from.split(".");
    const to = m.to.split(".")[1];
    const r = JSON.parse(text);
    r.resource[type][from] = r.resource[type][to];
    delete r.resource[type][to];
    text = JSON.stringify(r).split(`${type}.${to}.`).join(`${type}.${from}.`).split(`"${type}.${to}"`).join(`"${type}.${from}"`);
  }
  const r = JSON.parse(text);
  const each: Record<string, Record<string, string>> = {};
  for (const m of moves.filter((x) => x.from.startsWith("aws_ssoadmin_account_assignment.this["))) {
    const key = JSON.parse(m.from.slice(m.from.indexOf("[") + 1, -1));
    const [, set, rest] = /^aws_ssoadmin_account_assignment\.([^[]+)\[(.*)\]$/.exec(m.to)!;
    const entry = r.locals[`account_assignments_${set}`][JSON.parse(rest)];
    each[key] = { ...entry, arn: r.resource.aws_ssoadmin_account_assignment[set].permission_set_arn };
  }
  for (const k of Object.keys(r.locals)) if (k.startsWith("account_assignments_")) delete r.locals[k];
  r.resource.aws_ssoadmin_account_assignment = {
    this: {
      for_each: each,
      instance_arn: "${local.sso_instance_arn}",
      permission_set_arn: "${each.value.arn}",
      principal_id: "${local.principal_ids[each.value.principal]}",
      principal_type: "${each.value.principal_type}",
      target_id: "${each.value.account_id}",
      target_type: "AWS_ACCOUNT",
    },
  };
  return r;
}

const index = (log: readonly { operation: string }[], op: string) => log.map((c) => c.operation).indexOf(op);
const lastIndex = (log: readonly { operation: string }[], op: string) => log.map((c) => c.operation).lastIndexOf(op);

interface Applied {
  readonly import: number;
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** `<from> -> <to>` for every moved block applied. */
  readonly moved: string[];
  /** Addresses destroyed and created (not replaced), from the plan's `# <address> will be ...` lines. */
  readonly destroyed: string[];
  readonly created: string[];
}

/** CPU seconds of every terraform run of this file (for the report; never asserted). */
let cpuSeconds = 0;

/**
 * `terraform apply` (plan and apply in one run, one provider start: half the CPU of plan then apply),
 * with what it planned, read from its output.
 */
async function applied(dir: string): Promise<Applied> {
  const r = await apply(dir);
  cpuSeconds += r.cpuSeconds;
  if (process.env.KEYLESS_TF_CPU) console.log(`apply ${dir.split("/").pop()}: ${r.cpuSeconds.toFixed(1)} CPU-s`);
  const counts = { import: 0, add: 0, change: 0, destroy: 0 };
  const line = /^Plan: (.*)\.$/m.exec(r.stdout)?.[1] ?? "";
  for (const m of line.matchAll(/(\d+) to (import|add|change|destroy)/g)) counts[m[2] as keyof typeof counts] = Number(m[1]);
  const moved = [...r.stdout.matchAll(/^\s*# (\S+) has moved to (\S+)$/gm)].map((m) => `${m[1]} -> ${m[2]}`);
  const will = (what: string) => [...r.stdout.matchAll(new RegExp(`^\\s*# (\\S+) will be ${what}$`, "gm"))].map((m) => m[1]).sort();
  return { ...counts, moved, destroyed: will("destroyed"), created: will("created") };
}

describeTerraform("Identity Center's second day, with terraform against the AWS API emulator", () => {
  let work: string;
  let emulator: Emulator;
  let synths = 0;
  const dir = { org: "", team: "" };

  /** Synthesizes `files` (evaluated at `date`) and puts each stack's cdk.tf.json in its working folder. */
  const synth = async (files: Record<string, unknown>, date = "2026-11-01"): Promise<Record<string, any>> => {
    const outdir = join(work, `out-${++synths}`);
    const errors: string[] = [];
    const code = runSynth({ dir: writeDefinitions(files), outdir, evaluationDate: date, synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
    expect({ code, errors: errors.filter((e) => / error /.test(e)) }).toEqual({ code: 0, errors: [] });
    const stacks: Record<string, any> = {};
    for (const ws of ["org", "team"] as const) {
      copyFileSync(join(outdir, "stacks", ws, "cdk.tf.json"), join(dir[ws], "cdk.tf.json"));
      // team reads the permission set ARNs org publishes: from org's local state.
      await prepareStack(dir[ws], emulator, { remoteStates: { org: dir.org } });
      stacks[ws] = JSON.parse(readFileSync(join(dir[ws], "cdk.tf.json"), "utf8"));
    }
    return stacks;
  };

  beforeAll(async () => {
    work = tempDir("tf-ic");
    for (const ws of ["org", "team"] as const) mkdirSync((dir[ws] = join(work, ws)));
    emulator = await startEmulator({ seed: seedFromDefinitions(writeDefinitions(definitions({ dataProd: "org", ops: true }))) });
  });

  afterAll(async () => {
    await emulator?.stop();
    // The harness keeps its CLI config and plugin cache in this file's temp folder; they are not leaks.
    for (const f of readdirSync(tmpdir())) if (/^keyless-terraform-(cli-|plugin-cache$)/.test(f)) rmSync(join(tmpdir(), f), { recursive: true, force: true });
  });

  it("moves a state of the single-resource layout to one resource per permission set, destroying nothing, and creates a new set's assignments after its policies", async () => {
    const v1 = await synth(definitions({ dataProd: "org" }));
    writeFileSync(join(dir.org, "cdk.tf.json"), JSON.stringify(legacyLayout(v1.org), null, 2));
    cpuSeconds += (await init(dir.org)).cpuSeconds;
    // 4 assignments; ReadOnly and its policy; ContractorRO, its policy, inline policy and boundary.
    expect(await applied(dir.org)).toMatchObject({ add: 4 + 2 + 4, destroy: 0 });
    expect(emulator.state.identityCenter.assignments).toHaveLength(4);

    // This version, with a new permission set Ops (policy, inline policy, boundary, two grants).
    await synth(definitions({ dataProd: "org", ops: true }));
    emulator.reset();
    const a = await applied(dir.org);
    expect({ add: a.add, change: a.change, destroy: a.destroy, moved: a.moved.length }).toEqual({ add: 4 + 2, change: 0, destroy: 0, moved: 4 + 4 });
    expect(a.moved).toContain(
      'aws_ssoadmin_account_assignment.this["group:Contractors/Contractor/app-dev"] -> aws_ssoadmin_account_assignment.ContractorRO["group:Contractors/100000000005"]',
    );
    expect(a.moved).toContain("aws_ssoadmin_permission_set.Contractor -> aws_ssoadmin_permission_set.ContractorRO");
    expect(emulator.state.identityCenter.assignments).toHaveLength(6);
    // Only Ops's assignments were created, each after Ops's managed policy, inline policy and boundary.
    const log = emulator.log;
    expect(log.filter((c) => c.operation === "CreateAccountAssignment")).toHaveLength(2);
    const firstCreate = index(log, "CreateAccountAssignment");
    for (const op of ["AttachManagedPolicyToPermissionSet", "PutInlinePolicyToPermissionSet", "PutPermissionsBoundaryToPermissionSet"]) {
      expect({ op, before: lastIndex(log, op) > -1 && lastIndex(log, op) < firstCreate }).toEqual({ op, before: true });
    }
  });

  it("renames an account key and a permission set key with no change, plans when an expired contractor's IdP user and a pinned group's name are gone, and destroys assignments before their policies", async () => {
    const store = emulator.state.identityStore;
    const user = [...store.users.values()].find((u) => u.UserName === "temp@example.com")!;
    store.users.delete(user.UserId);
    const contractors = [...store.groups.values()].find((g) => g.DisplayName === "Contractors")!;
    contractors.DisplayName = "Contractors (EMEA)";
    // Evaluated after the contractor's expiry; Ops deleted; the data-prod grant handed over to team.
    const { org } = await synth(definitions({ dataProd: "team", appDev: "application-dev", readOnlyKey: "Viewer", contractorsId: contractors.GroupId }), "2026-12-02");
    expect(org.data.aws_identitystore_user).toBeUndefined();
    expect(org.locals.principal_ids["group:Contractors"]).toBe(contractors.GroupId);
    // The README's hand-over of one grant: forget it in the old workspace (a removed block takes no instance key).
    const handed = `aws_ssoadmin_account_assignment.ReadOnly["group:Developers/${DATA_PROD}"]`;
    const rm = await tf(dir.org, ["state", "rm", "-lock=false", handed]);
    cpuSeconds += rm.cpuSeconds;
    expect(rm.code).toBe(0);
    emulator.reset();
    const a = await applied(dir.org);
    // Ops's two assignments (one expired), the permission set, its policy, inline policy and boundary: nothing else.
    expect({ ...a, destroyed: a.destroyed.filter((d) => !/\.Ops\b/.test(d)) }).toEqual({ import: 0, add: 0, change: 0, destroy: 6, moved: [], destroyed: [], created: [] });
    const log = emulator.log;
    const lastDelete = lastIndex(log, "DeleteAccountAssignment");
    expect(log.filter((c) => c.operation === "DeleteAccountAssignment")).toHaveLength(2);
    for (const op of ["DetachManagedPolicyFromPermissionSet", "DeleteInlinePolicyFromPermissionSet", "DeletePermissionsBoundaryFromPermissionSet"]) {
      expect({ op, after: index(log, op) > lastDelete }).toEqual({ op, after: true });
    }
  });

  it("hands a grant to another workspace, which imports it and reads the permission set from the owner's state with no lookup", async () => {
    const ic = emulator.state.identityCenter;
    const developers = [...emulator.state.identityStore.groups.values()].find((g) => g.DisplayName === "Developers")!;
    const readOnly = [...ic.permissionSets.values()].find((s) => s.name === "ReadOnly")!;
    const key = `group:Developers/${DATA_PROD}`;
    const team = JSON.parse(readFileSync(join(dir.team, "cdk.tf.json"), "utf8"));
    expect(Object.keys(team.locals.account_assignments_ReadOnly)).toEqual([key]);
    expect(team.data.aws_ssoadmin_permission_set).toBeUndefined();
    writeFileSync(
      join(dir.team, "handover.tf.json"),
      JSON.stringify({
        import: [
          { to: `aws_ssoadmin_account_assignment.ReadOnly[${JSON.stringify(key)}]`, id: `${developers.GroupId},GROUP,${DATA_PROD},AWS_ACCOUNT,${readOnly.arn},${ic.instanceArn}` },
        ],
      }),
    );
    cpuSeconds += (await init(dir.team)).cpuSeconds;
    emulator.reset();
    expect(await applied(dir.team)).toEqual({ import: 1, add: 0, change: 0, destroy: 0, moved: [], destroyed: [], created: [] });
    const calls = emulator.calls();
    expect({ create: calls["sso-admin:CreateAccountAssignment"], delete: calls["sso-admin:DeleteAccountAssignment"] }).toEqual({ create: undefined, delete: undefined });
    expect(Object.keys(calls).filter((c) => /PermissionSet/.test(c) && !/Provision/.test(c))).toEqual([]);
    expect(ic.assignments.filter((x) => x.accountId === DATA_PROD)).toHaveLength(1);
    if (process.env.KEYLESS_TF_CPU) console.log(`lifecycle-identity-center: terraform CPU ${cpuSeconds.toFixed(1)} s`);
  });
});
