import { ruleMaker, type RuleInfo } from "../rule-info";

const load = ruleMaker("load");
const schema = ruleMaker("schema");

/** KL0xx: reading the definitions folder. Reported by src/load/load.ts. */
export const LOAD_RULES = {
  KL001: load({
    severity: "error",
    summary: "definition file cannot be read",
    explanation:
      "The definitions folder or one of its files could not be read (missing, unreadable, a folder where a file was expected). keyless reports it and writes nothing rather than compile an incomplete organization.",
    fix: "Check the path given with --dir and the file's permissions.",
  }),
  KL002: load({
    severity: "error",
    summary: "definition file is not valid YAML or JSON",
    explanation: "The file does not parse, so none of its values can be checked. The finding gives the parser's line and column.",
    fix: "Fix the syntax at the line shown (indentation, quotes, a missing comma or bracket).",
  }),
  KL003: load({
    severity: "error",
    summary: "no workspace definitions found",
    explanation:
      "Every .yaml, .yml or .json file directly in the definitions folder is one workspace. A folder without any would synthesize nothing, which is almost always a wrong path.",
    fix: "Pass the folder that holds the workspace files (default: environments/).",
  }),
  KL004: load({
    severity: "error",
    summary: "workspaces name different organization inventories",
    explanation:
      "References cross workspaces (a permission set declared in one is assigned in another) and OU targets expand from the inventory, so all workspaces must agree on one organization.",
    fix: "Point every workspace's organization: at the same inventory file.",
  }),
  KL005: load({
    severity: "error",
    summary: "workspace file name cannot be a workspace name",
    explanation:
      "The file name is the workspace name, the Terraform stack id and the state key. It must be a safe identifier, and two files (prod.yaml and prod.json) cannot define the same workspace.",
    fix: "Rename the file (letters, digits, '-' and '_'), and keep one file per workspace.",
  }),
  KL006: {
    severity: "error",
    category: "load",
    summary: "definition path is outside the definitions folder or not a regular file",
    explanation:
      "A workspace file, a symlink's target or the organization: path points outside the definitions folder, or at a directory, named pipe (which would block the read forever), device (/dev/zero never ends) or socket. keyless refuses it before reading, and never quotes its content.",
    fix: "Keep every workspace file and the inventory as regular files inside the definitions folder.",
    acknowledgeable: false,
  },
  KL007: {
    severity: "error",
    category: "load",
    summary: "definition file too large",
    explanation:
      "A definition file over 4 MiB is refused before it is read: real definitions are a few hundred kilobytes, and parsing an arbitrarily large file would exhaust memory.",
    fix: "Split the definitions across workspaces, or check the path.",
    acknowledgeable: false,
  },
  KL008: {
    severity: "error",
    category: "load",
    summary: "definition file is not UTF-8",
    explanation:
      "Bytes that are not UTF-8 would be silently replaced by U+FFFD, so a name or an ARN could differ from what the file seems to say. The finding gives the line and column of the first bad byte.",
    fix: "Save the file as UTF-8.",
    acknowledgeable: false,
  },
  KL009: {
    severity: "error",
    category: "load",
    summary: "reserved key in a definition file",
    explanation:
      "__proto__, constructor and prototype are special in JavaScript objects: a __proto__ key sets the prototype instead of a value, so a Condition under it would silently vanish and an Allow become unconditional. No keyless definition uses these keys.",
    fix: "Rename or remove the key.",
    acknowledgeable: false,
  },
  KL010: {
    severity: "error",
    category: "load",
    summary: "YAML aliases expand too far",
    explanation:
      'A document whose aliases (*name) expand more than 100 times is an alias bomb ("billion laughs"): a few lines that would take gigabytes once expanded. keyless stops before expanding it.',
    fix: "Write the values out, or use fewer aliases.",
    acknowledgeable: false,
  },
} as const satisfies Record<string, RuleInfo>;

/** KL1xx: JSON Schema validation (ajv, draft 2020-12, schemas/). Reported by src/validate/validate.ts. */
export const SCHEMA_RULES = {
  KL101: schema({
    severity: "error",
    summary: "value has the wrong type",
    explanation: "The schemas in schemas/ are the contract for every definition file; a value of the wrong type (a string where a list is expected) cannot be compiled.",
    fix: "Write the value with the type the message names; editors check it through the file's $schema.",
  }),
  KL102: schema({
    severity: "error",
    summary: "required property is missing",
    explanation: "Some properties have no sensible default (a workspace's aws.region, an assignment's targets), so the schema requires them.",
    fix: "Add the property the message names.",
  }),
  KL103: schema({
    severity: "error",
    summary: "unknown property",
    explanation:
      "Every object in the schemas is closed: an unknown property is usually a typo (permisionSets) that would otherwise be silently ignored, leaving access different from what the author meant.",
    fix: "Fix the spelling (the message suggests the closest known property) or remove it.",
  }),
  KL104: schema({
    severity: "error",
    summary: "value is not one of the allowed values",
    explanation: "The property takes a fixed set of values (a group's source: external or managed).",
    fix: "Use one of the values the message lists.",
  }),
  KL105: schema({
    severity: "error",
    summary: "value does not match the expected format",
    explanation:
      "Names, ids and durations follow AWS formats (12-digit account ids, permission set names of [\\w+=,.@-], ISO-8601 sessions); a malformed value would only fail at apply time.",
    fix: "Write the value in the format the message shows.",
  }),
  KL106: schema({
    severity: "error",
    summary: "value is too long, too short, too large or too small",
    explanation: "AWS limits lengths and ranges (a permission set name is 1 to 32 characters, a description at most 700); keyless checks them before Terraform runs.",
    fix: "Shorten or adjust the value to the range the message gives.",
  }),
  KL107: schema({
    severity: "error",
    summary: "value breaks a schema constraint",
    explanation: "A constraint across properties failed: exactly one of two properties, a policy statement with both Action and NotAction, a list with duplicates.",
    fix: "Follow the constraint in the message; for policy grammar see the IAM policy reference.",
  }),
} as const satisfies Record<string, RuleInfo>;
