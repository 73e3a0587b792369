import { reportCsv } from "../src/report/csv";
import { diffPlans, renderDiff } from "../src/report/diff";
import { reportHtml } from "../src/report/html";
import { buildReport, renderReport } from "../src/report/report";
import { baseDefinitions, planOf } from "./diff-corpus/base";
import { FORMULA_GROUP, HOSTILE_GROUP, HOSTILE_REGION, hostileDefinitions } from "./diff-corpus/hostile";

describe("everything a user types is escaped in the diff and the report", () => {
  const head = planOf(hostileDefinitions());
  const report = buildReport(head, [], "2026-01-15");
  const markdown = { report: renderReport(report), diff: renderDiff(diffPlans(planOf(baseDefinitions()), head)) };

  it("the hostile strings reach the outputs (so the assertions below test something)", () => {
    expect(report.workspaces[0].identityCenter.grants.map((g) => g.principal)).toContain(HOSTILE_GROUP);
    expect(markdown.diff).toContain("can now use ProdOperator in app-dev");
    expect(markdown.diff).toContain("aws:RequestedRegion is \\</script>\\<script>alert(3)\\</script>");
  });

  it.each(Object.entries(markdown))("Markdown %s: no raw HTML, no mention, no broken line or table", (_name, md) => {
    expect(md).not.toMatch(/(^|[^\\])<(img|\/?script)/);
    expect(md).not.toMatch(/@(octocat|everyone)/);
    expect(md).toContain("@&#8203;octocat");
    expect(md).not.toMatch(/(^|[^\\])`x`/);
    const lines = md.split("\n");
    expect(lines.some((l) => l.startsWith("second line") || l.startsWith("# heading"))).toBe(false);
    // Every row of a table has as many unescaped pipes as its header.
    let width = -1;
    for (const l of lines) {
      if (!l.startsWith("|")) {
        width = -1;
        continue;
      }
      const pipes = (l.match(/(?<!\\)\|/g) ?? []).length;
      if (width < 0) width = pipes;
      expect(pipes).toBe(width);
    }
  });

  it("HTML: the only script is keyless's, no element comes from user text", () => {
    const html = reportHtml(report);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain(`&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;`);
    expect(HOSTILE_REGION).toContain("</script>");
  });

  it("CSV: quoted where needed, and a formula is never a formula", () => {
    const csv = reportCsv(report);
    // A line break inside a field is quoted (RFC 4180); a leading @ or = is prefixed with '.
    expect(csv).toContain(`group,"'${HOSTILE_GROUP}",ProdOperator,`);
    expect(csv).toContain(`group,"'${FORMULA_GROUP.replace(/"/g, '""')}",ProdOperator,`);
    expect(csv).not.toContain(`,${FORMULA_GROUP}`);
  });
});
