import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { diagnostic, Diagnostic } from "../diagnostics/diagnostic";
import { closest } from "../diagnostics/suggest";
import { isParseFailure, parseSource, SourceFile } from "./source-file";

export const DEFINITION_EXTENSIONS = [".yaml", ".yml", ".json"];

/** A workspace's name: its file name without the extension. */
export const WORKSPACE_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export interface LoadedDefinitions {
  readonly workspaces: readonly { readonly name: string; readonly source: SourceFile }[];
  readonly organization?: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadOptions {
  /** Directory holding one definition file per workspace. */
  readonly dir: string;
  /** Paths in diagnostics are relative to this. Default: the process's working directory. */
  readonly cwd?: string;
}

/**
 * Reads every workspace file directly in `dir` (YAML or JSON) and the organization inventory they
 * name. Never throws for a problem in the files: problems come back as diagnostics.
 */
export function loadDefinitions(options: LoadOptions): LoadedDefinitions {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolve(cwd, options.dir);
  const display = (abs: string) => relative(cwd, abs).split(sep).join("/") || ".";
  const diagnostics: Diagnostic[] = [];

  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (e) {
    return {
      workspaces: [],
      diagnostics: [fileError(display(dir), `cannot read the directory: ${reason(e)}`, "KL001", "pass the folder that holds your workspace files")],
    };
  }
  const files = entries.filter((f) => DEFINITION_EXTENSIONS.includes(extname(f)) && statSync(join(dir, f)).isFile());

  const workspaces: { name: string; source: SourceFile }[] = [];
  const inventories = new Map<string, string[]>();
  const seen = new Map<string, string>();
  for (const f of files) {
    const abs = join(dir, f);
    const name = basename(f, extname(f));
    const shown = display(abs);
    if (!WORKSPACE_NAME.test(name)) {
      diagnostics.push(
        fileError(shown, `"${name}" cannot name a workspace: it becomes a Terraform stack and state key`, "KL005",
          "rename the file to lower-case letters, digits, '-' and '_' (at most 63), starting with a letter or digit"),
      );
      continue;
    }
    if (seen.has(name)) {
      diagnostics.push(fileError(shown, `workspace "${name}" is also defined by ${seen.get(name)}`, "KL005", "keep one file per workspace"));
      continue;
    }
    seen.set(name, shown);
    const source = readSource(abs, shown, diagnostics);
    if (!source) continue;
    workspaces.push({ name, source });
    const org = (source.data as { organization?: unknown } | null)?.organization;
    if (typeof org === "string") {
      const orgAbs = resolve(dirname(abs), org);
      if (!existsSync(orgAbs)) {
        // Said where it is written, not only as a file that cannot be read (or as workspaces that disagree).
        const pos = source.locate(["organization"]);
        const near = closest(basename(org), siblings(dirname(orgAbs)));
        diagnostics.push({
          code: "KL001",
          severity: "error",
          file: shown,
          path: ["organization"],
          line: pos?.line,
          column: pos?.column,
          message: `organization "${org}" names ${display(orgAbs)}, which does not exist`,
          fix: near ? `did you mean "${org.slice(0, org.length - basename(org).length)}${near}"?` : "point organization at the inventory file, relative to this workspace file",
        });
        continue;
      }
      inventories.set(orgAbs, [...(inventories.get(orgAbs) ?? []), shown]);
    }
  }

  if (files.length === 0) {
    diagnostics.push(
      fileError(display(dir), `no workspace files (${DEFINITION_EXTENSIONS.join(", ")}) found`, "KL003",
        "add one file per workspace, for example dev.yaml, that names the organization inventory"),
    );
  }

  let organization: SourceFile | undefined;
  if (inventories.size > 1) {
    const list = [...inventories.entries()].map(([p, ws]) => `${display(p)} (${ws.join(", ")})`).join("; ");
    diagnostics.push(
      fileError(display(dir), `workspaces name different organization inventories: ${list}`, "KL004",
        "point every workspace's organization at the same inventory file"),
    );
  } else if (inventories.size === 1) {
    const [orgAbs] = inventories.keys();
    organization = readSource(orgAbs, display(orgAbs), diagnostics);
  }
  return { workspaces, organization, diagnostics };
}

function readSource(abs: string, shown: string, diagnostics: Diagnostic[]): SourceFile | undefined {
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (e) {
    diagnostics.push(fileError(shown, `cannot read the file: ${reason(e)}`, "KL001", "check that the path exists and is readable"));
    return undefined;
  }
  const parsed = parseSource(shown, text);
  if (isParseFailure(parsed)) {
    diagnostics.push(
      diagnostic({
        code: "KL002",
        file: shown,
        line: parsed.line,
        column: parsed.column,
        message: `not valid ${extname(abs) === ".json" ? "JSON" : "YAML"}: ${parsed.message}`,
        fix: "correct the syntax at that line",
      }),
    );
    return undefined;
  }
  return parsed;
}

/** Definition files in a folder (none when it cannot be read). */
function siblings(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => DEFINITION_EXTENSIONS.includes(extname(f)));
  } catch {
    return [];
  }
}

function fileError(file: string, message: string, code: Diagnostic["code"], fix: string): Diagnostic {
  return diagnostic({ code, file, message, fix });
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "it does not exist";
  if (code === "EACCES") return "permission denied";
  if (code === "ENOTDIR") return "not a directory";
  if (code === "EISDIR") return "it is a directory, not a file";
  return code ?? String(e);
}
