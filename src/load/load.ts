import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
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
  const realDir = realpathOr(dir);
  const files = entries.filter((f) => DEFINITION_EXTENSIONS.includes(extname(f)));

  const workspaces: { name: string; source: SourceFile }[] = [];
  const inventories = new Map<string, string[]>();
  const seen = new Map<string, string>();
  for (const f of files) {
    const abs = join(dir, f);
    const name = basename(f, extname(f));
    const shown = display(abs);
    if (!WORKSPACE_NAME.test(name)) {
      diagnostics.push(
        fileError(
          shown,
          `"${name}" cannot name a workspace: it becomes a Terraform stack and state key`,
          "KL005",
          "rename the file to lower-case letters, digits, '-' and '_' (at most 63), starting with a letter or digit",
        ),
      );
      continue;
    }
    if (seen.has(name)) {
      diagnostics.push(fileError(shown, `workspace "${name}" is also defined by ${seen.get(name)}`, "KL005", "keep one file per workspace"));
      continue;
    }
    seen.set(name, shown);
    const source = readSource(abs, shown, diagnostics, realDir);
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
      fileError(
        display(dir),
        `no workspace files (${DEFINITION_EXTENSIONS.join(", ")}) found`,
        "KL003",
        "add one file per workspace, for example dev.yaml, that names the organization inventory",
      ),
    );
  }

  let organization: SourceFile | undefined;
  if (inventories.size > 1) {
    const list = [...inventories.entries()].map(([p, ws]) => `${display(p)} (${ws.join(", ")})`).join("; ");
    diagnostics.push(
      fileError(display(dir), `workspaces name different organization inventories: ${list}`, "KL004", "point every workspace's organization at the same inventory file"),
    );
  } else if (inventories.size === 1) {
    const [orgAbs] = inventories.keys();
    organization = readSource(orgAbs, display(orgAbs), diagnostics, realDir);
  }
  return { workspaces, organization, diagnostics };
}

/** The largest definition file keyless reads; real ones are a few hundred kilobytes at most. */
export const MAX_DEFINITION_BYTES = 4 * 1024 * 1024;

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Reads one definition file, refusing what is not a definition before opening it: a path (or a
 * symlink's target) outside the definitions folder, anything but a regular file (a FIFO would block
 * the read forever, /dev/zero never ends), a file over MAX_DEFINITION_BYTES, bytes that are not UTF-8.
 * The refusal never quotes the file's content.
 */
function readSource(abs: string, shown: string, diagnostics: Diagnostic[], realDir: string): SourceFile | undefined {
  const refuse = (code: Diagnostic["code"], message: string, fix: string) => {
    diagnostics.push(fileError(shown, message, code, fix));
    return undefined;
  };
  let real: string;
  let stat;
  try {
    real = realpathSync(abs);
    stat = statSync(real);
  } catch (e) {
    return refuse("KL001", `cannot read the file: ${reason(e)}`, "check that the path exists and is readable");
  }
  const inside = real === realDir || real.startsWith(realDir.endsWith(sep) ? realDir : realDir + sep);
  if (!inside) {
    const how = real === abs ? "is" : "is a symlink to a file";
    return refuse(
      "KL006",
      `${how} outside the definitions folder`,
      "keep every workspace file and the organization inventory inside the definitions folder (copy the file in instead of linking or pointing outside)",
    );
  }
  if (stat.isDirectory()) return refuse("KL001", "cannot read the file: it is a directory, not a file", "check that the path names a file, not the folder holding it");
  if (!stat.isFile()) {
    const kind = stat.isFIFO() ? "a named pipe (FIFO)" : stat.isCharacterDevice() || stat.isBlockDevice() ? "a device" : stat.isSocket() ? "a socket" : "not a regular file";
    return refuse("KL006", `is ${kind}, not a regular file`, "point at a regular YAML or JSON file, or remove it from the definitions folder");
  }
  if (stat.size > MAX_DEFINITION_BYTES) {
    return refuse(
      "KL007",
      `is ${stat.size} bytes, over the limit of ${MAX_DEFINITION_BYTES} bytes for a definition file`,
      "split the definitions across workspaces, or check that this is the file you meant",
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(real);
  } catch (e) {
    return refuse("KL001", `cannot read the file: ${reason(e)}`, "check that the path exists and is readable");
  }
  if (bytes.length > MAX_DEFINITION_BYTES)
    return refuse("KL007", `is over the limit of ${MAX_DEFINITION_BYTES} bytes for a definition file`, "split the definitions across workspaces");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = at - (before.lastIndexOf(0x0a) + 1) + 1;
    diagnostics.push({
      code: "KL008",
      severity: "error",
      file: shown,
      path: [],
      line,
      column,
      message: `is not UTF-8: byte ${at} (0x${bytes[at].toString(16).padStart(2, "0")}) starts no valid character`,
      fix: 'save the file as UTF-8 (editors call it "UTF-8", without a BOM or with one)',
    });
    return undefined;
  }
  const parsed = parseSource(shown, text);
  if (isParseFailure(parsed)) {
    diagnostics.push(
      diagnostic({
        code: parsed.code ?? "KL002",
        file: shown,
        line: parsed.line,
        column: parsed.column,
        message: parsed.code ? parsed.message : `not valid ${extname(abs) === ".json" ? "JSON" : "YAML"}: ${parsed.message}`,
        fix: parsed.fix ?? "correct the syntax at that line",
      }),
    );
    return undefined;
  }
  return parsed;
}

/** The offset of the first byte that does not continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
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
