import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { compile } from "../src/compile/compile";
import { reportHtml } from "../src/report/html";
import { fileLocator } from "../src/report/locate";
import { buildReport } from "../src/report/report";
import { planOf } from "./diff-corpus/base";
import { HOSTILE_GROUP, hostileDefinitions } from "./diff-corpus/hostile";
import { EXAMPLE_DIR } from "./support/definitions";

/**
 * The HTML report in a real headless Chromium (Debian's): it renders, the filters hide and show
 * rows, and it makes no network request. `KEYLESS_SCREENSHOT=1` also writes docs/report.png.
 */
/** Debian's Chromium; KEYLESS_CHROMIUM points elsewhere (or at nothing, to see the skip). */
const CHROMIUM = process.env.KEYLESS_CHROMIUM ?? "/usr/bin/chromium";
/** What the assertions read of a DOM element (the project compiles without the DOM library). */
type El = { readonly hidden: boolean; readonly dataset: Record<string, string | undefined> };
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const available = existsSync(CHROMIUM);
const ci = process.env.CI === "true";
const suite = available || ci ? describe : describe.skip;
const title = available
  ? "HTML report in headless Chromium"
  : `HTML report in headless Chromium: SKIPPED, ${CHROMIUM} is missing (apt-get install chromium; with CI=true this fails)`;

if (!available && !ci) console.warn(title);
// A browser on a shared, loaded machine: generous per-test time (the CPU cost stays ~2-4 CPU-s).
jest.setTimeout(30_000);

suite(title, () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  let url: string;

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing and CI=true: .ci/run installs it with apt-get`);
    dir = mkdtempSync(join(tmpdir(), "keyless-html-"));
    const cwd = join(EXAMPLE_DIR, "..");
    const r = compile({ dir: "environments", cwd, evaluationDate: "2026-12-02" });
    const file = join(dir, "access-report.html");
    writeFileSync(file, reportHtml(buildReport(r.plan!, [...r.diagnostics, ...r.acknowledged], "2026-12-02", { locate: fileLocator(cwd) })));
    url = pathToFileURL(file).href;
    context = await chromium.launchPersistentContext(join(dir, "profile"), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("request", (req) => requests.push(req.url()));
    await page.goto(url);
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleGrants = () => page.$$eval("#grants tbody tr", (rows) => rows.filter((r) => !(r as unknown as El).hidden).map((r) => (r as unknown as El).dataset));

  it("renders the matrix, the grants, the GitHub roles, the guardrails and the hazards", async () => {
    expect(await page.title()).toBe("keyless: effective access on 2026-12-02");
    const total = await page.$$eval("#grants tbody tr", (rows) => rows.length);
    expect(total).toBeGreaterThan(20);
    expect(await page.textContent("#grant-count")).toBe(String(total));
    expect(await page.$$eval("#matrix tbody tr", (rows) => rows.length)).toBeGreaterThan(5);
    expect(await page.textContent("#roles")).toContain("repo:acme/");
    expect(await page.textContent("#guardrails")).toContain("keyless-deny-iam-users");
    expect(await page.$$eval("#hazards li", (li) => li.length)).toBeGreaterThan(0);
  });

  it("filters by OU, group and permission set, and by text", async () => {
    await page.selectOption("#f-ou", "workloads/prod");
    let rows = await visibleGrants();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((d) => d.ou === "workloads/prod")).toBe(true);
    const matrixAccounts = await page.$$eval("#matrix tbody tr", (trs) => trs.filter((t) => !(t as unknown as El).hidden).map((t) => (t as unknown as El).dataset.ou));
    expect(matrixAccounts.every((ou) => ou === "workloads/prod")).toBe(true);

    await page.selectOption("#f-principal", "group Platform");
    rows = await visibleGrants();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((d) => d.principal === "group Platform" && d.ou === "workloads/prod")).toBe(true);
    expect(await page.$$eval("#matrix thead th[data-principal]", (ths) => ths.filter((t) => !(t as unknown as El).hidden).map((t) => t.textContent))).toEqual(["group Platform"]);

    await page.selectOption("#f-ps", "ReadOnly");
    expect((await visibleGrants()).map((d) => d.ps)).toEqual(rows.filter((d) => d.ps === "ReadOnly").map((d) => d.ps));
    expect(await page.$$eval("#permission-sets tbody tr", (trs) => trs.filter((t) => !(t as unknown as El).hidden).map((t) => (t as unknown as El).dataset.ps))).toEqual([
      "ReadOnly",
    ]);

    for (const id of ["#f-ou", "#f-principal", "#f-ps"]) await page.selectOption(id, "");
    await page.fill("#f-text", "app-prod");
    rows = await visibleGrants();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((d) => d.account === "app-prod")).toBe(true);
    await page.fill("#f-text", "");
    expect((await visibleGrants()).length).toBe(Number(await page.textContent("#grant-count")));
  });

  it("makes no network request: the page is its only resource", async () => {
    expect(requests).toEqual([url]);
  });

  it("shows hostile names as text: no script runs, no element is injected", async () => {
    const file = join(dir, "hostile.html");
    writeFileSync(file, reportHtml(buildReport(planOf(hostileDefinitions()), [], "2026-01-15")));
    const hostile = await context.newPage();
    const dialogs: string[] = [];
    hostile.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await hostile.goto(pathToFileURL(file).href);
    expect(await hostile.$$eval("img", (imgs) => imgs.length)).toBe(0);
    expect(await hostile.$$eval("script", (scripts) => scripts.length)).toBe(1);
    const headers = await hostile.$$eval("#matrix thead th", (ths) => ths.map((t) => t.textContent));
    expect(headers).toContain(`group ${HOSTILE_GROUP}`);
    await hostile.selectOption("#f-principal", `group ${HOSTILE_GROUP}`);
    expect(await hostile.textContent("#grant-count")).toBe("1");
    expect(dialogs).toEqual([]);
    await hostile.close();
  });

  it("a large organization's matrix lists each account's grants, and filters the same way", async () => {
    const file = join(dir, "list.html");
    writeFileSync(file, reportHtml(buildReport(planOf(hostileDefinitions()), [], "2026-01-15"), { matrixCells: 0 }));
    const list = await context.newPage();
    await list.goto(pathToFileURL(file).href);
    expect(await list.$$eval("#matrix thead th", (ths) => ths.map((t) => t.textContent))).toEqual(["account", "OU", "who has what (3 groups and users)"]);
    await list.selectOption("#f-principal", "group OnCall");
    const rows = await list.$$eval("#matrix tbody tr", (trs) => trs.filter((t) => !(t as unknown as El).hidden).map((t) => (t as unknown as El).dataset.account));
    expect(rows).toEqual(["app-prod", "data-prod"]);
    expect(await list.$$eval("#matrix span[data-ps]", (ss) => ss.filter((s) => !(s as unknown as El).hidden).map((s) => (s as unknown as El).dataset.principal))).toEqual([
      "group OnCall",
      "group OnCall",
    ]);
    await list.close();
  });

  it("takes a screenshot of the example organization (docs/report.png with KEYLESS_SCREENSHOT=1)", async () => {
    await page.fill("#f-text", "");
    await page.selectOption("#f-ou", "workloads/prod");
    const png = await page.screenshot({ fullPage: false });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    if (process.env.KEYLESS_SCREENSHOT === "1") {
      mkdirSync(join(__dirname, "..", "docs"), { recursive: true });
      writeFileSync(join(__dirname, "..", "docs", "report.png"), png);
    }
  });
});
