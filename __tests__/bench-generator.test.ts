import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { generateOrganization, SIZES, writeOrganization } from "../bench/generate";
import { App } from "cdktf";
import { EnvironmentStack } from "../modules/environment-stack";
import { synthesize } from "../modules/synth";
import { compile } from "../src/compile/compile";
import { tempDir } from "./support/temp";

describe("bench generator", () => {
  const medium = generateOrganization(SIZES.medium, 1);

  it("is deterministic: the same seed gives the same files, another seed different ones", () => {
    const again = generateOrganization(SIZES.medium, 1);
    expect(Object.keys(again.files)).toEqual(Object.keys(medium.files));
    for (const [path, text] of Object.entries(medium.files)) expect(again.files[path]).toBe(text);
    const other = generateOrganization(SIZES.medium, 2);
    expect(other.files["org.yaml"]).not.toBe(medium.files["org.yaml"]);
  });

  it("writes exactly the files it generated", () => {
    const dir = tempDir("bench-test");
    try {
      writeOrganization(dir, medium);
      const written = readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .sort();
      expect(written).toEqual(["org.yaml", "team-01.yaml", "team-02.yaml", "team-03.yaml", "team-04.yaml"]);
      expect(readFileSync(join(dir, "shared/organization.yaml"), "utf8")).toBe(medium.files["shared/organization.yaml"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("produces a medium organization that validates and compiles without errors, at the size asked", () => {
    const dir = tempDir("bench-test");
    try {
      writeOrganization(dir, medium);
      const result = compile({ dir, cwd: dir, evaluationDate: "2026-01-15" });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => `${d.file}:${d.line ?? 0} ${d.code} ${d.message}`)).toEqual([]);
      expect(result.plan).toBeDefined();
      const ws = result.plan!.workspaces;
      expect(ws).toHaveLength(SIZES.medium.workspaces);
      const assignments = ws.reduce((n, w) => n + w.identityCenter.assignments.length, 0);
      expect(assignments).toBe(medium.counts.assignments);
      expect(assignments).toBeGreaterThanOrEqual(SIZES.medium.assignments);
      expect(assignments).toBeLessThan(SIZES.medium.assignments * 1.02);
      expect(ws.reduce((n, w) => n + w.githubOidc.roles.length, 0)).toBe(SIZES.medium.githubRoles);
      expect(ws.reduce((n, w) => n + w.identityCenter.permissionSets.length, 0)).toBe(SIZES.medium.permissionSets);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("synthesizes the medium organization to the same bytes as plain cdktf (for_each maps spliced in)", () => {
    const dir = tempDir("bench-test");
    try {
      writeOrganization(join(dir, "defs"), medium);
      const { plan } = compile({ dir: join(dir, "defs"), cwd: dir, evaluationDate: "2026-01-15" });
      synthesize(plan!, { outdir: join(dir, "fast") });
      // skipValidation: cdktf would run `terraform version`, which CI machines may not have.
      const app = new App({ outdir: join(dir, "plain"), stackTraces: false, hclOutput: false, skipValidation: true });
      for (const ws of plan!.workspaces) new EnvironmentStack(app, ws.name, { plan: ws });
      app.synth();
      for (const ws of plan!.workspaces) {
        const file = join("stacks", ws.name, "cdk.tf.json");
        const fast = readFileSync(join(dir, "fast", file), "utf8");
        expect(fast).toContain('"aws_ssoadmin_account_assignment"');
        expect(fast).toBe(readFileSync(join(dir, "plain", file), "utf8"));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
