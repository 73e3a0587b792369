import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { Document, parse } from "yaml";
import { readIdentityCenter } from "../../aws/identity-center";
import { adoptIdentityCenter, InventoryData } from "../../brownfield/adopt";
import { importsFile } from "../../compile/imports";
import { loadDefinitions } from "../../load/load";
import type { Command } from "../command";
import { DEFAULT_DIR } from "../compile-step";
import { EXIT, InputError, UsageError } from "../context";
import { str } from "../options";
import { AWS_OPTIONS, awsSession, fromAws, writeAtomically } from "./aws-options";

function inventoryData(text: string, shown: string): InventoryData {
  let org: any;
  try {
    org = parse(text);
  } catch (e) {
    throw new InputError(`${shown}: not valid YAML (${(e as Error).message}); run keyless inventory pull`);
  }
  if (!org?.accounts || !org.managementAccount) throw new InputError(`${shown}: found no accounts or managementAccount; run keyless inventory pull`);
  const ous: string[] = [];
  const walk = (x: Record<string, any> | undefined, prefix: string) => {
    for (const [k, ou] of Object.entries(x ?? {})) {
      const p = prefix ? `${prefix}/${k}` : k;
      ous.push(p);
      walk(ou?.organizationalUnits, p);
    }
  };
  walk(org.organizationalUnits, "");
  return { managementAccount: org.managementAccount, accounts: org.accounts, ous };
}

const posix = (p: string) => p.split(sep).join("/");

export const importCommand: Command = {
  name: "import",
  summary: "adopt an existing Identity Center: write definitions that reproduce it and the imports synth turns into Terraform import blocks",
  details: [
    "Reads every permission set (managed, customer-managed, inline policy, boundary, session, relay state, tags) and account assignment, with groups and users by name, and writes <dir>/<name>.yaml, grouped as a person would write it (a whole OU when every active account of it has the grant), and <dir>/imports/<name>.json, from which synth emits Terraform import blocks: the first plan imports, adding, changing and destroying nothing.",
    "Name collisions are found here, before any apply: a permission set another workspace declares that already exists in AWS is reported with its file and path, and nothing is written. Assignments keyless cannot express (deleted principals, accounts outside the inventory or not ACTIVE) are listed, not silently dropped.",
    "Run keyless inventory pull first. Read-only: sso:ListInstances, ListPermissionSets, DescribePermissionSet, ListManagedPoliciesInPermissionSet, ListCustomerManagedPolicyReferencesInPermissionSet, GetInlinePolicyForPermissionSet, GetPermissionsBoundaryForPermissionSet, ListTagsForResource, ListAccountsForProvisionedPermissionSet, ListAccountAssignments; identitystore:ListUsers, ListGroups.",
  ],
  options: {
    name: { type: "string", value: "<workspace>", help: "workspace to write (default: adopted)" },
    inventory: { type: "string", value: "<file>", help: "the inventory file (default: <dir>/shared/organization.yaml)" },
    ...AWS_OPTIONS,
  },
  async run(io, values) {
    const dir = str(values.dir) ?? DEFAULT_DIR;
    const name = str(values.name) ?? "adopted";
    if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(name)) throw new UsageError(`--name "${name}" cannot name a workspace: use lower-case letters, digits, '-' and '_'`);
    const absDir = resolve(io.cwd, dir);
    const invFile = resolve(io.cwd, str(values.inventory) ?? join(dir, "shared", "organization.yaml"));
    const invShown = posix(relative(io.cwd, invFile));
    if (!existsSync(invFile)) throw new InputError(`${invShown} does not exist: run keyless inventory pull first`);
    const inv = inventoryData(readFileSync(invFile, "utf8"), invShown);
    const session = awsSession(io, values);
    const ic = await fromAws("Identity Center", () => readIdentityCenter(session.ssoAdmin(), session.identityStore()));
    if (!ic) throw new InputError("this account has no Identity Center instance (sso:ListInstances is empty): nothing to import");

    // Collisions: permission sets other workspaces declare that already exist in AWS.
    const existing = new Map(ic.permissionSets.map((p) => [p.name, p.arn]));
    const loaded = existsSync(absDir) ? loadDefinitions({ dir, cwd: io.cwd }) : { workspaces: [] };
    const collisions: string[] = [];
    for (const ws of loaded.workspaces) {
      if (ws.name === name) continue;
      const sets = ((ws.source.data as any)?.identityCenter?.permissionSets ?? {}) as Record<string, { name?: string }>;
      for (const [key, ps] of Object.entries(sets)) {
        const awsName = ps?.name ?? key;
        if (existing.has(awsName)) {
          collisions.push(`${ws.source.file}: identityCenter.permissionSets.${key}: permission set "${awsName}" already exists in AWS (${existing.get(awsName)}); applying would fail with ConflictException`);
        }
      }
    }
    if (collisions.length) {
      io.stderr(collisions.join("\n"));
      throw new InputError(`${collisions.length} name collision(s) with what exists in AWS: nothing written. Remove these declarations (keyless import adopts them), or rename them with name:`);
    }

    const adoption = adoptIdentityCenter(ic, inv);
    const wsFile = join(absDir, `${name}.yaml`);
    const doc = new Document({
      $schema: "../schemas/workspace.schema.json",
      description: "Identity Center as it existed before keyless, adopted with keyless import",
      organization: posix(relative(absDir, invFile)).replace(/^(?!\.)/, "./"),
      aws: { region: session.settings.region },
      ...(Object.keys(adoption.identityCenter).length ? { identityCenter: adoption.identityCenter } : {}),
    });
    doc.commentBefore = [
      " yaml-language-server: $schema=../schemas/workspace.schema.json",
      ` Written by keyless import: what Identity Center held, as definitions. imports/${name}.json lists the`,
      " objects the first apply imports instead of creating; edit this file freely after that apply.",
    ].join("\n");
    const importsText = JSON.stringify({ $comment: `Written by keyless import: objects that exist in AWS and that workspace ${name} adopts. Synth emits a Terraform import block for each.`, imports: adoption.imports }, null, 2) + "\n";
    writeAtomically(wsFile, doc.toString({ lineWidth: 0 }));
    writeAtomically(importsFile(absDir, name), importsText);
    const counts = `${ic.permissionSets.length} permission set(s), ${adoption.imports.filter((i) => i.kind === "assignment").length} account assignment(s), ${adoption.imports.length} import(s)`;
    io.stdout(`keyless: wrote ${posix(relative(io.cwd, wsFile))} and ${posix(relative(io.cwd, importsFile(absDir, name)))}: ${counts}.`);
    if (adoption.unmanaged.length) io.stdout([`Not managed by keyless (${adoption.unmanaged.length}):`, ...adoption.unmanaged.map((u) => `  ${u}`)].join("\n"));
    return EXIT.ok;
  },
};
