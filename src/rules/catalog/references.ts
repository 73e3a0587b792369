import { ruleMaker, type RuleInfo } from "../rule-info";

const ref = ruleMaker("reference");

/** KL2xx: names, references and ownership, resolved across every workspace. */
export const REFERENCE_RULES = {
  KL201: ref({
    severity: "error",
    summary: "unknown account",
    explanation: "Accounts are named from the organization inventory; targets expand from it at synth time, so an unknown name would grant nothing or fail at plan time.",
    fix: "Use an account name (or 12-digit id) from the inventory; the message suggests the closest one.",
  }),
  KL202: ref({
    severity: "error",
    summary: "unknown organizational unit",
    explanation: "OU paths (workloads/prod) are resolved against the inventory to expand targets and to attach SCPs by OU id.",
    fix: "Use an OU path the inventory declares; the message suggests the closest one.",
  }),
  KL203: ref({
    severity: "error",
    summary: "unknown permission set",
    explanation: "A permission set is declared by exactly one workspace and referred to by key from the others; Terraform looks it up by its AWS name at plan time.",
    fix: "Use the key of a declared permission set, or declare it under identityCenter.permissionSets.",
  }),
  KL204: ref({
    severity: "error",
    summary: "unknown group",
    explanation:
      "Groups come from your IdP (external, looked up by display name) or are created by one workspace (managed); an undeclared group would fail the data source lookup at plan time.",
    fix: "Declare the group under identityCenter.groups with source external or managed, or fix the name.",
  }),
  KL205: ref({
    severity: "error",
    summary: "object declared by more than one workspace",
    explanation:
      "One owner per AWS object: a permission set, managed group or user, SCP, GitHub OIDC provider or role created by two workspaces would be created twice and fight over the same object in two Terraform states. The message names both files.",
    fix: "Keep the declaration in one workspace and refer to it by name from the others.",
  }),
  KL206: ref({
    severity: "error",
    summary: "inventory is inconsistent",
    explanation: "Two OUs or accounts with one id, or a management account that is not among the accounts, make target expansion ambiguous.",
    fix: "Give every OU and account its own id and list the management account under accounts.",
  }),
  KL207: ref({
    severity: "error",
    summary: "assignment names no principal",
    explanation: "An assignment without groups or users grants nothing, so whatever it was meant to grant is silently missing.",
    fix: "Add groups: [...] (or users: [...]).",
  }),
  KL208: ref({
    severity: "warning",
    acknowledgeable: "acknowledgements",
    summary: "targets reach no account",
    explanation:
      "After OU expansion, exclusions and leaving out the management, suspended and closed accounts, the targets are empty: the assignment grants nothing, which is rarely what was meant.",
    fix: "Check the OU paths, tags and exclusions, or acknowledge it while accounts are being created.",
  }),
  KL209: ref({
    severity: "error",
    summary: "unknown user",
    explanation: "Users are external (looked up by user name) or managed by one workspace; an undeclared user would fail the lookup at plan time.",
    fix: "Declare the user under identityCenter.users, or fix the name.",
  }),
  KL210: ref({
    severity: "error",
    summary: "members on a group keyless does not manage",
    explanation: "The members of an external group come from your IdP through SCIM; keyless cannot set them.",
    fix: "Manage the membership in the IdP, or make the group source: managed.",
  }),
  KL211: ref({
    severity: "error",
    summary: "misspelt AWS managed policy",
    explanation:
      "The name is not an AWS managed policy but close to one (PowerUserAcess for PowerUserAccess): the attachment would fail at apply, or worse, a reviewer reads the intended policy. keyless checks names against AWS's list of managed policies, shipped as data (src/policy/data/aws-managed-policy-names.ts).",
    fix: "Write the name the message suggests.",
  }),
  KL212: ref({
    severity: "warning",
    summary: "AWS managed policy not in keyless's list",
    explanation:
      "The name is neither an AWS managed policy in keyless's list nor close to one. AWS adds managed policies over time, so it may be newer than the list; otherwise the attachment fails at apply.",
    fix: "Check the name in the IAM console; if AWS added it recently, acknowledge this finding (and update the list).",
    acknowledgeable: "acknowledgements",
  }),
} as const satisfies Record<string, RuleInfo>;
