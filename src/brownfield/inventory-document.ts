import { Document, isMap, parseDocument, YAMLMap } from "yaml";
import type { OrgAccount, OrgSnapshot, OrgUnit } from "./snapshot";

/** A key of `accounts` or `organizationalUnits` made from an AWS name: lower-case, `-` between words. */
export function slug(name: string, maxLength = 50): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
    .slice(0, maxLength)
    .replace(/[^a-z0-9]+$/, "");
  return s || "account";
}

function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const HEADER = [
  " yaml-language-server: $schema=../../schemas/organization.schema.json",
  " The organization inventory, pulled from AWS Organizations by `keyless inventory pull`.",
  " Edit names, order and comments freely: the next pull keeps them and updates ids, OUs, state, tags and policies.",
].join("\n");

/** What changed between the inventory on disk and AWS, in words a reviewer can check. */
export interface InventoryDrift {
  readonly newAccounts: readonly string[];
  readonly movedAccounts: readonly string[];
  readonly stateChanges: readonly string[];
  readonly retaggedAccounts: readonly string[];
  readonly otherAccountChanges: readonly string[];
  readonly addedOus: readonly string[];
  readonly removedOus: readonly string[];
  readonly policyChanges: readonly string[];
}

export const driftCount = (d: InventoryDrift): number => Object.values(d).reduce((n, list: readonly string[]) => n + list.length, 0);

export interface PullResult {
  readonly text: string;
  readonly drift: InventoryDrift;
}

interface OuNode {
  readonly key: string;
  readonly id: string;
  readonly path: string;
}

/**
 * Updates (or creates) the inventory document from what AWS Organizations holds. Edits the parsed YAML
 * document in place, so the user's comments, key names and key order survive; new OUs and accounts get
 * keys made from their AWS names and go at the end of their map. Accounts that AWS no longer lists are
 * kept as CLOSED (workspaces may still name them); OUs that AWS no longer has are removed.
 */
