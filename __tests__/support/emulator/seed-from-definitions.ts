/**
 * The world a set of keyless definitions assumes already exists, as an emulator seed: the organization
 * of the inventory (root, OUs, accounts with their ids, states and tags), the external (SCIM) groups and
 * users the workspaces look up, and the customer-managed IAM policies the inventory says exist where.
 * What keyless itself creates (permission sets, managed groups and users, SCPs, roles) is not seeded.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { EmulatorSeed, SeedAccount, SeedOrganizationalUnit } from "./seed";

interface InventoryOu {
  id: string;
  organizationalUnits?: Record<string, InventoryOu>;
}
interface Inventory {
  managementAccount: string;
  root: { id: string };
  organizationalUnits?: Record<string, InventoryOu>;
  accounts: Record<string, { id: string; ou?: string; email?: string; status?: string; state?: string; tags?: Record<string, string> }>;
  customerManagedPolicies?: Record<string, { organizationalUnits?: string[]; accounts?: string[] }>;
}

const read = (file: string) => (file.endsWith(".json") ? JSON.parse(readFileSync(file, "utf8")) : parse(readFileSync(file, "utf8")));

/** Seed for the definitions in `dir` (workspace files at its top level, the inventory they name). */
export function seedFromDefinitions(dir: string): EmulatorSeed {
  const workspaces = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => ({ file: join(dir, f), doc: read(join(dir, f)) ?? {} }));
  const inventoryFile = workspaces.find((w) => typeof w.doc.organization === "string");
  if (!inventoryFile) throw new Error(`no workspace in ${dir} names an organization inventory`);
  const inventory: Inventory = read(join(dirname(inventoryFile.file), inventoryFile.doc.organization));

  const ous: SeedOrganizationalUnit[] = [];
  const ouIds = new Map<string, string>();
  const walk = (children: Record<string, InventoryOu> | undefined, parentPath: string, parentId: string) => {
    for (const [name, ou] of Object.entries(children ?? {})) {
      const path = parentPath ? `${parentPath}/${name}` : name;
      ous.push({ id: ou.id, name, parentId });
      ouIds.set(path, ou.id);
      walk(ou.organizationalUnits, path, ou.id);
    }
  };
  walk(inventory.organizationalUnits, "", inventory.root.id);

  const management = inventory.accounts[inventory.managementAccount];
  const accounts: SeedAccount[] = Object.entries(inventory.accounts)
    .filter(([key]) => key !== inventory.managementAccount)
    .map(([name, a]) => ({
      id: a.id,
      name,
      email: a.email,
      parentId: a.ou ? ouIds.get(a.ou) : undefined,
      state: (a.state ?? a.status ?? "ACTIVE") as SeedAccount["state"],
      tags: a.tags,
    }));

  const groups = new Map<string, { displayName: string; description?: string }>();
  const users = new Map<string, { userName: string }>();
  for (const { doc } of workspaces) {
    for (const [name, g] of Object.entries<any>(doc.identityCenter?.groups ?? {}))
      if (g?.source === "external" && !groups.has(name)) groups.set(name, { displayName: name, description: g.description });
    for (const [name, u] of Object.entries<any>(doc.identityCenter?.users ?? {})) if (u?.source === "external" && !users.has(name)) users.set(name, { userName: name });
  }

  const iam: Record<string, { policies: { name: string; path: string }[]; oidcProviders: { url: string }[] }> = {};
  const iamOf = (id: string) => (iam[id] ??= { policies: [], oidcProviders: [] });
  // GitHub OIDC providers declared `existing: true` were made outside keyless: they are in AWS already.
  for (const { doc } of workspaces) {
    for (const [account, p] of Object.entries<any>(doc.githubOidc?.providers ?? {})) {
      const id = inventory.accounts[account]?.id;
      if (!p?.existing || !id) continue;
      const url = `https://token.actions.githubusercontent.com${p.enterpriseSlug ? `/${p.enterpriseSlug}` : ""}`;
      if (!iamOf(id).oidcProviders.some((o) => o.url === url)) iamOf(id).oidcProviders.push({ url });
    }
  }
  const accountsUnder = (ouPath: string) =>
    Object.values(inventory.accounts)
      .filter((a) => a.ou && (a.ou === ouPath || a.ou.startsWith(`${ouPath}/`)))
      .map((a) => a.id);
  for (const [full, where] of Object.entries(inventory.customerManagedPolicies ?? {})) {
    const cut = full.lastIndexOf("/");
    const policy = { name: full.slice(cut + 1), path: full.slice(0, cut + 1) || "/" };
    const ids = new Set([...(where.organizationalUnits ?? []).flatMap(accountsUnder), ...(where.accounts ?? []).map((k) => inventory.accounts[k]?.id).filter(Boolean)]);
    for (const id of ids) iamOf(id).policies.push(policy);
  }

  return {
    organization: {
      managementAccountId: management.id,
      managementAccountName: inventory.managementAccount,
      rootId: inventory.root.id,
      organizationalUnits: ous,
      accounts,
    },
    identityCenter: { groups: [...groups.values()], users: [...users.values()] },
    iam,
  };
}
