import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { runCli, runCliAsync } from "../src/cli/cli";
import { startEmulator } from "./support/emulator";
import type { CliIo } from "../src/cli/context";
import { compile } from "../src/compile/compile";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = tempDir("init");
  dirs.push(d);
  return d;
};

async function runAsync(cwd: string, argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env, isTTY: false, today: () => "2026-01-15" };
  return { code: await runCliAsync(argv, io), stdout: out.join("\n"), stderr: err.join("\n") };
}

function run(cwd: string, argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env, isTTY: false, today: () => "2026-01-15" };
  return { code: runCli(argv, io), stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("keyless init", () => {
  const cwd = tmp();
  const r = run(cwd, ["init", "repo"]);
  const repo = join(cwd, "repo");

  it("writes a definitions repository that compiles as it is, with only the unassigned ReadOnly and the management account (KL413) to warn about", () => {
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("wrote 6 files to repo");
    expect(readdirSync(repo).sort()).toEqual([".github", ".gitignore", "README.md", "environments"]);
    const result = compile({ dir: join(repo, "environments"), cwd: repo, evaluationDate: "2026-01-15" });
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning KL603", "warning KL413"]);
    const org = result.plan!.workspaces[0];
    expect(org.identityCenter.permissionSets.map((p) => [p.name, p.managedPolicyArns])).toEqual([["ReadOnly", ["arn:aws:iam::aws:policy/ReadOnlyAccess"]]]);
    expect(org.guardrails.policies.map((p) => p.targets.map((t) => t.id))).toEqual([["r-0000"]]);
  });

  it("points $schema at the installed package's schemas, for the file and the editor comment alike", () => {
    for (const [file, schema] of [
      ["environments/org.yaml", "workspace.schema.json"],
      ["environments/shared/organization.yaml", "organization.schema.json"],
    ]) {
      const text = readFileSync(join(repo, file), "utf8");
      const ref = (parse(text) as { $schema: string }).$schema;
      expect(resolve(dirname(join(repo, file)), ref)).toBe(join(repo, "node_modules", "keyless", "schemas", schema));
      expect(text).toContain(`# yaml-language-server: $schema=${ref}\n`);
      expect(existsSync(join(ROOT, "schemas", schema))).toBe(true);
    }
  });

  it("ships workflows that run the installed CLI, give pull requests no AWS role, and plan and apply with one role per workspace", () => {
    const pr = readFileSync(join(repo, ".github", "workflows", "keyless-pr.yml"), "utf8");
    const apply = readFileSync(join(repo, ".github", "workflows", "keyless-apply.yml"), "utf8");
    for (const text of [pr, apply]) {
      expect(text).toContain("  KEYLESS: npx keyless\n");
      expect(text).not.toMatch(/role-chaining|111111111111:role\/keyless\/terraform|333333333302|src\/cli/);
    }
    expect(pr).not.toMatch(/role-to-assume|id-token: write/);
    expect(apply).toContain("role-to-assume: ${{ fromJSON(vars.KEYLESS_PLAN_ROLES)[matrix.workspace] }}");
    expect(apply).toContain("role-to-assume: ${{ fromJSON(vars.KEYLESS_APPLY_ROLES)[matrix.workspace] }}");
    expect(readFileSync(join(repo, ".gitignore"), "utf8")).toMatch(/^cdktf\.out\/$/m);
  });

  it("with AWS credentials, pulls the real inventory in place of the template, its $schema into the package", async () => {
    const aws = await startEmulator({
      seed: {
        organization: {
          managementAccountId: "123456789012",
          organizationalUnits: [{ id: "ou-q1w2-00000001", name: "workloads" }],
          accounts: [{ id: "123456789013", name: "app", parentId: "ou-q1w2-00000001" }],
        },
      },
    });
    try {
      const dir = tmp();
      const res = await runAsync(dir, ["init"], {
        AWS_ENDPOINT_URL: aws.endpoint,
        AWS_ACCESS_KEY_ID: "AKIA0000111111111111",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_REGION: "eu-west-1",
      });
      expect(res.code).toBe(0);
      expect(res.stdout).toContain("environments/shared/organization.yaml pulled from AWS Organizations");
      const text = readFileSync(join(dir, "environments", "shared", "organization.yaml"), "utf8");
      expect(text).toContain("# yaml-language-server: $schema=../../node_modules/keyless/schemas/organization.schema.json\n");
      expect(text).not.toContain("../../schemas/");
      expect(parse(text) as { $schema: string; root: { id: string } }).toMatchObject({
        $schema: "../../node_modules/keyless/schemas/organization.schema.json",
        root: { id: aws.state.organization.rootId },
      });
      const result = compile({ dir: join(dir, "environments"), cwd: dir, evaluationDate: "2026-01-15" });
      expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
      expect(result.plan?.workspaces[0].guardrails.policies[0].targets.map((t) => t.id)).toEqual([aws.state.organization.rootId]);
      expect(result.plan?.workspaces[0].aws.account).toEqual({ name: "management", id: "123456789012" });
    } finally {
      await aws.stop();
    }
  });

  it("with credentials that cannot reach AWS, keeps the template and says why; init still succeeds", async () => {
    const dir = tmp();
    const res = await runAsync(dir, ["init"], {
      AWS_ENDPOINT_URL: "http://127.0.0.1:9",
      AWS_ACCESS_KEY_ID: "AKIA0000111111111111",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "eu-west-1",
      AWS_MAX_ATTEMPTS: "1",
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("AWS credentials found, but the inventory could not be pulled");
    expect(readFileSync(join(dir, "environments", "shared", "organization.yaml"), "utf8")).toContain("THIS IS A TEMPLATE");
  });

  it("overwrites nothing: one existing file and nothing is written, exit 1", () => {
    const dir = tmp();
    mkdirSync(join(dir, "environments"));
    writeFileSync(join(dir, "environments", "org.yaml"), "mine");
    const res = run(dir, ["init"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe("keyless init: nothing written: environments/org.yaml already exist(s). Move them away or run keyless init in a new folder.");
    expect(readdirSync(dir)).toEqual(["environments"]);
    expect(readFileSync(join(dir, "environments", "org.yaml"), "utf8")).toBe("mine");
  });

  it("takes one folder; other commands still take none", () => {
    expect(run(tmp(), ["init", "a", "b"]).code).toBe(2);
    expect(run(tmp(), ["validate", "x"])).toMatchObject({ code: 2 });
  });
});
