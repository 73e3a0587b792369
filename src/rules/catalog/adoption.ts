import { ruleMaker, type RuleInfo } from "../rule-info";

const adoption = ruleMaker("adoption");

/** KL7xx: adopting what already exists in AWS (`keyless import`, `imports/<workspace>.json`). */
export const ADOPTION_RULES = {
  KL701: adoption({
    severity: "error",
    summary: "imports file is malformed",
    explanation:
      "`keyless import` writes imports/<workspace>.json beside the workspace files: the objects that already exist in AWS, with their import ids, from which synth emits Terraform import blocks. A file keyless cannot read would leave those objects to be created, which fails (ConflictException) and leaves a half-applied workspace.",
    fix: "Run keyless import again, or fix the entry shown: kind, key and id are strings, kind one of the documented ones.",
  }),
  KL702: adoption({
    severity: "error",
    summary: "import names an object the workspace does not declare",
    explanation:
      "An import block must point at a resource the workspace creates; an import for a permission set, attachment or assignment the definitions no longer declare would fail the plan.",
    fix: "Declare the object again, or delete the entry from the imports file (the object stays in AWS, unmanaged).",
  }),
} as const satisfies Record<string, RuleInfo>;
