import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { packageRoot } from "../../paths";
import type { Command } from "../command";
import { InputError, UsageError } from "../context";

/** Where the files `keyless init` writes come from, inside the package. */
export const INIT_TEMPLATE_DIR = "templates/init";

/** Environment variables that mean AWS credentials are at hand (the SDK's default chain). */
const CREDENTIAL_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];

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
    "Writes environments/shared/organization.yaml (a template with placeholder ids: replace it with `keyless inventory pull` or by hand), environments/org.yaml (the deny-IAM-users guardrail and a ReadOnly permission set), .gitignore, README.md and the plan/apply workflows in .github/workflows/.",
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
      throw new InputError(`nothing written: ${taken.map((f) => relative(io.cwd, join(target, f)) || f).join(", ")} already exist(s). Move them away or run keyless init in a new folder.`);
    }
    sources.forEach((f, i) => {
      mkdirSync(dirname(join(target, files[i])), { recursive: true });
      writeFileSync(join(target, files[i]), readFileSync(join(source, f)));
    });
    const shown = positionals[0] ?? ".";
    io.stdout(`keyless: wrote ${files.length} files to ${shown}:\n${files.map((f) => `  ${f}`).join("\n")}`);
    const credentials = CREDENTIAL_VARIABLES.some((v) => io.env[v]);
    io.stdout(
      [
        "",
        "Next:",
        "  npm install --save-dev keyless   (if it isn't installed in this folder yet; see keyless's README)",
        credentials
          ? "  keyless inventory pull           (AWS credentials found: replace the placeholder inventory with the real one)"
          : "  edit environments/shared/organization.yaml (placeholder ids; `keyless inventory pull` fills it in with AWS credentials)",
        "  keyless synth                    (Terraform in cdktf.out/stacks/org/)",
      ].join("\n"),
    );
    return 0;
  },
};