export function pullInventory(existing: string | undefined, org: OrgSnapshot): PullResult {
  const doc: Document = existing === undefined ? new Document({}) : parseDocument(existing);
  if (existing === undefined) doc.commentBefore = HEADER;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap;
  const before = (doc.toJS() ?? {}) as Record<string, any>;

  if (existing === undefined) doc.set("$schema", "../../schemas/organization.schema.json");

  // Organizational units: keep the existing key of an OU (found by id) when its parent is unchanged.
  const oldOus = new Map<string, { path: string; parentPath: string; key: string }>();
  const walkOld = (ous: Record<string, any> | undefined, prefix: string) => {
    for (const [key, ou] of Object.entries(ous ?? {})) {
      const path = prefix ? `${prefix}/${key}` : key;
      if (ou && typeof ou.id === "string") oldOus.set(ou.id, { path, parentPath: prefix, key });
      walkOld(ou?.organizationalUnits, path);
    }
  };
  walkOld(before.organizationalUnits, "");

  const children = new Map<string, OrgUnit[]>();
  for (const ou of org.ous) children.set(ou.parentId, [...(children.get(ou.parentId) ?? []), ou]);
  const nodes = new Map<string, OuNode>();
  nodes.set(org.rootId, { key: "", id: org.rootId, path: "" });

  const root = doc.get("root", true);
  if (isMap(root)) root.set("id", org.rootId);
  else doc.set("root", doc.createNode({ id: org.rootId }));
  setList(doc, ["root", "attachedPolicies"], org.rootPolicies);

  const syncOus = (parentId: string, parentPath: string, docPath: string[]) => {
    const wanted = [...(children.get(parentId) ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const mapPath = [...docPath, "organizationalUnits"];
    const existingMap = doc.getIn(mapPath, true);
    const keep = new Set<string>();
    const taken = new Set<string>();
    const keyFor = new Map<string, string>();
    for (const ou of wanted) {
      const old = oldOus.get(ou.id);
      if (old && old.parentPath === parentPath) keyFor.set(ou.id, old.key);
    }
    for (const k of keyFor.values()) taken.add(k);
    for (const ou of wanted) {
      if (!keyFor.has(ou.id)) {
        const k = unique(slug(ou.name, 128), taken);
        taken.add(k);
        keyFor.set(ou.id, k);
      }
    }
    if (isMap(existingMap)) {
      for (const item of [...existingMap.items]) {
        const k = String((item.key as any)?.value ?? item.key);
        if (![...keyFor.values()].includes(k)) existingMap.delete(k);
      }
    }
    if (!wanted.length) {
      if (doc.hasIn(mapPath)) doc.deleteIn(mapPath);
      return;
    }
    for (const ou of wanted) {
      const key = keyFor.get(ou.id)!;
      keep.add(key);
      const path = parentPath ? `${parentPath}/${key}` : key;
      nodes.set(ou.id, { key, id: ou.id, path });
      const at = [...mapPath, key];
      if (!isMap(doc.getIn(at, true))) doc.setIn(at, doc.createNode({ id: ou.id }));
      else doc.setIn([...at, "id"], ou.id);
      setList(doc, [...at, "attachedPolicies"], ou.policies);
      syncOus(ou.id, path, at);
    }
  };
  syncOus(org.rootId, "", []);

  // Accounts, found by id; new ones get a slug of their name.
  const oldAccounts = new Map<string, string>();
  for (const [key, a] of Object.entries((before.accounts ?? {}) as Record<string, any>)) if (a && typeof a.id === "string") oldAccounts.set(a.id, key);
  const taken = new Set<string>(Object.keys(before.accounts ?? {}));
  if (!isMap(doc.get("accounts", true))) doc.set("accounts", doc.createNode({}));
  const seen = new Set<string>();
  const sorted = [...org.accounts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  let managementKey: string | undefined;
  for (const a of sorted) {
    let key = oldAccounts.get(a.id);
    if (!key) {
      key = unique(slug(a.name), taken);
      taken.add(key);
    }
    seen.add(a.id);
    if (a.id === org.managementAccountId) managementKey = key;
    syncAccount(doc, key, a, nodes.get(a.parentId)?.path ?? "");
  }
  const paths = new Set([...nodes.values()].map((n) => n.path));
  for (const [id, key] of oldAccounts) {
    if (seen.has(id)) continue;
    doc.setIn(["accounts", key, "status"], "CLOSED");
    // Its OU may be gone too; an account must name an OU the inventory declares.
    const ou = doc.getIn(["accounts", key, "ou"]);
    if (typeof ou === "string" && !paths.has(ou)) doc.deleteIn(["accounts", key, "ou"]);
  }
  if (managementKey) doc.set("managementAccount", managementKey);
  else if (!doc.has("managementAccount")) doc.set("managementAccount", "");

  const after = doc.toJS() as Record<string, any>;
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), drift: inventoryDrift(before, after) };
}

function syncAccount(doc: Document, key: string, a: OrgAccount, ouPath: string): void {
  const at = ["accounts", key];
  if (!isMap(doc.getIn(at, true))) doc.setIn(at, doc.createNode({ id: a.id }));
  doc.setIn([...at, "id"], a.id);
  setScalar(doc, [...at, "ou"], ouPath || undefined);
  setScalar(doc, [...at, "status"], a.state === "ACTIVE" ? undefined : a.state);
  setScalar(doc, [...at, "email"], a.email);
  const tags = Object.keys(a.tags).sort();
  if (!tags.length) {
    if (doc.hasIn([...at, "tags"])) doc.deleteIn([...at, "tags"]);
  } else {
    const current = doc.getIn([...at, "tags"]) as any;
    const js = current && typeof current.toJSON === "function" ? current.toJSON() : undefined;
    const same = js && Object.keys(js).length === tags.length && tags.every((k) => js[k] === a.tags[k]);
    if (!same) {
      const node = doc.createNode(Object.fromEntries(tags.map((k) => [k, a.tags[k]]))) as YAMLMap;
      node.flow = true;
      doc.setIn([...at, "tags"], node);
    }
  }
  setList(doc, [...at, "attachedPolicies"], a.policies);
}

function setScalar(doc: Document, path: string[], value: string | undefined): void {
  if (value === undefined) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  if (doc.getIn(path) !== value) doc.setIn(path, value);
}

/** A flow list, written only when its contents change (so the user's formatting stays). */
function setList(doc: Document, path: string[], values: readonly string[]): void {
  const sorted = [...values].sort();
  if (!sorted.length) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  const current = doc.getIn(path) as any;
  const js: unknown = current && typeof current.toJSON === "function" ? current.toJSON() : undefined;
  if (Array.isArray(js) && js.length === sorted.length && [...js].sort().every((v, i) => v === sorted[i])) return;
  const node = doc.createNode(sorted) as any;
  node.flow = true;
  doc.setIn(path, node);
}

/** Compares two inventories (as plain data) by account and OU id. */
export function inventoryDrift(before: Record<string, any>, after: Record<string, any>): InventoryDrift {
  const accounts = (o: Record<string, any>) => {
    const m = new Map<string, { key: string; a: any }>();
    for (const [key, a] of Object.entries((o.accounts ?? {}) as Record<string, any>)) if (a?.id) m.set(a.id, { key, a });
    return m;
  };
  const ous = (o: Record<string, any>) => {
    const m = new Map<string, { path: string; policies: string[] }>();
    const walk = (x: Record<string, any> | undefined, prefix: string) => {
      for (const [k, ou] of Object.entries(x ?? {})) {
        const p = prefix ? `${prefix}/${k}` : k;
        if (ou?.id) m.set(ou.id, { path: p, policies: ou.attachedPolicies ?? [] });
        walk(ou?.organizationalUnits, p);
      }
    };
    walk(o.organizationalUnits, "");
    return m;
  };
  const a0 = accounts(before);
  const a1 = accounts(after);
  const o0 = ous(before);
  const o1 = ous(after);
  const list = (x: unknown) => (Array.isArray(x) ? [...x].sort().join(",") : "");
  const tags = (x: unknown) => JSON.stringify(Object.entries((x ?? {}) as Record<string, string>).sort());
  const d = {
    newAccounts: [] as string[],
    movedAccounts: [] as string[],
    stateChanges: [] as string[],
    retaggedAccounts: [] as string[],
    otherAccountChanges: [] as string[],
    addedOus: [] as string[],
    removedOus: [] as string[],
    policyChanges: [] as string[],
  };
  for (const [id, { key, a }] of a1) {
    const old = a0.get(id)?.a;
    const state = a.status ?? "ACTIVE";
    if (!old) {
      d.newAccounts.push(`${key} (${id}) in ${a.ou ?? "the root"}, ${state}`);
      continue;
    }
    if ((old.ou ?? "") !== (a.ou ?? "")) d.movedAccounts.push(`${key} (${id}): ${old.ou ?? "the root"} -> ${a.ou ?? "the root"}`);
    if ((old.status ?? "ACTIVE") !== state) d.stateChanges.push(`${key} (${id}): ${old.status ?? "ACTIVE"} -> ${state}`);
    if (tags(old.tags) !== tags(a.tags)) d.retaggedAccounts.push(`${key} (${id}): ${describeTags(old.tags)} -> ${describeTags(a.tags)}`);
    if ((old.email ?? "") !== (a.email ?? "")) d.otherAccountChanges.push(`${key} (${id}): email ${old.email ?? "(none)"} -> ${a.email ?? "(none)"}`);
    if (list(old.attachedPolicies) !== list(a.attachedPolicies)) d.policyChanges.push(`account ${key}: [${list(old.attachedPolicies)}] -> [${list(a.attachedPolicies)}]`);
  }
  for (const [id, ou] of o1) {
    const old = o0.get(id);
    if (!old) d.addedOus.push(`${ou.path} (${id})`);
    else if (list(old.policies) !== list(ou.policies)) d.policyChanges.push(`OU ${ou.path}: [${list(old.policies)}] -> [${list(ou.policies)}]`);
  }
  for (const [id, ou] of o0) if (!o1.has(id)) d.removedOus.push(`${ou.path} (${id})`);
  if (list(before.root?.attachedPolicies) !== list(after.root?.attachedPolicies) && before.root) {
    d.policyChanges.push(`root: [${list(before.root?.attachedPolicies)}] -> [${list(after.root?.attachedPolicies)}]`);
  }
  return d;
}

function describeTags(t: Record<string, string> | undefined): string {
  const e = Object.entries(t ?? {}).sort();
  return e.length ? e.map(([k, v]) => `${k}=${v}`).join(" ") : "(no tags)";
}

export function formatDrift(d: InventoryDrift): string {
  const sections: [string, readonly string[]][] = [
    ["New accounts", d.newAccounts],
    ["Moved accounts", d.movedAccounts],
    ["Closed, suspended or reopened accounts", d.stateChanges],
    ["Retagged accounts", d.retaggedAccounts],
    ["Other account changes", d.otherAccountChanges],
    ["OUs added", d.addedOus],
    ["OUs removed", d.removedOus],
    ["Attached policies", d.policyChanges],
  ];
  return sections
    .filter(([, l]) => l.length)
    .map(([title, l]) => [`${title} (${l.length}):`, ...l.map((x) => `  ${x}`)].join("\n"))
    .join("\n");
}
