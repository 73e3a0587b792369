import { base, inv, ORG, org } from "./base";
import { CorpusCase } from "./case";

const PS = "identityCenter.permissionSets";
const REASON = "Approved by the security team in SEC-412 until the migration ends";

/** The base with an Admin permission set (AdministratorAccess, PT1H) granted to Developers in app-prod. */
const withAdmin = (...changes: [string | (string | number)[], unknown][]) =>
  org(
    [`${PS}.Admin`, { managedPolicies: ["AdministratorAccess"], sessionDuration: "PT1H" }],
    ["identityCenter.assignments.2", { groups: ["Developers"], permissionSets: ["Admin"], targets: { accounts: ["app-prod"] } }],
    ...changes,
  );

/** KL6xx: rules over the compiled plan, and acknowledgements. */
export const rulesCases: CorpusCase[] = [
  // KL601: admin in production outside the named groups
  {
    name: "AdministratorAccess for developers in a production workspace",
    files: { [ORG]: withAdmin(["rules", { production: true }]) },
    code: "KL601",
    path: "$.identityCenter.assignments[2].groups[0]",
  },
  {
    name: "AdministratorAccess in production for a group not in rules.adminGroups",
    files: { [ORG]: withAdmin(["rules", { production: true, adminGroups: ["BreakGlass"] }]) },
    code: "KL601",
  },
  {
    name: "hand-written admin inline policy in a workspace named prod",
    files: {
      [ORG]: base(),
      "prod.yaml": {
        ...org(),
        identityCenter: {
          permissionSets: { Operator: { inlinePolicy: { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } } },
          assignments: [{ groups: ["Developers"], permissionSets: ["Operator"], targets: { accounts: ["data-prod"] } }],
        },
        guardrails: undefined,
        githubOidc: undefined,
      },
    },
    code: "KL601",
    file: "prod.yaml",
  },

  // KL602 (warning): long admin sessions
  {
    name: "administrator permission set with an eight-hour session",
    files: { [ORG]: withAdmin([`${PS}.Admin.sessionDuration`, "PT8H"]) },
    code: "KL602",
    path: "$.identityCenter.permissionSets.Admin.sessionDuration",
  },
  {
    name: "administrator permission set inheriting a long default session",
    files: { [ORG]: withAdmin([`${PS}.Admin.sessionDuration`, undefined], ["identityCenter.defaults.sessionDuration", "PT4H"]) },
    code: "KL602",
  },

  // KL603 (warning): permission set never assigned
  {
    name: "permission set declared but never assigned",
    files: { [ORG]: org([`${PS}.Billing`, { managedPolicies: ["job-function/Billing"] }]) },
    code: "KL603",
    path: "$.identityCenter.permissionSets.Billing",
  },

  // KL604 (warning): group never assigned
  {
    name: "group declared but never assigned",
    files: { [ORG]: org(["identityCenter.groups.Finance", { source: "external" }]) },
    code: "KL604",
    path: "$.identityCenter.groups.Finance",
  },

  // KL605 (warning): inline policy allows every action
  {
    name: "inline policy allowing every action on some buckets",
    files: { [ORG]: org([`${PS}.Developer.inlinePolicy.Statement.1`, { Sid: "AllOnAppBuckets", Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::acme-app-*" }]) },
    code: "KL605",
    path: "$.identityCenter.permissionSets.Developer.inlinePolicy.Statement[1]",
  },

  // KL606 (warning): customer-managed policy not declared present
  {
    name: "customer-managed policy the inventory does not list",
    files: {
      [ORG]: org([`${PS}.Developer.customerManagedPolicies`, [{ name: "dev-extra", path: "/acme/" }]]),
      "shared/organization.yaml": inv("customerManagedPolicies", { "/acme/baseline": { organization: true } }),
    },
    code: "KL606",
    path: "$.identityCenter.permissionSets.Developer.customerManagedPolicies",
  },

  // KL690 (warning): acknowledgement matching nothing
  {
    name: "acknowledgement left after the permission set was assigned",
    files: { [ORG]: org(["acknowledgements", [{ rule: "KL603", subject: "permission-set:ReadOnly", reason: REASON }]]) },
    code: "KL690",
    path: "$.acknowledgements[0].subject",
  },

  // KL691: acknowledgement without a real reason
  {
    name: "acknowledgement with reason todo",
    files: { [ORG]: org([`${PS}.Billing`, {}], ["acknowledgements", [{ rule: "KL603", subject: "permission-set:Billing", reason: "todo" }]]) },
    code: "KL691",
    path: "$.acknowledgements[0].reason",
  },
  {
    name: "acknowledgement with a placeholder reason",
    files: { [ORG]: org([`${PS}.Billing`, {}], ["acknowledgements", [{ rule: "KL603", subject: "permission-set:Billing", reason: "fix later, temporary" }]]) },
    code: "KL691",
  },

  // KL692: acknowledgement of a rule that cannot be acknowledged
  {
    name: "acknowledging an unknown account",
    files: { [ORG]: org(["acknowledgements", [{ rule: "KL201", subject: "workspace:org", reason: REASON }]]) },
    code: "KL692",
    path: "$.acknowledgements[0].rule",
  },
  {
    name: "acknowledging a GitHub trust rule outside the role",
    files: { [ORG]: org(["acknowledgements", [{ rule: "KL508", subject: "role:app-deploy", reason: REASON }]]) },
    code: "KL692",
  },
  {
    name: "acknowledging a rule id that does not exist",
    files: { [ORG]: org(["acknowledgements", [{ rule: "KL999", subject: "workspace:org", reason: REASON }]]) },
    code: "KL692",
    path: "$.acknowledgements[0].rule",
  },
];
