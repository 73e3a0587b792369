/**
 * README.md: the definitions reference matches the schemas (regenerate with npm run gen:reference),
 * and every scenario works as its text says, applied to a copy of the example organization.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { generateReference, REFERENCE_END, REFERENCE_START, withReference } from "../scripts/reference";
import { compile } from "../src/compile/compile";
import { workflowUsage } from "../src/report/workflow-usage";
import type { AccessPlan } from "../src/plan";
import { profileEntries } from "../src/profiles/profiles";
import { diffPlans, renderDiff } from "../src/report/diff";
import { buildReport, renderReport } from "../src/report/report";
import { tempDir } from "./support/temp";

const ROOT = join(__dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const DATE = "2026-11-01";

describe("README definitions reference", () => {
  it("is what the schemas give (run npm run gen:reference after a schema change)", () => {
    expect(README.indexOf(REFERENCE_START)).toBeGreaterThan(README.indexOf("## Definitions reference"));
    expect(README.indexOf(REFERENCE_END)).toBeLessThan(README.indexOf("## Development"));
    expect(withReference(README, generateReference(ROOT))).toBe(README);
  });

  it("covers every top-level property of every schema", () => {
    const reference = generateReference(ROOT);
    for (const file of ["workspace", "identity-center", "guardrails", "github-oidc", "organization"]) {
      const schema = JSON.parse(readFileSync(join(ROOT, "schemas", `${file}.schema.json`), "utf8"));
      for (const p of Object.keys(schema.properties ?? {}).filter((p) => p !== "$schema")) expect([file, reference.includes(`| \`${p}\` |`)]).toEqual([file, true]);
    }
  });
});

/** The scenarios: heading -> its yaml snippets ({ action, path, data }). */
function scenarios(): Map<string, { action: "new file" | "merge into"; path: string; data: Record<string, unknown> }[]> {
  const section = README.slice(README.indexOf("## Scenarios"), README.indexOf("## Definitions reference"));
  const out = new Map<string, { action: "new file" | "merge into"; path: string; data: Record<string, unknown> }[]>();
  // Split at "### " headings outside fenced code (a diff shown in a scenario has its own headings).
  const parts: string[] = [];
  let fenced = false;
  for (const line of section.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (!fenced && line.startsWith("### ")) parts.push("");
    if (parts.length) parts[parts.length - 1] += `${line.replace(/^### /, fenced ? "### " : "")}\n`;
  }
  for (const part of parts) {
    const title = part.slice(0, part.indexOf("\n"));
    const blocks = [...part.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)].map((m) => m[2].replace(new RegExp(`^${m[1]}`, "gm"), ""));
    out.set(
      title,
      blocks
        .map((b) => /^# (new file:|merge into) (\S+)\n/.exec(b))
        .map((m, i) => (m ? { action: m[1].replace(":", "") as "new file" | "merge into", path: m[2], data: parse(blocks[i]) as Record<string, unknown> } : undefined))
        .filter((x): x is NonNullable<typeof x> => !!x),
    );
  }
  return out;
}

function merge(into: any, from: any): any {
  if (into && from && typeof into === "object" && typeof from === "object" && !Array.isArray(into) && !Array.isArray(from)) {
    const out = { ...into };
    for (const [k, v] of Object.entries(from)) out[k] = merge(into[k], v);
    return out;
  }
  return from;
}

/** A copy of the example organization (or an empty folder) with a scenario's snippets applied; its plan. */
function apply(title: string, fromExample = true): { dir: string; plan: AccessPlan } {
  const snippets = scenarios().get(title);
  expect(snippets?.length).toBeGreaterThan(0);
  const root = tempDir("readme");
  if (fromExample) cpSync(join(ROOT, "environments"), join(root, "environments"), { recursive: true });
  for (const s of snippets!) {
    const file = join(root, s.path);
    mkdirSync(dirname(file), { recursive: true });
    const data = s.action === "new file" ? s.data : merge(parse(readFileSync(file, "utf8")), s.data);
    writeFileSync(file, stringify(data));
  }
  const r = compile({ dir: join(root, "environments"), cwd: root, evaluationDate: DATE });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { dir: root, plan: r.plan! };
}

const example = () => compile({ dir: join(ROOT, "environments"), cwd: ROOT, evaluationDate: DATE }).plan!;
const codeBlocksAfter = (marker: string) => README.slice(README.indexOf(marker)).match(/```\n([\s\S]*?)```/)![1];

describe("README scenarios", () => {
  it("has the six scenarios", () => {
    expect([...scenarios().keys()]).toEqual([
      "Your first organization",
      "Adding a team",
      "A new account in an OU",
      "A CI role for a new repository",
      "Migrating off IAM users",
      "Adopting an existing organization",
    ]);
  });

  it("Your first organization: compiles, grants Engineers ReadOnly in app, guards the workloads OU", () => {
    const { plan } = apply("Your first organization", false);
    const report = buildReport(plan, [], DATE);
    expect(report.workspaces[0].identityCenter.grants.map((g) => g.key)).toEqual(["group:Engineers/ReadOnly/app"]);
    expect(report.workspaces[0].guardrails.policies[0].targets).toEqual(["ou:workloads"]);
  });

  it("Adding a team: the diff is exactly the one the README shows", () => {
    const md = renderDiff(diffPlans(example(), apply("Adding a team").plan, DATE));
    const shown = codeBlocksAfter("`keyless diff --base origin/main` on the pull request then says:");
    expect(md).toContain(shown.trim());
    // The same lines are the example in "The pull-request diff".
    expect(README).toContain(shown.trim().split("\n").slice(-1)[0]);
  });

  it("A new account in an OU: new grants only in that account, no guardrail change", () => {
    const diff = diffPlans(example(), apply("A new account in an OU").plan, DATE);
    expect(new Set(diff.grantsAdded.map((g) => g.account))).toEqual(new Set(["search-prod"]));
    expect(diff.grantsAdded.map((g) => `${g.principal}/${g.permissionSet}`)).toEqual(expect.arrayContaining(["Developers/ReadOnly", "OnCall/ProdOperator"]));
    expect(diff.grantsRemoved).toEqual([]);
    expect([diff.guardrailsAdded, diff.guardrailsChanged, diff.guardrailsRemoved]).toEqual([[], [], []]);
  });

  it("A CI role for a new repository: one subject, and the workflow step shown", () => {
    const { plan } = apply("A CI role for a new repository");
    const prod = plan.workspaces.find((w) => w.name === "prod")!;
    const role = prod.githubOidc.roles.find((r) => r.name === "search-deploy-prod")!;
    expect(role.subjects).toEqual(["repo:acme/search:environment:production"]);
    expect(renderReport(buildReport({ ...plan, workspaces: [prod] }, [], DATE))).toContain("`repo:acme/search:environment:production` | environment: production");
    const usage = workflowUsage(role, prod.aws.region);
    expect(README).toContain(`role-to-assume: ${usage.roleArn}`);
    expect(usage.yaml).toContain(`role-to-assume: ${role.arn}`);
  });

  it("Migrating off IAM users: key status changes allowed, and profiles for the team", () => {
    const diff = diffPlans(example(), apply("Migrating off IAM users").plan, DATE);
    expect(diff.guardrailsChanged.map((c) => [c.name, c.deniesRemoved.includes("iam:UpdateAccessKey"), c.targetsRemoved])).toEqual([["keyless-deny-iam-users", true, []]]);
    expect(profileEntries(apply("Adding a team").plan, { group: "DataScience" }).map((e) => e.profile)).toEqual(["data-dev.PowerUser", "data-dev.ReadOnly", "data-prod.ReadOnly"]);
  });
});
