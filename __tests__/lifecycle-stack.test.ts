/**
 * The stack's second day with the real terraform and provider against the AWS API emulator, in one
 * output folder synthesized again and again as a user would: state and lock file survive synth,
 * literals with ${...} and %{...} reach AWS verbatim, a role is created after the OIDC provider it
 * trusts, role-key and account-key renames move state, and removing an account's last role destroys it.
 * The renamed and removed stacks are also what `synth --base` gives a fresh checkout, byte for byte.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { synthesize } from "../modules/synth";
import { runSynth } from "../src/run-synth";
import { cli, commitAll } from "./support/cli";
import { Emulator, startEmulator } from "./support/emulator";
import { seedFromDefinitions } from "./support/emulator/seed-from-definitions";
import { githubRole, inventory, workspace, writeDefinitions } from "./support/fixtures";
import { tempDir } from "./support/temp";
import { apply, describeTerraform, init, prepareStack, tf } from "./support/terraform";

const V = "${aws:username}";
const D = "%{if true}x%{endif}";
const APP_DEV = "100000000005";
const doc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::home/${V}/${D}/*` }] };

/** The fixture inventory, with app-dev's key renamed (same id) when asked. */
function organization(renamed: boolean): Record<string, unknown> {
  const inv = inventory() as { accounts: Record<string, unknown> };
  if (!renamed) return inv;
  const { "app-dev": appDev, ...rest } = inv.accounts;
  return { ...inv, accounts: { ...rest, "app-development": appDev } };
}

/**
 * Identity Center and an SCP with ${...} and %{...} in every kind of string: applied once. No
 * assignment (the provider waits ~10 s for each): the permission set and group are unused (warnings).
 */
function org(): Record<string, unknown> {
  return workspace({
    identityCenter: {
      permissionSets: { Home: { description: `Home ${V} ${D}`, inlinePolicy: doc } },
      groups: { Team: { source: "managed", description: `Team ${V} ${D}` } },
    },
    guardrails: {
      policies: {
        NoHome: {
          description: `Deny ${V} ${D}`,
          document: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:DeleteObject", Resource: `arn:aws:s3:::home/${V}/${D}` }] },
          targets: { organizationalUnits: ["workloads"] },
        },
      },
    },
  });
}

type Step = "first" | "renamed" | "removed";

/**
 * The GitHub workspace, with one member account so that its plans run one provider process:
 * "renamed": the role key deploy becomes app-deploy (same AWS name) and the account key app-dev
 * becomes app-development (same id); "removed": the account's last role and its provider are gone.
 */
function ci(step: Step): Record<string, unknown> {
  if (step === "removed") return workspace({});
  const dev = step === "first" ? "app-dev" : "app-development";
  const deploy = githubRole(dev, { name: "deploy", description: `Deploys ${V} ${D}`, inlinePolicies: { home: doc } });
  return workspace({ githubOidc: { providers: { [dev]: {} }, roles: { [step === "first" ? "deploy" : "app-deploy"]: deploy } } });
}

