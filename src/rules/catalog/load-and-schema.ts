import type { RuleInfo } from "../rule-info";

/** KL0xx: reading the definitions folder. Reported by src/load/load.ts. */
export const LOAD_RULES = {
  KL001: {
    severity: "error",
    category: "load",
    summary: "definition file cannot be read",
    explanation: "The definitions folder or one of its files could not be read (missing, unreadable, a folder where a file was expected). keyless reports it and writes nothing rather than compile an incomplete organization.",
    fix: "Check the path given with --dir and the file's permissions.",
    acknowledgeable: false,
  },
  KL002: {
    severity: "error",
    category: "load",
    summary: "definition file is not valid YAML or JSON",
    explanation: "The file does not parse, so none of its values can be checked. The finding gives the parser's line and column.",
    fix: "Fix the syntax at the line shown (indentation, quotes, a missing comma or bracket).",
    acknowledgeable: false,
  },
  KL003: {
    severity: "error",
    category: "load",
    summary: "no workspace definitions found",
    explanation: "Every .yaml, .yml or .json file directly in the definitions folder is one workspace. A folder without any would synthesize nothing, which is almost always a wrong path.",
    fix: "Pass the folder that holds the workspace files (default: environments/).",
    acknowledgeable: false,
  },
  KL004: {
    severity: "error",
    category: "load",
    summary: "workspaces name different organization inventories",
    explanation: "References cross workspaces (a permission set declared in one is assigned in another) and OU targets expand from the inventory, so all workspaces must agree on one organization.",
    fix: "Point every workspace's organization: at the same inventory file.",
    acknowledgeable: false,
  },
  KL005: {
    severity: "error",
    category: "load",
    summary: "workspace file name cannot be a workspace name",
    explanation: "The file name is the workspace name, the Terraform stack id and the state key. It must be a safe identifier, and two files (prod.yaml and prod.json) cannot define the same workspace.",
    fix: "Rename the file (letters, digits, '-' and '_'), and keep one file per workspace.",
    acknowledgeable: false,
  },
  KL006: {
    severity: "error",
    category: "load",
    summary: "definition path is outside the definitions folder or not a regular file",
    explanation: "A workspace file, a symlink's target or the organization: path points outside the definitions folder, or at a directory, named pipe (which would block the read forever), device (/dev/zero never ends) or socket. keyless refuses it before reading, and never quotes its content.",
    fix: "Keep every workspace file and the inventory as regular files inside the definitions folder.",
    acknowledgeable: false,
  },
  KL007: {
    severity: "error",
    category: "load",
    summary: "definition file too large",
    explanation: "A definition file over 4 MiB is refused before it is read: real definitions are a few hundred kilobytes, and parsing an arbitrarily large file would exhaust memory.",
    fix: "Split the definitions across workspaces, or check the path.",
    acknowledgeable: false,
  },
  KL008: {
    severity: "error",
    category: "load",
    summary: "definition file is not UTF-8",
    explanation: "Bytes that are not UTF-8 would be silently replaced by U+FFFD, so a name or an ARN could differ from what the file seems to say. The finding gives the line and column of the first bad byte.",
    fix: "Save the file as UTF-8.",
    acknowledgeable: false,
  },
  KL009: {
    severity: "error",
    category: "load",
    summary: "reserved key in a definition file",
    explanation: "__proto__, constructor and prototype are special in JavaScript objects: a __proto__ key sets the prototype instead of a value, so a Condition under it would silently vanish and an Allow become unconditional. No keyless definition uses these keys.",
    fix: "Rename or remove the key.",
    acknowledgeable: false,
  },
  KL010: {
    severity: "error",
    category: "load",
    summary: "YAML aliases expand too far",
    explanation: "A document whose aliases (*name) expand more than 100 times is an alias bomb (\"billion laughs\"): a few lines that would take gigabytes once expanded. keyless stops before expanding it.",
    fix: "Write the values out, or use fewer aliases.",
    acknowledgeable: false,
  },
} as const satisfies Record<string, RuleInfo>;

const schema = (summary: string, explanation: string, fix: string): RuleInfo => ({ severity: "error", category: "schema", summary, explanation, fix, acknowledgeable: false });

/** KL1xx: JSON Schema validation (ajv, draft 2020-12, schemas/). Reported by src/validate/validate.ts. */
export const SCHEMA_RULES = {
  KL101: schema("value has the wrong type", "The schemas in schemas/ are the contract for every definition file; a value of the wrong type (a string where a list is expected) cannot be compiled.", "Write the value with the type the message names; editors check it through the file's $schema."),
  KL102: schema("required property is missing", "Some properties have no sensible default (a workspace's aws.region, an assignment's targets), so the schema requires them.", "Add the property the message names."),
  KL103: schema("unknown property", "Every object in the schemas is closed: an unknown property is usually a typo (permisionSets) that would otherwise be silently ignored, leaving access different from what the author meant.", "Fix the spelling (the message suggests the closest known property) or remove it."),
  KL104: schema("value is not one of the allowed values", "The property takes a fixed set of values (a group's source: external or managed).", "Use one of the values the message lists."),
  KL105: schema("value does not match the expected format", "Names, ids and durations follow AWS formats (12-digit account ids, permission set names of [\\w+=,.@-], ISO-8601 sessions); a malformed value would only fail at apply time.", "Write the value in the format the message shows."),
  KL106: schema("value is too long, too short, too large or too small", "AWS limits lengths and ranges (a permission set name is 1 to 32 characters, a description at most 700); keyless checks them before Terraform runs.", "Shorten or adjust the value to the range the message gives."),
  KL107: schema("value breaks a schema constraint", "A constraint across properties failed: exactly one of two properties, a policy statement with both Action and NotAction, a list with duplicates.", "Follow the constraint in the message; for policy grammar see the IAM policy reference."),
} as const satisfies Record<string, RuleInfo>;
