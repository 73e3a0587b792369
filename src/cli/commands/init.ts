import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { packageRoot } from "../../paths";
import type { Command } from "../command";
import { CliIo, InputError, UsageError } from "../context";
import { inventoryCommand } from "./inventory";

/** Where the files `keyless init` writes come from, inside the package. */
export const INIT_TEMPLATE_DIR = "templates/init";

/** Environment variables that mean AWS credentials are at hand (the SDK's default chain). */
const CREDENTIAL_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];

const INVENTORY = "environments/shared/organization.yaml";

/** npm leaves `.gitignore` files out of packages: the template's is `gitignore`. */
const RENAMED: Readonly<Record<string, string>> = { gitignore: ".gitignore" };

/** Every file of the template, as paths relative to it, sorted. */
function templateFiles(root: string, dir = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) out.push(...templateFiles(root, rel));
    else out.push(rel);
  }
  return out;
}

export const initCommand: Command = {
  name: "init",
  summary: "start a definitions repository in [folder]: inventory, an org-wide workspace, workflows",
  details: [
    "Usage: keyless init [folder]  (default: the current folder)",
    "Writes environments/shared/organization.yaml (pulled from AWS Organizations with keyless inventory pull when AWS credentials are at hand; else a template with placeholder ids to replace), environments/org.yaml (the deny-IAM-users guardrail and a ReadOnly permission set), .gitignore, README.md and the plan/apply workflows in .github/workflows/.",
    "$schema references point at node_modules/keyless/schemas/, so editors complete and check the files once keyless is installed in the folder. `keyless synth` works right after.",
    "Nothing is overwritten: if any of these files exists, nothing is written (exit 1).",
  ],
  options: {},
  acceptsFolder: true,
  run(io, _values, positionals) {
    if (positionals.length > 1) throw new UsageError(`init takes one folder, not ${positionals.length}`);
    const target = resolve(io.cwd, positionals[0] ?? ".");
    if (existsSync(target) && !statSync(target).isDirectory()) throw new InputError(`${positionals[0]} is a file, not a folder`);
    const source = join(packageRoot(), INIT_TEMPLATE_DIR);
    const sources = templateFiles(source);
    const files = sources.map((f) => RENAMED[f] ?? f);
    const taken = files.filter((f) => existsSync(join(target, f)));
    if (taken.length) {
      throw new InputError(
        `nothing written: ${taken.map((f) => relative(io.cwd, join(target, f)) || f).join(", ")} already exist(s). Move them away or run keyless init in a new folder.`,
      );
    }
    sources.forEach((f, i) => {
      mkdirSync(dirname(join(target, files[i])), { recursive: true });
      writeFileSync(join(target, files[i]), readFileSync(join(source, f)));
    });
    const shown = positionals[0] ?? ".";
    io.stdout(`keyless: wrote ${files.length} files to ${shown}:\n${files.map((f) => `  ${f}`).join("\n")}`);
    const credentials = CREDENTIAL_VARIABLES.some((v) => io.env[v]);
    if (!credentials) {
      io.stdout(nextSteps(false));
      return 0;
    }
    return pullInventory(io, join(target, INVENTORY), join(source, INVENTORY)).then((pulled) => {
      io.stdout(nextSteps(pulled));
      return 0;
    });
  },
};

/**
 * With AWS credentials: the real inventory from AWS Organizations (`keyless inventory pull`) in place
 * of the template, its `$schema` pointed at the installed package. If the pull fails (no access, no
 * organization), the template stays and the reason is printed: init itself still succeeds.
 */
async function pullInventory(io: CliIo, file: string, template: string): Promise<boolean> {
  rmSync(file);
  const messages: string[] = [];
  const quiet: CliIo = { ...io, stdout: (t) => messages.push(t), stderr: (t) => messages.push(t) };
  let code: number;
  try {
    code = await inventoryCommand.run(quiet, { inventory: file }, ["pull"]);
  } catch (e) {
    messages.push((e as Error).message);
    code = 1;
  }
  if (code !== 0 || !existsSync(file)) {
    writeFileSync(file, readFileSync(template));
    io.stdout(
      `keyless: AWS credentials found, but the inventory could not be pulled (${messages.join(" ").trim()}); ${INVENTORY} is the template: run keyless inventory pull once you can.`,
    );
    return false;
  }
  const schema = "../../node_modules/keyless/schemas/organization.schema.json";
  const text = readFileSync(file, "utf8").replaceAll("../../schemas/organization.schema.json", schema);
  writeFileSync(file, text.includes("yaml-language-server:") ? text : `# yaml-language-server: $schema=${schema}\n${text}`);
  io.stdout(
    `keyless: ${INVENTORY} pulled from AWS Organizations (${messages
      .join(" ")
      .replace(/^keyless: wrote [^(]*/, "")
      .trim()})`,
  );
  return true;
}

function nextSteps(pulled: boolean): string {
  return [
    "",
    "Next:",
    "  npm install --save-dev keyless   (if it isn't installed in this folder yet; see keyless's README)",
    pulled
      ? "  review environments/shared/organization.yaml (pulled from AWS Organizations; keyless inventory check shows drift later)"
      : "  edit environments/shared/organization.yaml (placeholder ids; `keyless inventory pull` fills it in with AWS credentials)",
    "  keyless synth                    (Terraform in cdktf.out/stacks/org/)",
  ].join("\n");
}
