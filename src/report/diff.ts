import { cmp } from "../diagnostics/diagnostic";
import type { AccessPlan } from "../plan";
import { grantLine } from "./identity-center";
import { buildReport } from "./report";
import { cell, code, plural } from "./markdown";
import type { AccessReport, Grant, GithubRoleSummary, GuardrailSummary, PermissionSetSummary } from "./model";
import type { PolicySource } from "../policy/model";
import { diffPolicy, PolicyKind } from "./policy-diff";
import { privilegeShift } from "./widening";

/** What changed in effective access between two plans. Every list is sorted. */
export interface AccessDiff {
  readonly grantsAdded: readonly WithWorkspace<Grant>[];
  readonly grantsRemoved: readonly WithWorkspace<Grant>[];
  /** Same grant, different expiry. */
  readonly grantsExpiryChanged: readonly { readonly workspace: string; readonly before: Grant; readonly after: Grant }[];
  readonly permissionSetsReplaced: readonly { readonly workspace: string; readonly key: string; readonly before: string; readonly after: string }[];
  readonly permissionSetsChanged: readonly { readonly workspace: string; readonly key: string; readonly name: string; readonly changes: readonly string[] }[];
  readonly rolesAdded: readonly WithWorkspace<GithubRoleSummary>[];
  readonly rolesRemoved: readonly WithWorkspace<GithubRoleSummary>[];
  /** Roles whose subjects (who can assume them) changed. */
  readonly rolesTrustChanged: readonly RoleChange[];
  /** Roles whose policies or session changed. */
  readonly rolesPermissionsChanged: readonly RoleChange[];
  readonly guardrailsAdded: readonly WithWorkspace<GuardrailSummary>[];
  readonly guardrailsRemoved: readonly WithWorkspace<GuardrailSummary>[];
  readonly guardrailsChanged: readonly GuardrailChange[];
  readonly workspacesAdded: readonly string[];
  readonly workspacesRemoved: readonly string[];
  /** Statement-level changes of every policy keyless emits: inline, trust, SCP. */
  readonly policiesChanged: readonly PolicyChange[];
  /** Changes that grant something not granted before, or deny less: shown first. */
  readonly widenings: readonly Shift[];
  /** Changes that take access away or deny more: listed, not alarming. */
  readonly narrowings: readonly Shift[];
}

export interface PolicyChange {
  readonly workspace: string;
  readonly kind: PolicyKind;
  /** `permission set ProdOperator, inline policy`, `GitHub role deploy in app-prod, trust policy`, `SCP deny-regions`. */
  readonly policy: string;
  /** Per statement, in words. */
  readonly details: readonly string[];
}

export interface Shift {
  readonly workspace: string;
  readonly text: string;
}

export type WithWorkspace<T> = T & { readonly workspace: string };

export interface RoleChange {
  readonly workspace: string;
  readonly before: GithubRoleSummary;
  readonly after: GithubRoleSummary;
}

export interface GuardrailChange {
  readonly workspace: string;
  readonly name: string;
  readonly targetsAdded: readonly string[];
  readonly targetsRemoved: readonly string[];
  readonly exemptionsAdded: readonly string[];
  readonly exemptionsRemoved: readonly string[];
  readonly deniesAdded: readonly string[];
  readonly deniesRemoved: readonly string[];
}

/** The diff of two plans' effective access. Pure; `evaluationDate` only labels the reports built. */
export function diffPlans(base: AccessPlan, head: AccessPlan, evaluationDate = "1970-01-01"): AccessDiff {
  return diffReports(buildReport(base, [], evaluationDate), buildReport(head, [], evaluationDate));
}

const EMPTY_REPORT: AccessReport = { version: 1, evaluationDate: "1970-01-01", applyOrder: [], workspaces: [], hazards: [] };

