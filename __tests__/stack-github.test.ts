import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesize } from "../modules/synth";
import { runSynth } from "../src/run-synth";
import { workspace, writeDefinitions } from "./support/fixtures";

const DATE = "2026-01-15";
const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

const role = (account: string, extra: Record<string, unknown> = {}) => ({ account, repository: "acme/app", subjects: [{ environment: "dev" }], managedPolicies: ["ReadOnlyAccess"], ...extra });

/** Synthesizes `files` (an inventory is added) into `outdir`: workspace -> parsed stack, and stderr. */
function synth(files: Record<string, unknown>, outdir: string): { stacks: Record<string, any>; stderr: string } {
  const dir = writeDefinitions(files);
  cleanup.push(dir);
  const errors: string[] = [];
  const code = runSynth({ dir, outdir, evaluationDate: DATE, synthesize, stdout: () => {}, stderr: (t) => errors.push(t) });
  expect({ code, errors: code ? errors : [] }).toEqual({ code: 0, errors: [] });
  const stacks: Record<string, any> = {};
  for (const f of Object.keys(files)) {
    const ws = f.replace(/\.[^.]+$/, "");
    stacks[ws] = JSON.parse(readFileSync(join(outdir, "stacks", ws, "cdk.tf.json"), "utf8"));
  }
  return { stacks, stderr: errors.join("\n") };
}

function outdir(): string {
  const base = mkdtempSync(join(tmpdir(), "keyless-stack-gh-"));
  cleanup.push(base);
  return join(base, "out");
}

describe("GitHub roles and their OIDC provider", () => {
  it("a role depends on the provider it trusts when the same stack creates it, and only then", () => {
    const { stacks } = synth(
      {
        "org.yaml": workspace({ githubOidc: { providers: { "app-prod": {} } } }),
        "ci.yaml": workspace({ githubOidc: { providers: { "app-dev": {} }, roles: { dev: role("app-dev"), prod: role("app-prod") } } }),
      },
      outdir(),
    );
    const roles = stacks.ci.resource.aws_iam_role;
    expect(roles.dev.depends_on).toEqual(["aws_iam_openid_connect_provider.github_app-dev"]);
    expect(roles.prod.depends_on).toBeUndefined();
  });
});