/** The addresses a plan's text says are destroyed, created or moved. */
function planText(stdout: string): { destroyed: string[]; created: string[]; moved: string[]; summary: string } {
  const all = (re: RegExp) => [...stdout.matchAll(re)].map((m) => m.slice(1).join(" -> ")).sort();
  return {
    destroyed: all(/# (\S+) will be destroyed/g),
    created: all(/# (\S+) will be created/g),
    moved: all(/# (\S+) has moved to (\S+)/g),
    summary: /Plan: .*|No changes\./.exec(stdout)?.[0] ?? stdout.slice(-400),
  };
}

/**
 * `keyless synth --base HEAD` in a fresh checkout: the definitions of `applied` committed, `step`'s in
 * the working tree, synthesized into an output folder that has never held a stack; `ws`'s cdk.tf.json.
 */
function synthAtBase(applied: Step, step: Step, ws: string): string {
  const repo = writeDefinitions({ "shared/organization.yaml": organization(applied !== "first"), "org.yaml": org(), "ci.yaml": ci(applied) });
  try {
    commitAll(repo, "applied");
    writeFileSync(join(repo, "shared", "organization.yaml"), stringify(organization(step !== "first")));
    writeFileSync(join(repo, "ci.yaml"), stringify(ci(step)));
    const { code, stderr } = cli(repo, ["synth", "--dir", ".", "--out", "fresh", "--base", "HEAD"]);
    // The fixtures' own warnings (an unassigned permission set and group) are fine; the base must compile.
    expect({ code, base: stderr.includes("do not compile") }).toEqual({ code: 0, base: false });
    return readFileSync(join(repo, "fresh", "stacks", ws, "cdk.tf.json"), "utf8");
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/** prepareStack keeping the stack's declared local backend (state beside cdktf.out/, as users get it). */
const prepareAsDeclared = (dir: string, emulator: Emulator) => prepareStack(dir, emulator, { backend: "as-declared" });

/** JSON of emulator state, Maps as objects, for "arrived verbatim" searches. */
const dump = (value: unknown) => JSON.stringify(value, (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v));

describeTerraform("the stack's second day against the emulator", () => {
  const base = tempDir("lifecycle-stack");
  const outdir = join(base, "cdktf.out");
  const stack = join(outdir, "stacks", "ci");
  const orgStack = join(outdir, "stacks", "org");
  const state = join(base, "terraform.tfstate.d", "ci", "terraform.tfstate");
  let emulator: Emulator;
  let cpu = 0;
  const runs: string[] = [];

  /** Synthesizes the definitions of `step` into the one output folder, as `keyless synth` does; returns stderr. */
  async function synth(step: Step): Promise<string> {
    const dir = writeDefinitions({ "shared/organization.yaml": organization(step !== "first"), "org.yaml": org(), "ci.yaml": ci(step) });
    try {
      const errors: string[] = [];
      const code = runSynth({ dir, outdir, evaluationDate: "2026-01-15", synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
      expect({ code, errors: code ? errors : [] }).toEqual({ code: 0, errors: [] });
      if (!emulator) emulator = await startEmulator({ seed: seedFromDefinitions(dir) });
      // The state stays where keyless declares it (beside cdktf.out/): that is what these tests check.
      await prepareAsDeclared(stack, emulator);
      if (step === "first") await prepareAsDeclared(orgStack, emulator);
      return errors.join("\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  /** `terraform plan -out=tfplan`, read from its text (a `show -json` would start the provider once more). */
  const planned = async () => {
    const r = await tf(stack, ["plan", "-input=false", "-no-color", "-lock=false", "-out=tfplan"]);
    cpu += r.cpuSeconds;
    runs.push(`plan ${r.cpuSeconds.toFixed(1)}`);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    return planText(r.stdout);
  };
  /** Applies the plan just saved by `planned` (no second plan). */
  const appliedPlan = async () => {
    const r = await apply(stack, ["tfplan"]);
    cpu += r.cpuSeconds;
    runs.push(`apply ${r.cpuSeconds.toFixed(1)}`);
  };

  afterAll(async () => {
    await emulator?.stop();
    // What these tests cost, for the closing notes (budget: 35 CPU-s of terraform and its providers).
    console.log(`lifecycle-stack: ${cpu.toFixed(1)} CPU-s of terraform (${runs.join("; ")})`);
  });

  it("applies, with literals verbatim in AWS and each role created after the OIDC provider it trusts", async () => {
    await synth("first");
    emulator.reset();
    // init one after the other: Terraform's plugin cache is not safe for concurrent installs.
    for (const d of [stack, orgStack]) cpu += (await init(d)).cpuSeconds;
    const first = await Promise.all([stack, orgStack].map((d) => apply(d)));
    cpu += first.reduce((n, r) => n + r.cpuSeconds, 0);
    runs.push(`first apply ci ${first[0].cpuSeconds.toFixed(1)}, org ${first[1].cpuSeconds.toFixed(1)}`);
    const iam = emulator.state.iam.get(APP_DEV)!;
    const deploy = iam.roles.get("deploy")!;
    expect(deploy.description).toBe(`Deploys ${V} ${D}`);
    expect(JSON.parse(deploy.inlinePolicies.get("home")!).Statement[0].Resource).toBe(`arn:aws:s3:::home/${V}/${D}/*`);
    const everything = dump(emulator.state);
    for (const text of [`Home ${V} ${D}`, `Team ${V} ${D}`, `Deny ${V} ${D}`, `arn:aws:s3:::home/${V}/${D}`]) expect([text, everything.includes(text)]).toEqual([text, true]);
    expect(everything).not.toContain("$${");
    expect(everything).not.toContain("%%{");
    const ops = emulator.log.map((c) => `${c.service}:${c.operation}`);
    const providers = ops.flatMap((o, i) => (o === "iam:CreateOpenIDConnectProvider" ? [i] : []));
    const roles = ops.flatMap((o, i) => (o === "iam:CreateRole" ? [i] : []));
    expect([providers.length, roles.length]).toEqual([1, 1]);
    expect(roles[0]).toBeGreaterThan(providers[0]);
  }, 120_000);

  it("keeps state, lock file and .terraform/ through a second synth, which plans no change", async () => {
    const lock = readFileSync(join(stack, ".terraform.lock.hcl"), "utf8");
    await synth("first");
    expect(existsSync(state)).toBe(true);
    expect(existsSync(join(stack, ".terraform"))).toBe(true);
    expect(readFileSync(join(stack, ".terraform.lock.hcl"), "utf8")).toBe(lock);
    expect((await planned()).summary).toBe("No changes.");
  }, 180_000);

  it("moves renamed role and account keys: no destroy, no create", async () => {
    await synth("renamed");
    // What CI gets from a fresh checkout with --base at the applied commit is this same stack, byte for byte.
    expect(synthAtBase("first", "renamed", "ci")).toBe(readFileSync(join(stack, "cdk.tf.json"), "utf8"));
    expect(await planned()).toEqual({
      created: [],
      destroyed: [],
      moved: [
        "aws_iam_openid_connect_provider.github_app-dev -> aws_iam_openid_connect_provider.github_app-development",
        "aws_iam_role.deploy -> aws_iam_role.app-deploy",
        'aws_iam_role_policy.deploy["home"] -> aws_iam_role_policy.app-deploy["home"]',
        'aws_iam_role_policy_attachment.deploy["arn:aws:iam::aws:policy/ReadOnlyAccess"] -> aws_iam_role_policy_attachment.app-deploy["arn:aws:iam::aws:policy/ReadOnlyAccess"]',
      ],
      summary: "Plan: 0 to add, 0 to change, 0 to destroy.",
    });
    await appliedPlan();
    expect(emulator.state.iam.get(APP_DEV)!.roles.has("deploy")).toBe(true);
  }, 180_000);

  it("destroys an account's last role and provider through the provider keyless keeps for it", async () => {
    expect(await synth("removed")).toContain("KL901");
    expect(synthAtBase("renamed", "removed", "ci")).toBe(readFileSync(join(stack, "cdk.tf.json"), "utf8"));
    expect(await planned()).toEqual({
      created: [],
      destroyed: [
        "aws_iam_openid_connect_provider.github_app-development",
        "aws_iam_role.app-deploy",
        'aws_iam_role_policy.app-deploy["home"]',
        'aws_iam_role_policy_attachment.app-deploy["arn:aws:iam::aws:policy/ReadOnlyAccess"]',
      ],
      moved: [],
      summary: "Plan: 0 to add, 0 to change, 4 to destroy.",
    });
    await appliedPlan();
    const iam = emulator.state.iam.get(APP_DEV)!;
    expect([iam.roles.has("deploy"), iam.oidcProviders.size]).toEqual([false, 0]);
  }, 180_000);
});