/** Diffs two reports; pass `undefined` for a base without definitions. */
export function diffReports(base: AccessReport | undefined, head: AccessReport): AccessDiff {
  const b = base ?? EMPTY_REPORT;
  const index = <T>(r: AccessReport, pick: (ws: AccessReport["workspaces"][number]) => readonly T[], key: (t: T) => string) => {
    const m = new Map<string, WithWorkspace<T>>();
    for (const ws of r.workspaces) for (const t of pick(ws)) m.set(key(t), { ...t, workspace: ws.name });
    return m;
  };
  // Grants are identified by principal, permission-set key and account, not by workspace: moving a
  // grant between workspaces changes no one's access.
  const grantKey = (g: Grant) => `${g.principalType}:${g.principal}/${g.permissionSetKey}/${g.account}`;
  const roleKey = (r: GithubRoleSummary) => `${r.account}/${r.name}`;
  const ruleKey = (g: GuardrailSummary) => g.name;
  const psKey = (p: PermissionSetSummary) => p.key;

  const [g0, g1] = [index(b, (w) => w.identityCenter.grants, grantKey), index(head, (w) => w.identityCenter.grants, grantKey)];
  const [r0, r1] = [index(b, (w) => w.githubOidc.roles, roleKey), index(head, (w) => w.githubOidc.roles, roleKey)];
  const [s0, s1] = [index(b, (w) => w.guardrails.policies, ruleKey), index(head, (w) => w.guardrails.policies, ruleKey)];
  const [p0, p1] = [index(b, (w) => w.identityCenter.permissionSets, psKey), index(head, (w) => w.identityCenter.permissionSets, psKey)];

  const onlyIn = <T>(a: Map<string, T>, other: Map<string, T>) =>
    [...a.keys()]
      .filter((k) => !other.has(k))
      .sort(cmp)
      .map((k) => a.get(k)!);
  const inBoth = <T>(a: Map<string, T>, other: Map<string, T>) =>
    [...a.keys()]
      .filter((k) => other.has(k))
      .sort(cmp)
      .map((k) => [a.get(k)!, other.get(k)!] as const);
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  const minus = (x: readonly string[], y: readonly string[]) => {
    const other = new Set(y);
    return x.filter((v) => !other.has(v));
  };

  const permissionSetsReplaced: AccessDiff["permissionSetsReplaced"][number][] = [];
  const permissionSetsChanged: AccessDiff["permissionSetsChanged"][number][] = [];
  for (const [before, after] of inBoth(p0, p1)) {
    if (before.name !== after.name) permissionSetsReplaced.push({ workspace: after.workspace, key: after.key, before: before.name, after: after.name });
    const changes = [
      ...minus(after.policies, before.policies).map((p) => `adds ${p}`),
      ...minus(before.policies, after.policies).map((p) => `removes ${p}`),
      ...(before.inlinePolicy !== after.inlinePolicy ? [after.inlinePolicy ? "adds an inline policy" : "removes its inline policy"] : []),
      ...(before.sessionDuration !== after.sessionDuration ? [`session ${before.sessionDuration} -> ${after.sessionDuration}`] : []),
      ...(before.permissionsBoundary !== after.permissionsBoundary ? [`boundary ${before.permissionsBoundary ?? "none"} -> ${after.permissionsBoundary ?? "none"}`] : []),
    ];
    if (changes.length) permissionSetsChanged.push({ workspace: after.workspace, key: after.key, name: after.name, changes });
  }

  // A key renamed (or moved to another workspace) while the AWS name stays: Terraform destroys and recreates it.
  const addedSets = onlyIn(p1, p0);
  for (const gone of onlyIn(p0, p1)) {
    const heir = addedSets.find((p) => p.name === gone.name);
    if (heir)
      permissionSetsReplaced.push({
        workspace: heir.workspace,
        key: `${gone.key} -> ${heir.key}`,
        before: `${gone.name} (workspace ${gone.workspace})`,
        after: `${heir.name} (workspace ${heir.workspace})`,
      });
  }

  const rolesTrustChanged: RoleChange[] = [];
  const rolesPermissionsChanged: RoleChange[] = [];
  for (const [before, after] of inBoth(r0, r1)) {
    if (!same(before.subjects, after.subjects)) rolesTrustChanged.push({ workspace: after.workspace, before, after });
    if (!same(before.policies, after.policies) || before.maxSessionDuration !== after.maxSessionDuration)
      rolesPermissionsChanged.push({ workspace: after.workspace, before, after });
  }

  const guardrailsChanged: GuardrailChange[] = [];
  for (const [before, after] of inBoth(s0, s1)) {
    const c: GuardrailChange = {
      workspace: after.workspace,
      name: after.name,
      targetsAdded: minus(after.targets, before.targets),
      targetsRemoved: minus(before.targets, after.targets),
      exemptionsAdded: minus(after.exemptions, before.exemptions),
      exemptionsRemoved: minus(before.exemptions, after.exemptions),
      deniesAdded: minus(after.denies, before.denies),
      deniesRemoved: minus(before.denies, after.denies),
    };
    if (c.targetsAdded.length + c.targetsRemoved.length + c.exemptionsAdded.length + c.exemptionsRemoved.length + c.deniesAdded.length + c.deniesRemoved.length)
      guardrailsChanged.push(c);
  }

  const policiesChanged: PolicyChange[] = [];
  const widenings: Shift[] = [];
  const narrowings: Shift[] = [];
  /** `detailsOnly` for policies of objects added or removed: their coming and going is its own line. */
  const policy = (workspace: string, kind: PolicyKind, label: string, who: string, before: string | undefined, after: string | undefined, detailsOnly = false) => {
    if (before === after) return;
    const d = diffPolicy(kind, who, before, after);
    if (d.details.length) policiesChanged.push({ workspace, kind, policy: label, details: d.details });
    if (detailsOnly) return;
    widenings.push(...d.widenings.map((text) => ({ workspace, text })));
    narrowings.push(...d.narrowings.map((text) => ({ workspace, text })));
  };
  const shift = (workspace: string, who: string, before: PolicySource[], after: PolicySource[]) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const s = privilegeShift(who, before, after);
    widenings.push(...s.widenings.map((text) => ({ workspace, text })));
    narrowings.push(...s.narrowings.map((text) => ({ workspace, text })));
  };
  const psSources = (p: PermissionSetSummary): PolicySource[] => [
    ...p.policies.map((managed) => ({ managed })),
    ...(p.inlinePolicyDocument ? [{ document: p.inlinePolicyDocument }] : []),
  ];
  const roleSources = (r: GithubRoleSummary): PolicySource[] => [
    ...r.policies.filter((p) => !p.startsWith("inline:")).map((managed) => ({ managed })),
    ...r.inlinePolicies.map((p) => ({ document: p.document, name: p.name })),
  ];
  for (const [before, after] of inBoth(p0, p1)) {
    const w = after.workspace;
    shift(w, after.name, psSources(before), psSources(after));
    policy(w, "inline", `permission set ${after.name}, inline policy`, after.name, before.inlinePolicyDocument, after.inlinePolicyDocument);
    for (const m of minus(after.policies, before.policies)) widenings.push({ workspace: w, text: `${after.name} gains ${m}` });
    for (const m of minus(before.policies, after.policies)) narrowings.push({ workspace: w, text: `${after.name} loses ${m}` });
    if (before.permissionsBoundary && before.permissionsBoundary !== after.permissionsBoundary) {
      widenings.push({
        workspace: w,
        text: after.permissionsBoundary
          ? `${after.name}'s permissions boundary ${before.permissionsBoundary} becomes ${after.permissionsBoundary}`
          : `${after.name} no longer has the permissions boundary ${before.permissionsBoundary}`,
      });
    }
  }
  for (const [before, after] of inBoth(r0, r1)) {
    const w = after.workspace;
    const who = `GitHub role ${after.name} in ${after.account}`;
    shift(w, who, roleSources(before), roleSources(after));
    policy(w, "trust", `${who}, trust policy`, who, before.trustPolicy, after.trustPolicy);
    const names = [...new Set([...before.inlinePolicies, ...after.inlinePolicies].map((p) => p.name))].sort(cmp);
    for (const n of names) {
      policy(w, "inline", `${who}, inline policy ${n}`, who, before.inlinePolicies.find((p) => p.name === n)?.document, after.inlinePolicies.find((p) => p.name === n)?.document);
    }
    const managed = (r: GithubRoleSummary) => r.policies.filter((p) => !p.startsWith("inline:"));
    for (const m of minus(managed(after), managed(before))) widenings.push({ workspace: w, text: `${who} gains ${m}` });
    for (const m of minus(managed(before), managed(after))) narrowings.push({ workspace: w, text: `${who} loses ${m}` });
  }
  for (const [before, after] of inBoth(s0, s1)) {
    const w = after.workspace;
    policy(w, "scp", `SCP ${after.name}`, `SCP ${after.name}`, before.content, after.content);
    for (const t of minus(before.targets, after.targets)) widenings.push({ workspace: w, text: `SCP ${after.name} no longer covers ${t}` });
    for (const t of minus(after.targets, before.targets)) narrowings.push({ workspace: w, text: `SCP ${after.name} now covers ${t}` });
    const lost = minus(after.uncoveredAccounts ?? [], before.uncoveredAccounts ?? []);
    if (lost.length) widenings.push({ workspace: w, text: `SCP ${after.name} no longer reaches ${lost.join(", ")}` });
  }
  // Objects added or removed: what their policies say, statement by statement; a new permission set
  // or role is judged whole (privileged?) like a changed one.
  const heirs = new Map(onlyIn(p0, p1).flatMap((gone) => addedSets.filter((p) => p.name === gone.name).map((heir) => [heir.key, gone] as const)));
  for (const p of addedSets) {
    const gone = heirs.get(p.key);
    shift(p.workspace, p.name, gone ? psSources(gone) : [], psSources(p));
    policy(p.workspace, "inline", `permission set ${p.name}, inline policy`, p.name, gone?.inlinePolicyDocument, p.inlinePolicyDocument, !gone);
  }
  const heirNames = new Set([...heirs.values()].map((g) => g.key));
  for (const p of onlyIn(p0, p1))
    if (!heirNames.has(p.key)) policy(p.workspace, "inline", `permission set ${p.name}, inline policy`, p.name, p.inlinePolicyDocument, undefined, true);
  for (const r of onlyIn(r1, r0)) {
    const who = `GitHub role ${r.name} in ${r.account}`;
    shift(r.workspace, who, [], roleSources(r));
    for (const ip of r.inlinePolicies) policy(r.workspace, "inline", `${who}, inline policy ${ip.name}`, who, undefined, ip.document, true);
  }
  for (const g of onlyIn(s1, s0)) policy(g.workspace, "scp", `SCP ${g.name}`, `SCP ${g.name}`, undefined, g.content, true);
  for (const g of onlyIn(s0, s1)) policy(g.workspace, "scp", `SCP ${g.name}`, `SCP ${g.name}`, g.content, undefined, true);
  for (const g of onlyIn(s0, s1)) widenings.push({ workspace: g.workspace, text: `SCP ${g.name} is removed: it no longer applies to ${g.targets.join(", ")}` });
  for (const g of onlyIn(s1, s0)) narrowings.push({ workspace: g.workspace, text: `SCP ${g.name} is added on ${g.targets.join(", ")}` });
  for (const r of onlyIn(r1, r0))
    widenings.push({
      workspace: r.workspace,
      text: `new GitHub role ${r.name} in ${r.account} (${r.policies.join(", ") || "no policies"}), assumable by ${r.subjects.join(", ")}`,
    });
  for (const r of onlyIn(r0, r1)) narrowings.push({ workspace: r.workspace, text: `GitHub role ${r.name} in ${r.account} is removed` });
  const gained = new Map<string, { workspace: string; accounts: string[] }>();
  for (const g of onlyIn(g1, g0)) {
    const k = `${g.principalType} ${g.principal} can now use ${g.permissionSet} in`;
    const e = gained.get(k) ?? { workspace: g.workspace, accounts: [] };
    e.accounts.push(g.account);
    gained.set(k, e);
  }
  for (const [k, e] of gained) widenings.push({ workspace: e.workspace, text: `${k} ${e.accounts.join(", ")}` });
  const byText = (x: Shift, y: Shift) => cmp(x.workspace, y.workspace) || cmp(x.text, y.text);

  const ws0 = new Set(b.workspaces.map((w) => w.name));
  const ws1 = new Set(head.workspaces.map((w) => w.name));
  return {
    grantsAdded: onlyIn(g1, g0),
    grantsRemoved: onlyIn(g0, g1),
    grantsExpiryChanged: inBoth(g0, g1)
      .filter(([x, y]) => x.expires !== y.expires)
      .map(([before, after]) => ({ workspace: after.workspace, before, after })),
    permissionSetsReplaced,
    permissionSetsChanged,
    rolesAdded: onlyIn(r1, r0),
    rolesRemoved: onlyIn(r0, r1),
    rolesTrustChanged,
    rolesPermissionsChanged,
    guardrailsAdded: onlyIn(s1, s0),
    guardrailsRemoved: onlyIn(s0, s1),
    guardrailsChanged,
    workspacesAdded: [...ws1].filter((w) => !ws0.has(w)).sort(cmp),
    workspacesRemoved: [...ws0].filter((w) => !ws1.has(w)).sort(cmp),
    policiesChanged,
    widenings: dedupe(widenings).sort(byText),
    narrowings: dedupe(narrowings).sort(byText),
  };
}

