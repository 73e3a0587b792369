/**
 * Input hardening (issue 14, class 11) for what the corpus cannot express as file contents: symlinks
 * out of the definitions folder, named pipes, devices. Each is a located error (exit 1), returned
 * before the file is opened (a FIFO would block this test forever), nothing written.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { runCli } from "../src/cli/cli";
import type { CliIo } from "../src/cli/context";
import { compile } from "../src/compile/compile";
import { inventory, workspace } from "./support/fixtures";
import { tempDir } from "./support/temp";

/** A definitions folder `defs/` (with the inventory) inside a fresh temporary folder that also holds `outside/`. */
function folder(): { root: string; defs: string; outside: string } {
  const root = tempDir("hardening");
  const defs = join(root, "defs");
  const outside = join(root, "outside");
  mkdirSync(join(defs, "shared"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(defs, "shared", "organization.yaml"), stringify(inventory()));
  return { root, defs, outside };
}

function run(cwd: string, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {}, isTTY: false, today: () => "2026-01-15" };
  return { code: runCli(argv, io), stdout: out.join("\n"), stderr: err.join("\n") };
}

const shown = (dir: string, cwd: string) => compile({ dir, cwd, evaluationDate: "2026-01-15" }).diagnostics.map((d) => `${d.code} ${d.file}: ${d.message}`);

describe("definition files that are not what they seem", () => {
  it("refuses a workspace file that is a symlink to a file outside the folder, without quoting it", () => {
    const { root, defs, outside } = folder();
    writeFileSync(join(outside, "secret.yaml"), "aws_secret_access_key: hunter2\n");
    symlinkSync(join(outside, "secret.yaml"), join(defs, "org.yaml"));
    const found = shown("defs", root);
    expect(found).toEqual(["KL006 defs/org.yaml: is a symlink to a file outside the definitions folder"]);
    expect(found.join("\n")).not.toContain("hunter2");
  });

  it("refuses an inventory symlinked from outside the folder", () => {
    const { root, defs, outside } = folder();
    rmSync(join(defs, "shared", "organization.yaml"));
    writeFileSync(join(outside, "organization.yaml"), stringify(inventory()));
    symlinkSync(join(outside, "organization.yaml"), join(defs, "shared", "organization.yaml"));
    writeFileSync(join(defs, "org.yaml"), stringify(workspace()));
    expect(shown("defs", root)).toEqual(["KL006 defs/shared/organization.yaml: is a symlink to a file outside the definitions folder"]);
  });

  it("refuses a named pipe without opening it (the read would block forever)", () => {
    const { root, defs } = folder();
    execFileSync("mkfifo", [join(defs, "org.yaml")]);
    expect(shown("defs", root)).toEqual(["KL006 defs/org.yaml: is a named pipe (FIFO), not a regular file"]);
  });

  it("refuses a device reached through a symlink (/dev/zero never ends)", () => {
    const { root, defs } = folder();
    symlinkSync("/dev/zero", join(defs, "org.yaml"));
    expect(shown("defs", root)).toEqual(["KL006 defs/org.yaml: is a symlink to a file outside the definitions folder"]);
    rmSync(join(defs, "org.yaml"));
    writeFileSync(join(defs, "org.yaml"), stringify({ ...workspace(), organization: "/dev/zero" }));
    const [only, ...rest] = shown("defs", root);
    expect(rest).toEqual([]);
    expect(only).toMatch(/^KL006 \S*dev\/zero: is outside the definitions folder$/);
  });

  it("exits 1 from the CLI with the located error, and writes nothing", () => {
    const { root, defs } = folder();
    writeFileSync(join(defs, "org.yaml"), stringify({ ...workspace(), organization: "../outside/organization.yaml" }));
    writeFileSync(join(root, "outside", "organization.yaml"), stringify(inventory()));
    const r = run(root, ["synth", "--dir", "defs", "--out", "cdktf.out"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KL006");
    expect(r.stderr).toContain("outside/organization.yaml");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(root, "cdktf.out"))).toBe(false);
  });
});
