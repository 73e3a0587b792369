import { baseDefinitions } from "./base";

/** Text a user could type that would break out of Markdown, HTML or a spreadsheet if quoted raw. */
export const HOSTILE_GROUP = "@octocat `x` | </script><img src=x onerror=alert(1)>\nsecond line";
export const FORMULA_GROUP = '=HYPERLINK("http://example.invalid","click")';
export const HOSTILE_DESCRIPTION = "Team `ops` | **bold** [link](http://example.invalid) <img src=x onerror=alert(2)> @everyone\n# heading";
export const HOSTILE_REGION = "</script><script>alert(3)</script>";

/** The corpus organization with hostile names, a hostile description and a hostile condition value. */
export function hostileDefinitions(): Record<string, any> {
  const d = baseDefinitions();
  const org = d["org.yaml"];
  org.description = HOSTILE_DESCRIPTION;
  org.identityCenter.groups[HOSTILE_GROUP] = { source: "external" };
  org.identityCenter.groups[FORMULA_GROUP] = { source: "external" };
  org.identityCenter.assignments.push({ groups: [HOSTILE_GROUP, FORMULA_GROUP], permissionSets: ["ProdOperator"], targets: { accounts: ["app-dev"] } });
  org.guardrails.policies["deny-regions"].document.Statement[0].Condition.StringNotEquals["aws:RequestedRegion"].push(HOSTILE_REGION);
  return d;
}
