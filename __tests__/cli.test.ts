import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { runCli } from "../src/cli/cli";
import type { CliIo } from "../src/cli/context";
import { workspace, writeDefinitions } from "./support/fixtures";
import { tempDir } from "./support/temp";

function run(cwd: string, argv: string[], options: { isTTY?: boolean; env?: Record<string, string>; today?: () => string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    today: options.today ?? (() => "2026-01-15"),
  };
  const code = runCli(argv, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const org = workspace({
  identityCenter: {
    permissionSets: { ReadOnly: { managedPolicies: ["ReadOnlyAccess"] } },
    groups: { Platform: { source: "external" } },
    assignments: [{ groups: ["Platform"], permissionSets: ["ReadOnly"], targets: { organizationalUnits: ["workloads/prod"] } }],
  },
});
const dev = workspace({
  identityCenter: {
    groups: { Developers: { source: "external" } },
    assignments: [{ groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { accounts: ["app-dev"] } }],
  },
});
/** A folder with environments/{org,dev}.yaml and their inventory, as a user's repository would have. */
function goodProject(): string {
  const dir = writeDefinitions({ "org.yaml": org, "dev.yaml": dev });
  const root = tempDir("cli");
  renameSync(dir, join(root, "environments"));
  return root;
}
const NO_STACK = /\n\s+at .+:\d+/;

describe("keyless CLI: help and usage", () => {
  it("prints global help with every command and the exit codes", () => {
    const r = run(tmpdir(), ["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["validate", "synth", "report", "diff", "profiles"]) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, "m"));
    expect(r.stdout).toContain("--workspace <name>");
    expect(r.stdout).toContain("2  usage error");
    expect(r.stdout).toContain("3  internal error");
    const version = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version;
    expect(run(tmpdir(), ["--version"])).toEqual({ code: 0, stdout: version, stderr: "" });
  });

  it("prints each command's help with its own and the common options", () => {
    expect(run(tmpdir(), ["report", "--help"]).stdout).toMatch(/Usage: keyless report \[options\][\s\S]*--format markdown\|json[\s\S]*--dir <folder>/);
    expect(run(tmpdir(), ["help", "diff"]).stdout).toContain("--base <git-ref>");
    expect(run(tmpdir(), ["synth", "--help"]).stdout).toContain("--out <folder>");
    expect(run(tmpdir(), ["profiles", "--help"]).stdout).toContain("--start-url <url>");
  });

  it("exits 2 for usage errors, with a one-line reason and no stack trace", () => {
    const none = run(tmpdir(), []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: keyless <command>");
    const cases: [string[], string][] = [
      [["deploy"], 'unknown command "deploy"'],
      [["validate", "--colour"], "Unknown option '--colour'"],
      [["report", "--format", "xml"], '--format must be one of markdown, json, html, csv, not "xml"'],
      [["validate", "environments"], 'unexpected argument "environments"'],
      [["diff"], "diff needs --base <git-ref>"],
      [["report", "--dir"], "argument missing"],
    ];
    for (const [argv, message] of cases) {
      const r = run(tmpdir(), argv);
      expect([argv, r.code]).toEqual([argv, 2]);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });

  it("exits 3 for an internal error, with the stack only under KEYLESS_DEBUG", () => {
    const boom = () => {
      throw new Error("clock broke");
    };
    const r = run(goodProject(), ["report"], { today: boom });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("internal error (a bug, please report it): clock broke");
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(run(goodProject(), ["report"], { today: boom, env: { KEYLESS_DEBUG: "1" } }).stderr).toMatch(NO_STACK);
  });
});

describe("keyless validate", () => {
  it("exits 0 on good definitions", () => {
    const r = run(goodProject(), ["validate"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^keyless: environments is valid: 2 workspace\(s\)(, \d+ warning\(s\))?\.$/);
    expect(r.stderr).not.toMatch(/ error KL/);
  });

  it("exits 1 with located findings for bad input, never a stack trace, and JSON on request", () => {
    const dir = writeDefinitions({
      "dev.yaml": workspace({ identityCenter: { assignments: [{ groups: ["Nobody"], permissionSets: ["ReadOnyl"], targets: { accounts: ["app-dev"] } }] } }),
    });
    const r = run(dir, ["validate", "--dir", "."]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dev\.yaml:\d+:\d+ error KL20\d at \$\.identityCenter\.assignments\[0\]/m);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stderr).not.toContain("\u001b[");
    const j = run(dir, ["validate", "--dir", ".", "--format", "json"]);
    expect(j.code).toBe(1);
    const parsed = JSON.parse(j.stdout);
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics[0]).toMatchObject({ severity: "error", file: "dev.yaml" });
  });

  it("colours severities on a terminal, and not with NO_COLOR", () => {
    const dir = writeDefinitions({ "dev.yaml": workspace({ aws: { region: "nowhere" } }) });
    expect(run(dir, ["validate", "--dir", "."], { isTTY: true }).stderr).toContain("\u001b[31merror\u001b[0m");
    expect(run(dir, ["validate", "--dir", "."], { isTTY: true, env: { NO_COLOR: "1" } }).stderr).not.toContain("\u001b[");
  });

  it("exits 1 for a missing definitions folder", () => {
    const r = run(tmpdir(), ["validate", "--dir", "no-such-folder-here"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KL001");
  });
});

describe("keyless report and the workspace filter", () => {
  it("reports only the workspaces asked for, in JSON or Markdown", () => {
    const root = goodProject();
    const all = JSON.parse(run(root, ["report", "--format", "json"]).stdout);
    expect(all.workspaces.map((w: { name: string }) => w.name)).toEqual(["dev", "org"]);
    const one = run(root, ["report", "--format", "json", "--workspace", "org"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).workspaces.map((w: { name: string }) => w.name)).toEqual(["org"]);
    const md = run(root, ["report", "--workspace", "dev", "--date", "2026-02-01"]);
    expect(md.stdout).toContain("Evaluated on 2026-02-01, 1 workspace.");
    expect(md.stdout).toContain("| `app-dev` 100000000005 | ReadOnly |");
  });

  it("rejects an unknown workspace name as a usage error naming the ones that exist", () => {
    const r = run(goodProject(), ["report", "--workspace", "stagin"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown workspace "stagin": environments has dev, org');
  });

  it("writes to --out, a file or a folder", () => {
    const root = goodProject();
    expect(run(root, ["report", "--out", "reports/"]).code).toBe(0);
    expect(readFileSync(join(root, "reports", "access-report.md"), "utf8")).toMatch(/^# Effective access\n/);
    expect(run(root, ["report", "--format", "json", "--out", "r.json"]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, "r.json"), "utf8")).version).toBe(1);
  });
});

describe("keyless synth", () => {
  it("writes one stack per workspace, only the selected ones with --workspace, and nothing on errors", () => {
    const root = goodProject();
    const r = run(root, ["synth", "--out", "out"]);
    expect(r.stderr).not.toMatch(/ error KL/);
    expect(r.code).toBe(0);
    expect(readdirSync(join(root, "out", "stacks")).sort()).toEqual(["dev", "org"]);
    expect(run(root, ["synth", "--out", "one", "--workspace", "dev"]).code).toBe(0);
    expect(readdirSync(join(root, "one", "stacks"))).toEqual(["dev"]);
    const stack = readFileSync(join(root, "one", "stacks", "dev", "cdk.tf.json"), "utf8");
    expect(stack).toContain("group:Developers/ReadOnly/app-dev");
    expect(stack).not.toContain(root);

    // A rename since the last synth is a replacement hazard in the report.
    const renamed = structuredClone(org) as any;
    renamed.identityCenter.permissionSets.ReadOnly.name = "ReadOnlyV2";
    writeFileSync(join(root, "environments", "org.yaml"), stringify(renamed));
    const report = run(root, ["report", "--since", "out"]);
    expect(report.stdout).toMatch(/- \*\*replaced\*\* KL313: permission set ReadOnly is renamed from "ReadOnly" to "ReadOnlyV2"/);
    expect(run(root, ["report", "--since", "no-previous-output"]).stdout).not.toContain("**replaced**");

    const bad = writeDefinitions({ "dev.yaml": workspace({ aws: { region: "nowhere" } }) });
    const b = run(bad, ["synth", "--dir", ".", "--out", "out"]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("nothing written to out");
    expect(existsSync(join(bad, "out"))).toBe(false);
  });
});
