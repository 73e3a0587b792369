import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { GithubRoleAllow } from "../modules/generated/workspace";
import { CODES } from "../src/diagnostics/codes";
import { RULE_IDS, RULES } from "../src/rules/catalog";
import type { RuleInfo } from "../src/rules/rule-info";
import { rulesMarkdown } from "../src/rules/rules-markdown";

const ROOT = join(__dirname, "..");

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("the rule registry", () => {
  it("pins every rule id: a removed or renamed code fails here", () => {
    // prettier-ignore
    expect(RULE_IDS).toEqual([
      "KL001", "KL002", "KL003", "KL004", "KL005", "KL006", "KL007", "KL008", "KL009", "KL010",
      "KL101", "KL102", "KL103", "KL104", "KL105", "KL106", "KL107",
      "KL201", "KL202", "KL203", "KL204", "KL205", "KL206", "KL207", "KL208", "KL209", "KL210", "KL211", "KL212",
      "KL301", "KL302", "KL303", "KL304", "KL305", "KL306", "KL307", "KL308", "KL309", "KL310", "KL311", "KL312", "KL313", "KL314", "KL315", "KL316", "KL317",
      "KL401", "KL402", "KL403", "KL404", "KL405", "KL406", "KL407", "KL408", "KL409", "KL410", "KL411", "KL412", "KL413", "KL414",
      "KL501", "KL502", "KL503", "KL504", "KL505", "KL506", "KL507", "KL508", "KL509", "KL510", "KL511", "KL512", "KL513", "KL514", "KL515", "KL516", "KL517", "KL518", "KL519", "KL520",
      "KL601", "KL602", "KL603", "KL604", "KL605", "KL606",
      "KL690", "KL691", "KL692", "KL699",
      "KL701", "KL702",
      "KL801", "KL802", "KL803", "KL804", "KL805", "KL806",
      "KL901", "KL902", "KL903",
    ]);
  });

  it("is where the code table comes from", () => {
    expect(Object.keys(CODES).sort()).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) expect(CODES[id]).toBe(RULES[id].summary);
  });

  it.each(RULE_IDS.map((id) => [id, RULES[id] as RuleInfo] as const))("%s is complete: summary, explanation and fix", (id, r) => {
    expect(r.summary).toMatch(/^[A-Za-z].*[^.]$/);
    expect(r.summary.length).toBeLessThanOrEqual(100);
    expect(r.explanation.length).toBeGreaterThan(60);
    expect(r.explanation).toMatch(/\.$/);
    expect(r.fix).toMatch(/^[A-Z].*\.$/);
    expect(["error", "warning"]).toContain(r.severity);
    expect(r.category).toBe(
      {
        "0": "load",
        "1": "schema",
        "2": "reference",
        "3": "identity-center",
        "4": "guardrails",
        "5": "github-oidc",
        "6": id >= "KL690" && id !== "KL699" ? "acknowledgement" : "plan",
        "7": "adoption",
        "8": "plan",
        "9": "stack",
      }[id[2]],
    );
  });

  it("never lets schema, loading, reference or hard-limit errors be acknowledged", () => {
    const never = ["KL0", "KL1", "KL2"].flatMap((p) => RULE_IDS.filter((id) => id.startsWith(p) && RULES[id].severity === "error"));
    for (const id of [...never, "KL301", "KL302", "KL303", "KL401", "KL402", "KL504", "KL514", "KL690", "KL691", "KL692", "KL699"] as const) {
      expect([id, RULES[id as keyof typeof RULES].acknowledgeable]).toEqual([id, false]);
    }
  });

  it("names the allow key of every rule acknowledged on the GitHub Actions role, and only real keys", () => {
    const kinds: Record<keyof GithubRoleAllow, true> = {
      wildcardSubjects: true,
      anyRef: true,
      wildcardRepository: true,
      organizationWide: true,
      pullRequestWithWrite: true,
      administratorAccess: true,
      customSubject: true,
      managementAccount: true,
    };
    const viaAllow = RULE_IDS.filter((id) => RULES[id].acknowledgeable === "role-allow");
    expect(viaAllow).toEqual(["KL505", "KL506", "KL507", "KL508", "KL509", "KL510", "KL511", "KL517"]);
    const used = viaAllow.flatMap((id) => (RULES[id] as RuleInfo).allowKinds ?? []);
    expect([...new Set(used)].sort()).toEqual(Object.keys(kinds).sort());
  });

  it("has an entry for every code the sources report, and reports every code it does not mark reserved", () => {
    const text = [...sources(join(ROOT, "src")), join(ROOT, "modules", "synth.ts")]
      .filter((f) => !f.includes(`${join("src", "rules", "catalog")}`))
      .map((f) => {
        try {
          return readFileSync(f, "utf8");
        } catch {
          return "";
        }
      })
      .join("\n");
    const mentioned = new Set(text.match(/"KL\d{3}"/g)!.map((s) => s.slice(1, -1)));
    expect([...mentioned].filter((c) => !(c in RULES))).toEqual([]);
    // Schema codes come from a mapping of ajv keywords; every other code is written where it is reported.
    const silent = RULE_IDS.filter((id) => !mentioned.has(id) && !(RULES[id] as RuleInfo).reserved);
    expect(silent).toEqual([]);
  });
});

describe("RULES.md", () => {
  it("is what npm run gen:rules writes from the registry", () => {
    expect(readFileSync(join(ROOT, "RULES.md"), "utf8")).toBe(rulesMarkdown());
  });

  it("lists every rule with its severity, explanation, fix and whether it can be acknowledged", () => {
    const md = rulesMarkdown();
    for (const id of RULE_IDS) expect(md).toContain(`### ${id}\n`);
    expect(md).toContain("Acknowledgeable: yes, on the role with `allow.administratorAccess`.");
    expect(md).toContain("Acknowledgeable: yes, with an `acknowledgements:` entry.");
    expect(md).toMatch(/### KL502[\s\S]*Reserved: not reported by this version/);
  });
});
