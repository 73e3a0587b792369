import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffPlans, isEmptyDiff, renderDiff } from "../src/report/diff";
import { buildReport, renderReport } from "../src/report/report";
import { baseDefinitions, planOf } from "./diff-corpus/base";
import { CASES } from "./diff-corpus/cases";

/** Every bullet line of a rendered diff, in order. */
const bullets = (md: string) => md.split("\n").filter((l) => l.startsWith("- "));

describe("diff corpus: every change to a policy is seen, widening first", () => {
  const base = planOf(baseDefinitions());

  it("has at least 20 cases, widening and narrowing", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => c.lines.some((l) => l.startsWith("- ⚠️"))).length).toBeGreaterThanOrEqual(10);
    expect(CASES.filter((c) => !c.lines.some((l) => l.startsWith("- ⚠️"))).length).toBeGreaterThanOrEqual(5);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const head = baseDefinitions();
    c.change(head);
    const diff = diffPlans(base, planOf(head));
    const md = renderDiff(diff);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(md).not.toContain("No change");
    expect(bullets(md)).toEqual(c.lines);
    // Widenings come before every detail section.
    const firstWidening = md.indexOf("### ⚠️ Access widened");
    if (c.lines.some((l) => l.startsWith("- ⚠️"))) expect(firstWidening).toBe(md.indexOf("### "));
  });
});

describe("README's diff example", () => {
  it("is what two corpus changes together print", () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const shown = /```\n(### ⚠️ Access widened[\s\S]*?)```/.exec(readme)![1].trim();
    const head = baseDefinitions();
    for (const name of ["permission set: adds iam:* to an Allow", "SCP exemption: exempts every role"]) CASES.find((c) => c.name === name)!.change(head);
    expect(renderDiff(diffPlans(planOf(baseDefinitions()), planOf(head)))).toContain(shown);
  });

  it("and its SCP statements in words are what the report prints", () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
    const shown = /```\n(- `deny-regions`[\s\S]*?)```/.exec(readme)![1].trim();
    expect(shown.split("\n")).toHaveLength(2);
    expect(renderReport(buildReport(planOf(baseDefinitions()), [], "2026-01-15"))).toContain(shown);
  });
});
