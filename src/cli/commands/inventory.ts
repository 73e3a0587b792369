import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { driftCount, formatDrift, pullInventory } from "../../brownfield/inventory-document";
import { formatDiagnostics } from "../../diagnostics/diagnostic";
import { isParseFailure, parseSource } from "../../load/source-file";
import { validateSource } from "../../validate/validate";
import type { Command } from "../command";
import { DEFAULT_DIR } from "../compile-step";
import { EXIT, InputError } from "../context";
import { str } from "../options";
import { aws } from "./aws-modules";
import { AWS_OPTIONS, awsSession, fromAws, writeAtomically } from "./aws-options";

export const inventoryCommand: Command = {
  name: "inventory",
  summary: "pull the organization inventory from AWS Organizations (pull), or show how it drifted (check)",
  details: [
    "keyless inventory pull writes or updates the inventory (default: <dir>/shared/organization.yaml) from AWS Organizations: root, nested OUs, accounts with id, OU, email, state, tags and attached SCPs. It edits the YAML document, so comments, key names and order survive; new accounts get keys made from their names.",
    "keyless inventory check prints what changed in AWS (new, moved, closed or retagged accounts, OUs added or removed, attached policies) and exits 1 when anything did; it writes nothing.",
    "Read-only: organizations:DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent, ListTagsForResource, ListPoliciesForTarget.",
  ],
  subcommands: ["pull", "check"],
  options: {
    inventory: { type: "string", value: "<file>", help: "the inventory file (default: <dir>/shared/organization.yaml)" },
    ...AWS_OPTIONS,
  },
  async run(io, values, positionals) {
    const dir = str(values.dir) ?? DEFAULT_DIR;
    const file = resolve(io.cwd, str(values.inventory) ?? join(dir, "shared", "organization.yaml"));
    const shown = relative(io.cwd, file) || file;
    const check = positionals[0] === "check";
    if (check && !existsSync(file)) throw new InputError(`${shown} does not exist: run keyless inventory pull first`);
    const existing = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    const session = awsSession(io, values);
    const { readOrganization } = aws();
    const org = await fromAws("the organization", () => readOrganization(session.organizations()));
    const { text, drift } = pullInventory(existing, org);
    const n = driftCount(drift);
    if (check) {
      if (!n) {
        io.stdout(`keyless: ${shown} matches AWS Organizations (${org.accounts.length} accounts, ${org.ous.length} OUs).`);
        return EXIT.ok;
      }
      io.stdout(`keyless: ${shown} has drifted from AWS Organizations: ${n} change(s). Run keyless inventory pull to update it.\n${formatDrift(drift)}`);
      return EXIT.findings;
    }
    const parsed = parseSource(shown, text);
    const problems = isParseFailure(parsed) ? [] : validateSource("organization", parsed);
    if (isParseFailure(parsed) || problems.length) {
      io.stderr(formatDiagnostics(problems));
      throw new InputError(`the pulled inventory would not validate: ${shown} left unchanged`);
    }
    if (existing === text) {
      io.stdout(`keyless: ${shown} is up to date (${org.accounts.length} accounts, ${org.ous.length} OUs).`);
      return EXIT.ok;
    }
    writeAtomically(file, text);
    io.stdout(`keyless: wrote ${shown} (${org.accounts.length} accounts, ${org.ous.length} OUs)${n ? `: ${n} change(s)\n${formatDrift(drift)}` : "."}`);
    return EXIT.ok;
  },
};
