import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { compile, CompileResult } from "../../src/compile/compile";
import { formatPath } from "../../src/diagnostics/diagnostic";
import { tempDir } from "./temp";

/** A small valid inventory: root, workloads/{prod,dev}, security; management + 5 accounts (one suspended). */
export function inventory(): Record<string, unknown> {
  return {
    managementAccount: "management",
    root: { id: "r-ab12", attachedPolicies: ["FullAWSAccess"] },
    organizationalUnits: {
      security: { id: "ou-ab12-11111111" },
      workloads: {
        id: "ou-ab12-22222222",
        organizationalUnits: { prod: { id: "ou-ab12-33333333" }, dev: { id: "ou-ab12-44444444" } },
      },
    },
    accounts: {
      management: { id: "100000000000" },
      audit: { id: "100000000001", ou: "security" },
      "app-prod": { id: "100000000002", ou: "workloads/prod", tags: { env: "prod" } },
      "data-prod": { id: "100000000003", ou: "workloads/prod", tags: { env: "prod" } },
      "old-prod": { id: "100000000004", ou: "workloads/prod", status: "SUSPENDED" },
      "app-dev": { id: "100000000005", ou: "workloads/dev", tags: { env: "dev" } },
    },
  };
}

/** A minimal valid workspace; pass sections to add. */
export function workspace(sections: Record<string, unknown> = {}): Record<string, unknown> {
  return { organization: "./shared/organization.yaml", aws: { region: "eu-west-1" }, ...sections };
}

/** A GitHub OIDC role in `account` for acme/app's dev environment, read-only, with `extra` on top. */
export function githubRole(account: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { account, repository: "acme/app", subjects: [{ environment: "dev" }], managedPolicies: ["ReadOnlyAccess"], ...extra };
}

/**
 * Writes definitions to a fresh temporary folder: `files` maps a path inside it to an object (written
 * as YAML or JSON by extension), raw text or raw bytes (a Uint8Array). The inventory goes to shared/organization.yaml unless given.
 */
export function writeDefinitions(files: Record<string, unknown>): string {
  const dir = tempDir("test");
  const all: Record<string, unknown> = { "shared/organization.yaml": inventory(), ...files };
  for (const [path, content] of Object.entries(all)) {
    if (content === undefined) continue;
    const abs = join(dir, path);
    mkdirSync(join(abs, ".."), { recursive: true });
    const text = typeof content === "string" || content instanceof Uint8Array ? content : path.endsWith(".json") ? JSON.stringify(content, null, 2) : stringify(content);
    writeFileSync(abs, text);
  }
  return dir;
}

/** Compiles definitions from a temporary folder; diagnostics' file paths are relative to it. */
export function compileFiles(files: Record<string, unknown>, evaluationDate = "2026-01-15"): CompileResult {
  const dir = writeDefinitions(files);
  return compile({ dir, cwd: dir, evaluationDate });
}

/** The formatted diagnostics of a run, one per line (without the summary), for inline snapshots. */
export function messages(result: CompileResult): string {
  return result.diagnostics.map((d) => `${d.file}:${d.line ?? "-"} ${d.severity} ${d.code} ${formatPath(d.path)}: ${d.message}${d.fix ? ` | fix: ${d.fix}` : ""}`).join("\n");
}

/** Rules that flag declarations no assignment uses: noise in fixtures built to test something else. */
export const UNUSED = ["KL603", "KL604"] as const;

/**
 * Guardrail coverage (KL412 accounts no deny-IAM-users guardrail reaches, KL413 the management
 * account): the fixtures' inventory always has both, noise in tests about something else.
 */
export const UNREACHED = ["KL412", "KL413"] as const;

/** The result without the findings of `codes`, for tests about something else (say which, so nothing hides). */
export function ignoring(result: CompileResult, codes: readonly string[]): CompileResult {
  return { ...result, diagnostics: result.diagnostics.filter((d) => !codes.includes(d.code)) };
}