const dedupe = (xs: Shift[]) => [...new Map(xs.map((x) => [`${x.workspace}\u0000${x.text}`, x])).values()];

export function isEmptyDiff(d: AccessDiff): boolean {
  return Object.values(d).every((v) => (v as readonly unknown[]).length === 0);
}

/** Changed workspaces: those with any difference (used to pick what CI plans). */
export function changedWorkspaces(d: AccessDiff): string[] {
  const names = new Set<string>([...d.workspacesAdded, ...d.workspacesRemoved]);
  for (const v of Object.values(d)) for (const item of v as readonly { workspace?: string }[]) if (typeof item === "object" && item.workspace) names.add(item.workspace);
  return [...names].sort(cmp);
}

/** The diff as Markdown for a pull-request comment. */
export function renderDiff(d: AccessDiff, baseLabel = "the base"): string {
  const out: string[] = [`## Access changes against ${baseLabel}`, ""];
  if (isEmptyDiff(d)) return [...out, "No change in effective access.", ""].join("\n");
  const ws = (w: string) => ` [${code(w)}]`;
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(`### ${title} (${lines.length})`, "", ...lines.map((l) => `- ${l}`), "");
  };
  section(
    "⚠️ Access widened",
    d.widenings.map((x) => `⚠️ ${cell(x.text)}${ws(x.workspace)}`),
  );
  section(
    "Access narrowed",
    d.narrowings.map((x) => `${cell(x.text)}${ws(x.workspace)}`),
  );
  section("Workspaces added", d.workspacesAdded.map(code));
  section("Workspaces removed", d.workspacesRemoved.map(code));
  section(
    "Access granted",
    d.grantsAdded.map((g) => `➕ ${grantLine(g)}${ws(g.workspace)}`),
  );
  section(
    "Access removed",
    d.grantsRemoved.map((g) => `➖ ${grantLine(g)}${ws(g.workspace)}`),
  );
  section(
    "Expiry changed",
    d.grantsExpiryChanged.map((c) => `${grantLine(c.after)}: expiry ${c.before.expires ?? "none"} -> ${c.after.expires ?? "none"}${ws(c.workspace)}`),
  );
  section(
    "Permission sets replaced (their roles are deleted and recreated in every account; sessions end, and anything trusting the old role ARN breaks)",
    d.permissionSetsReplaced.map((p) => `⚠️ ${code(p.key)}: ${cell(p.before)} -> ${cell(p.after)}${ws(p.workspace)}`),
  );
  section(
    "Permission sets changed",
    d.permissionSetsChanged.map((p) => `${cell(p.name)}: ${p.changes.map(cell).join("; ")}${ws(p.workspace)}`),
  );
  section(
    "GitHub roles added",
    d.rolesAdded.map((r) => `➕ ${roleLine(r)}${ws(r.workspace)}`),
  );
  section(
    "GitHub roles removed",
    d.rolesRemoved.map((r) => `➖ ${roleLine(r)}${ws(r.workspace)}`),
  );
  section(
    "GitHub roles whose trust changed",
    d.rolesTrustChanged.map((c) => {
      const added = c.after.subjects.filter((s) => !c.before.subjects.includes(s)).map((s) => `now admits ${code(s)}`);
      const removed = c.before.subjects.filter((s) => !c.after.subjects.includes(s)).map((s) => `no longer admits ${code(s)}`);
      return `${code(c.after.name)} in ${code(c.after.account)}: ${[...added, ...removed].join("; ")}${ws(c.workspace)}`;
    }),
  );
  section(
    "GitHub roles whose permissions changed",
    d.rolesPermissionsChanged.map(
      (c) =>
        `${code(c.after.name)} in ${code(c.after.account)}: ${c.before.policies.map(cell).join(", ") || "none"} -> ${c.after.policies.map(cell).join(", ") || "none"}${c.before.maxSessionDuration !== c.after.maxSessionDuration ? `; max session ${c.before.maxSessionDuration}s -> ${c.after.maxSessionDuration}s` : ""}${ws(c.workspace)}`,
    ),
  );
  section(
    "Guardrails added",
    d.guardrailsAdded.map((g) => `➕ ${code(g.name)} on ${g.targets.map(code).join(", ")}${ws(g.workspace)}`),
  );
  section(
    "Guardrails removed",
    d.guardrailsRemoved.map((g) => `➖ ${code(g.name)} from ${g.targets.map(code).join(", ")}${ws(g.workspace)}`),
  );
  section(
    "Guardrail coverage changed",
    d.guardrailsChanged.map((c) => {
      const parts = [
        ...c.targetsAdded.map((t) => `now covers ${code(t)}`),
        ...c.targetsRemoved.map((t) => `no longer covers ${code(t)}`),
        ...c.exemptionsAdded.map((e) => `newly exempts ${code(e)}`),
        ...c.exemptionsRemoved.map((e) => `no longer exempts ${code(e)}`),
        ...c.deniesAdded.map((a) => `now denies ${cell(a)}`),
        ...c.deniesRemoved.map((a) => `no longer denies ${cell(a)}`),
      ];
      return `${code(c.name)}: ${parts.join("; ")}${ws(c.workspace)}`;
    }),
  );
  section(
    "Policies changed, statement by statement",
    d.policiesChanged.flatMap((p) => p.details.map((l) => `${cell(p.policy)}: ${cell(l)}${ws(p.workspace)}`)),
  );
  const n = d.grantsAdded.length + d.grantsRemoved.length;
  out.push(`${plural(n, "grant")} changed.`, "");
  return out.join("\n");
}

function roleLine(r: GithubRoleSummary): string {
  return `${code(r.name)} in ${code(r.account)} (${r.accountId}) for ${r.subjects.map(code).join(", ")} with ${r.policies.map(cell).join(", ") || "no policies"}`;
}
