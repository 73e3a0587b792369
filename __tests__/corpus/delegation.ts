import { ORG, org, other } from "./base";
import { CorpusCase } from "./case";

/** The base run from `audit`, an Identity Center delegated administrator. */
const delegated = (...changes: [string | (string | number)[], unknown][]) => org(["aws.account", "audit"], ...changes);

/** KL8xx: delegated administration, break-glass, permission-set variants. */
export const delegationCases: CorpusCase[] = [
  {
    name: "delegated administrator assigns into the management account",
    files: {
      [ORG]: delegated([
        "identityCenter.assignments.2",
        { groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { accounts: ["management"], includeManagementAccount: true } },
      ]),
    },
    code: "KL801",
    path: "$.identityCenter.assignments[2].groups[0]",
  },
  {
    name: "management workspace assigns a delegated administrator's permission set into the management account",
    files: {
      [ORG]: delegated(["guardrails", undefined], ["githubOidc", undefined]),
      "management.yaml": other({
        identityCenter: { assignments: [{ groups: ["Developers"], permissionSets: ["ReadOnly"], targets: { accounts: ["management"], includeManagementAccount: true } }] },
      }),
    },
    code: "KL802",
    file: ORG,
    path: "$.identityCenter.permissionSets.ReadOnly",
  },
  {
    name: "guardrails managed from a delegated administrator",
    files: { [ORG]: delegated(["githubOidc", undefined]) },
    code: "KL803",
    path: "$.guardrails.denyIamUsers",
  },
  {
    name: "GitHub Actions roles in member accounts through OrganizationAccountAccessRole from a delegated administrator",
    files: { [ORG]: delegated(["guardrails", undefined]) },
    code: "KL804",
    path: "$.aws",
  },
  {
    name: "managed group described as working when the IdP is down, beside external groups",
    files: { [ORG]: org(["identityCenter.groups.BreakGlass.description", "Emergency administrators, outside the IdP so they work when it is down"]) },
    code: "KL805",
    path: "$.identityCenter.groups.BreakGlass",
  },
  {
    name: "permission-set variant named like an existing permission set",
    files: { [ORG]: org(["identityCenter.permissionSets.Developer.variants", { ReadOnly: { sessionDuration: "PT1H" } }]) },
    code: "KL806",
    path: "$.identityCenter.permissionSets.Developer.variants.ReadOnly",
  },
];
