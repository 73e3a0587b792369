import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic";
import { isParseFailure, parseSource, SourceFile } from "../load/source-file";
import type { AccessPlan, ImportEntry, WorkspacePlan } from "../plan";

export const IMPORTS_FOLDER = "imports";
const KINDS: readonly ImportEntry["kind"][] = [
  "permissionSet",
  "managedPolicyAttachment",
  "customerManagedPolicyAttachment",
  "inlinePolicy",
  "permissionsBoundary",
  "assignment",
  "serviceControlPolicy",
  "policyAttachment",
  "githubRole",
  "githubRolePolicyAttachment",
  "githubRoleInlinePolicy",
];

/** The imports file of a workspace: `<definitions folder>/imports/<workspace>.json`. */
export function importsFile(dir: string, workspace: string): string {
  return join(dir, IMPORTS_FOLDER, `${workspace}.json`);
}

/**
 * Reads each workspace's imports file, when there is one (written by `keyless import`), checks that
 * every entry points at an object the workspace declares, and puts the entries in the plan.
 */
export function attachImports(plan: AccessPlan, options: { readonly dir: string; readonly cwd?: string }): { plan: AccessPlan; diagnostics: Diagnostic[] } {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolve(cwd, options.dir);
  const diagnostics: Diagnostic[] = [];
  const workspaces = plan.workspaces.map((ws): WorkspacePlan => {
    const abs = importsFile(dir, ws.name);
    if (!existsSync(abs)) return ws;
    const file = relative(cwd, abs).split(sep).join("/");
    let source: SourceFile | undefined;
    const error = (code: "KL701" | "KL702", path: (string | number)[], message: string, fix: string, line?: number) =>
      diagnostics.push(diagnostic(source ? { code, source, path, message, fix } : { code, file, path, message, fix, line }));
    let text: string;
    try {
      text = readFileSync(abs, "utf8");
    } catch (e) {
      error("KL701", [], `cannot read the imports file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, "run keyless import again");
      return ws;
    }
    const parsed = parseSource(file, text);
    if (isParseFailure(parsed)) {
      error("KL701", [], `the imports file is not valid JSON: ${parsed.message}`, "run keyless import again, or fix the JSON syntax", parsed.line ?? 1);
      return ws;
    }
    source = parsed;
    const data = parsed.data;
    const list = (data as { imports?: unknown })?.imports;
    if (!Array.isArray(list)) {
      error("KL701", ["imports"], `found ${typeof list}, expected an array of { kind, key, id }`, "run keyless import again");
      return ws;
    }
    const ic = ws.identityCenter;
    const sets = new Map(ic.permissionSets.map((p) => [p.key, p]));
    const assignments = new Set(ic.assignments.map((a) => a.key));
    const scps = new Map(ws.guardrails.policies.map((p) => [p.key, p]));
    const roles = new Map(ws.githubOidc.roles.map((r) => [r.key, r]));
    const imports: ImportEntry[] = [];
    list.forEach((raw, i) => {
      const e = raw as Partial<ImportEntry>;
      if (
        typeof e?.kind !== "string" ||
        !KINDS.includes(e.kind) ||
        typeof e.key !== "string" ||
        typeof e.id !== "string" ||
        (e.policy !== undefined && typeof e.policy !== "string")
      ) {
        error("KL701", ["imports", i], `found ${JSON.stringify(raw)}, expected { kind: ${KINDS.join("|")}, key, id } (strings)`, "run keyless import again, or fix this entry");
        return;
      }
      const ps = sets.get(e.key);
      const role = roles.get(e.key);
      const declared =
        e.kind === "githubRole"
          ? !!role
          : e.kind === "githubRolePolicyAttachment"
            ? !!role?.managedPolicyArns.includes(e.policy ?? "")
            : e.kind === "githubRoleInlinePolicy"
              ? !!role?.inlinePolicies.some((p) => p.name === e.policy)
              : e.kind === "serviceControlPolicy"
                ? scps.has(e.key)
                : e.kind === "policyAttachment"
                  ? !!scps.get(e.key)?.targets.some((t) => t.key === e.policy)
                  : e.kind === "assignment"
                    ? assignments.has(e.key)
                    : e.kind === "permissionSet"
                      ? !!ps
                      : e.kind === "managedPolicyAttachment"
                        ? !!ps?.managedPolicyArns.includes(e.policy ?? "")
                        : e.kind === "customerManagedPolicyAttachment"
                          ? !!ps?.customerManagedPolicies.some((c) => `${c.path}${c.name}` === e.policy)
                          : e.kind === "inlinePolicy"
                            ? !!ps?.inlinePolicy
                            : !!ps?.permissionsBoundary;
      if (!declared) {
        error(
          "KL702",
          ["imports", i],
          `${e.kind} "${e.key}"${e.policy ? ` (${e.policy})` : ""} is imported but workspace ${ws.name} does not declare it`,
          "declare it again in the workspace, or delete this entry",
        );
        return;
      }
      imports.push(e as ImportEntry);
    });
    return imports.length ? { ...ws, imports } : ws;
  });
  return { plan: { ...plan, workspaces }, diagnostics };
}
