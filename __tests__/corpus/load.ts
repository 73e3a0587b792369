import { base, edit, ORG, other, yaml } from "./base";
import { CorpusCase } from "./case";
import { inventory } from "../support/fixtures";

const json = (data: unknown) => JSON.stringify(data, null, 2);

/** KL0xx: files that cannot be read or parsed, missing or conflicting workspaces and inventories. */
export const loadCases: CorpusCase[] = [
  // KL001: cannot read
  {
    name: "organization path with a typo",
    files: { [ORG]: { ...base(), organization: "./shared/organisation.yaml" } },
    code: "KL001",
    file: ORG,
    path: "$.organization",
  },
  {
    name: "organization path relative to the repository root instead of the workspace file",
    files: { [ORG]: { ...base(), organization: "./environments/shared/organization.yaml" } },
    code: "KL001",
    file: ORG,
    path: "$.organization",
  },
  {
    name: "organization names the shared folder, not the file in it",
    files: { [ORG]: { ...base(), organization: "./shared" } },
    code: "KL001",
    file: "shared",
    says: "it is a directory, not a file",
  },
  {
    name: "definitions folder misspelled on the command line",
    files: { [ORG]: base() },
    dir: "environmnets",
    code: "KL001",
    file: "environmnets",
  },

  // KL006: outside the definitions folder, or not a regular file (FIFOs, devices and symlinks: load-hardening.test.ts)
  {
    name: "organization path that leaves the definitions folder",
    files: { "defs/org.yaml": { ...base(), organization: "../shared/organization.yaml" } },
    dir: "defs",
    code: "KL006",
    file: "shared/organization.yaml",
    says: "outside the definitions folder",
  },

  // KL007: too large
  {
    name: "workspace file of more than 4 MiB",
    files: { [ORG]: `${yaml(base())}\n# ${"x".repeat(4 * 1024 * 1024)}\n` },
    code: "KL007",
    file: ORG,
  },

  // KL008: not UTF-8
  {
    name: "workspace file saved as Latin-1",
    files: { [ORG]: Buffer.concat([Buffer.from(yaml(base())), Buffer.from("description: Caf"), Buffer.from([0xe9]), Buffer.from("\n")]) },
    code: "KL008",
    file: ORG,
    says: "0xe9",
  },

  // KL009: reserved keys
  {
    name: "__proto__ key holding a Condition",
    files: { [ORG]: edit(yaml(base()), "guardrails:\n", "guardrails:\n  __proto__:\n    Condition: { StringEquals: { aws:RequestedRegion: eu-west-1 } }\n") },
    code: "KL009",
    says: '"__proto__" is reserved',
  },
  {
    name: "constructor key in a map",
    files: { [ORG]: edit(yaml(base()), "guardrails:\n", "guardrails:\n  constructor: {}\n") },
    code: "KL009",
  },

  // KL010: alias bomb
  {
    name: "YAML alias bomb",
    files: {
      [ORG]: `${yaml(base())}x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nx-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nx-e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
    },
    code: "KL010",
  },

  // KL002: not YAML or JSON
  {
    name: "JSON workspace with a trailing comma",
    files: { "org.json": edit(json(base()), '"region": "eu-west-1"', '"region": "eu-west-1",') },
    code: "KL002",
    file: "org.json",
    line: 5,
  },
  {
    name: "JSON workspace with a // comment",
    files: { "org.json": edit(json(base()), "{\n", "{\n  // owned by the platform team\n") },
    code: "KL002",
    file: "org.json",
  },
  {
    name: "JSON workspace with a duplicate key",
    files: { "org.json": edit(json(base()), '"aws": {', '"aws": { "region": "us-east-1" },\n  "aws": {') },
    code: "KL002",
    file: "org.json",
  },
  {
    name: "JSON workspace with single-quoted strings",
    files: { "org.json": `{ 'organization': './shared/organization.yaml', 'aws': { 'region': 'eu-west-1' } }` },
    code: "KL002",
    file: "org.json",
  },
  {
    name: "YAML permission set declared twice (duplicate key)",
    files: { [ORG]: edit(yaml(base()), "    Developer:\n", "    ReadOnly:\n      managedPolicies: [ViewOnlyAccess]\n    Developer:\n") },
    code: "KL002",
  },
  {
    name: "YAML top-level section written twice (duplicate key)",
    files: { [ORG]: yaml(base()) + "aws:\n  region: us-east-1\n" },
    code: "KL002",
  },
  {
    name: "YAML indented with a tab",
    files: { [ORG]: edit(yaml(base()), "  region: eu-west-1", "\tregion: eu-west-1") },
    code: "KL002",
  },
  {
    name: "YAML flow list left open",
    files: { [ORG]: edit(yaml(base()), "      managedPolicies:\n        - ReadOnlyAccess\n", "      managedPolicies: [ReadOnlyAccess\n") },
    code: "KL002",
  },
  {
    name: "YAML description with an unquoted colon and space",
    files: { [ORG]: edit(yaml(base()), "description: Read everything", "description: Read: everything") },
    code: "KL002",
  },
  {
    name: "YAML string quote never closed",
    files: { [ORG]: edit(yaml(base()), "region: eu-west-1", 'region: "eu-west-1') },
    code: "KL002",
  },
  {
    name: "YAML with merge-conflict markers left in",
    files: { [ORG]: edit(yaml(base()), "guardrails:\n", "<<<<<<< HEAD\nguardrails:\n=======\n>>>>>>> feature\n") },
    code: "KL002",
  },
  {
    name: "YAML list item mis-indented under a mapping",
    files: { [ORG]: edit(yaml(base()), "        - ReadOnlyAccess\n", "        - ReadOnlyAccess\n       - SecurityAudit\n") },
    code: "KL002",
  },
  {
    name: "inventory with an account listed twice (duplicate key)",
    files: { [ORG]: base(), "shared/organization.yaml": edit(inventoryText(), "  audit:\n", '  app-dev:\n    id: "100000000099"\n  audit:\n') },
    code: "KL002",
    file: "shared/organization.yaml",
  },
  {
    name: "inventory with an unclosed flow mapping",
    files: { [ORG]: base(), "shared/organization.yaml": edit(inventoryText(), "root:\n", "root: { id: r-ab12\nunused:\n") },
    code: "KL002",
    file: "shared/organization.yaml",
  },

  // KL003: no workspace files
  {
    name: "definitions folder holds only the shared inventory",
    files: {},
    code: "KL003",
    file: ".",
  },
  {
    name: "workspace files with an upper-case extension",
    files: { "org.YAML": base() },
    code: "KL003",
  },
  {
    name: "workspace written as a Terraform variables file",
    files: { "org.tfvars": yaml(base()) },
    code: "KL003",
  },

  // KL004: different inventories
  {
    name: "two workspaces name different inventory files",
    files: { [ORG]: base(), "dev.yaml": { ...other({}), organization: "./shared/organization.yml" }, "shared/organization.yml": inventoryText() },
    code: "KL004",
    file: ".",
  },
  {
    name: "a workspace names a stale copy of the inventory",
    files: { [ORG]: base(), "prod.yaml": { ...other({}), organization: "./shared/old/organization.yaml" }, "shared/old/organization.yaml": inventoryText() },
    code: "KL004",
  },

  // KL005: file name cannot be a workspace name
  {
    name: "workspace file name in upper case",
    files: { [ORG]: base(), "Prod.yaml": other({}) },
    code: "KL005",
    file: "Prod.yaml",
  },
  {
    name: "workspace file name with a space",
    files: { [ORG]: base(), "prod eu.yaml": other({}) },
    code: "KL005",
    file: "prod eu.yaml",
  },
  {
    name: "backup copy of a workspace beside it",
    files: { [ORG]: base(), "org.backup.yaml": base() },
    code: "KL005",
    file: "org.backup.yaml",
  },
  {
    name: "one workspace written twice, as YAML and as JSON",
    files: { [ORG]: base(), "org.json": base() },
    code: "KL005",
    file: "org.yaml",
  },
  {
    name: "workspace file name starting with a dash",
    files: { [ORG]: base(), "-dev.yaml": other({}) },
    code: "KL005",
  },
];

function inventoryText(): string {
  return yaml(inventory());
}
