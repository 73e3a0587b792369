import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../src/cli/cli";
import type { CliIo } from "../src/cli/context";
import { CSV_COLUMNS } from "../src/report/csv";

const ROOT = join(__dirname, "..");

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: ROOT, env: {}, isTTY: false, today: () => "2026-12-02" };
  return { code: runCli(argv, io), stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("keyless report --format csv|html (the example organization)", () => {
  it("csv: one row per grant, with the OU and the file:line of the assignment that grants it", () => {
    const r = run(["report", "--format", "csv", "--date", "2026-12-02"]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.split("\n");
    expect(header).toBe(CSV_COLUMNS.join(","));
    const platform = rows.find((l) => l.startsWith("group,Platform,AdministratorAccess,AdministratorAccess,app-prod,"))!;
    expect(platform).toMatch(/,workloads\/prod,,org,environments\/org\.yaml:\d+$/);
    // The line is the assignment's `groups:` entry naming the principal.
    const line = Number(/:(\d+)$/.exec(platform)![1]);
    expect(readFileSync(join(ROOT, "environments", "org.yaml"), "utf8").split("\n")[line - 1]).toContain("Platform");
    expect(rows.find((l) => l.includes(",Contractors,"))).toMatch(/,2027-03-31,org,/);
  });

  it("html: --out into a folder writes access-report.html, one self-contained page", () => {
    const dir = mkdtempSync(join(tmpdir(), "keyless-report-out-"));
    try {
      const r = run(["report", "--format", "html", "--date", "2026-12-02", "--out", `${dir}/`]);
      expect(r.code).toBe(0);
      const html = readFileSync(join(dir, "access-report.html"), "utf8");
      expect(html.startsWith("<!doctype html>")).toBe(true);
      expect(html).not.toMatch(/\b(src|href)=|url\(|@import|https?:\/\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
