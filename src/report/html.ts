import { cmp } from "../diagnostics/diagnostic";
import type { AccessReport, Grant } from "./model";

/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Accounts x principals past which the matrix lists each account's grants instead of a grid. */
export const MATRIX_CELLS = 20_000;

const principalOf = (g: Grant) => `${g.principalType} ${g.principal}`;
const options = (id: string, label: string, values: readonly string[]) =>
  `<label>${label} <select id="${id}"><option value="">all</option>${values.map((v) => `<option value="${esc(v)}">${esc(v || "(root)")}</option>`).join("")}</select></label>`;
const list = (xs: readonly string[]) => (xs.length ? xs.map(esc).join("<br>") : "·");
/** Policy statements, one item each. */
const statements = (xs: readonly string[]) => (xs.length ? `<ul class="st">${xs.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : "·");

/*
 * The filter: every filterable row carries data-account, data-ou, data-principal, data-ps; the
 * script reads only those attributes and the controls, so no user text ever reaches a script.
 */
const SCRIPT = `(() => {
  const $ = (id) => document.getElementById(id);
  const ids = ["f-account", "f-ou", "f-principal", "f-ps"];
  const apply = () => {
    const [account, ou, principal, ps] = ids.map((i) => $(i).value);
    const text = $("f-text").value.trim().toLowerCase();
    const ouOk = (v) => !ou || v === ou || v.startsWith(ou + "/");
    let shown = 0;
    for (const tr of document.querySelectorAll("#grants tbody tr")) {
      const d = tr.dataset;
      const ok = (!account || d.account === account) && ouOk(d.ou) && (!principal || d.principal === principal) && (!ps || d.ps === ps) && (!text || tr.textContent.toLowerCase().includes(text));
      tr.hidden = !ok;
      if (ok) shown++;
    }
    $("grant-count").textContent = String(shown);
    for (const tr of document.querySelectorAll("#permission-sets tbody tr")) tr.hidden = !!ps && tr.dataset.ps !== ps;
    for (const span of document.querySelectorAll("#matrix span[data-ps]")) span.hidden = (!!ps && span.dataset.ps !== ps) || (!!principal && span.dataset.principal !== principal);
    const used = new Set();
    for (const tr of document.querySelectorAll("#matrix tbody tr")) {
      const d = tr.dataset;
      const visible = [...tr.querySelectorAll("span[data-ps]")].filter((s) => !s.hidden);
      tr.hidden = !((!account || d.account === account) && ouOk(d.ou) && visible.length > 0);
      if (!tr.hidden) for (const s of visible) used.add(s.dataset.principal);
    }
    // In the grid, a principal with nothing in the rows shown has no column.
    for (const el of document.querySelectorAll("#matrix th[data-principal], #matrix td[data-principal]")) el.hidden = !used.has(el.dataset.principal);
  };
  for (const i of [...ids, "f-text"]) $(i).addEventListener("input", apply);
  apply();
})();`;

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#57606a}.filters{display:flex;flex-wrap:wrap;gap:12px;padding:10px;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;position:sticky;top:0}
table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.empty{color:#8c959f;text-align:center}span.ps{display:inline-block;background:#ddf4ff;border-radius:10px;padding:0 7px;margin:1px}
span.exp{background:#fff8c5}code{font:12px ui-monospace,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px}
.warn{color:#9a6700}.hz li{margin:3px 0}ul.st{margin:0;padding-left:16px}ul.st li{margin:0 0 4px}`;

/** The report as one self-contained HTML page: no external asset, no network, inline CSS and JS. */
export function reportHtml(report: AccessReport, settings: { readonly matrixCells?: number } = {}): string {
  const grants = report.workspaces.flatMap((ws) => ws.identityCenter.grants.map((g) => ({ ...g, workspace: ws.name, source: g.source ?? ws.file })));
  const accounts = [...new Map(grants.map((g) => [g.account, g])).values()].sort((a, b) => cmp(a.account, b.account));
  const principals = [...new Set(grants.map(principalOf))].sort(cmp);
  const ous = [...new Set(grants.map((g) => g.ou ?? ""))].sort(cmp);
  const sets = [...new Set(grants.map((g) => g.permissionSet))].sort(cmp);
  const attrs = (g: Pick<Grant, "account" | "ou">) => `data-account="${esc(g.account)}" data-ou="${esc(g.ou ?? "")}"`;

  const cell = new Map<string, typeof grants>();
  for (const g of grants) {
    const k = `${g.account}\u0000${principalOf(g)}`;
    const c = cell.get(k);
    if (c) c.push(g);
    else cell.set(k, [g]);
  }
  const span = (g: (typeof grants)[number], label: string) =>
    `<span class="ps${g.expires ? " exp" : ""}" data-principal="${esc(principalOf(g))}" data-ps="${esc(g.permissionSet)}">${esc(label)}${g.expires ? ` until ${esc(g.expires)}` : ""}</span>`;
  const byAccount = new Map<string, typeof grants>();
  for (const g of grants) {
    const list = byAccount.get(g.account);
    if (list) list.push(g);
    else byAccount.set(g.account, [g]);
  }
  const byPs = (x: Grant, y: Grant) => cmp(x.permissionSet, y.permissionSet);
  // A grid while it stays readable; past MATRIX_CELLS one cell per account lists "principal: set".
  const grid = accounts.length * principals.length <= (settings.matrixCells ?? MATRIX_CELLS);
  const matrix = grid
    ? `<table id="matrix"><thead><tr><th>account</th><th>OU</th>${principals.map((p) => `<th data-principal="${esc(p)}">${esc(p)}</th>`).join("")}</tr></thead><tbody>${accounts
        .map((a) => {
          const tds = principals.map((p) => {
            const gs = [...(cell.get(`${a.account}\u0000${p}`) ?? [])].sort(byPs);
            return `<td data-principal="${esc(p)}"${gs.length ? "" : ' class="empty"'}>${gs.map((g) => span(g, g.permissionSet)).join(" ") || "·"}</td>`;
          });
          return `<tr ${attrs(a)}><td><code>${esc(a.account)}</code> ${esc(a.accountId)}</td><td>${esc(a.ou ?? "")}</td>${tds.join("")}</tr>`;
        })
        .join("")}</tbody></table>`
    : `<table id="matrix"><thead><tr><th>account</th><th>OU</th><th>who has what (${principals.length} groups and users)</th></tr></thead><tbody>${accounts
        .map((a) => {
          const gs = [...(byAccount.get(a.account) ?? [])].sort((x, y) => cmp(principalOf(x), principalOf(y)) || byPs(x, y));
          return `<tr ${attrs(a)}><td><code>${esc(a.account)}</code> ${esc(a.accountId)}</td><td>${esc(a.ou ?? "")}</td><td>${gs.map((g) => span(g, `${principalOf(g)}: ${g.permissionSet}`)).join(" ")}</td></tr>`;
        })
        .join("")}</tbody></table>`;

  const grantRows = grants
    .sort((x, y) => cmp(principalOf(x), principalOf(y)) || cmp(x.permissionSet, y.permissionSet) || cmp(x.account, y.account))
    .map(
      (g) =>
        `<tr ${attrs(g)} data-principal="${esc(principalOf(g))}" data-ps="${esc(g.permissionSet)}"><td>${esc(principalOf(g))}</td><td>${esc(g.permissionSet)}</td><td><code>${esc(g.account)}</code> ${esc(g.accountId)}</td><td>${esc(g.ou ?? "")}</td><td>${esc(g.expires ?? "")}</td><td>${esc(g.source)}</td></tr>`,
    )
    .join("");

  const permissionSets = report.workspaces.flatMap((ws) => ws.identityCenter.permissionSets.map((p) => ({ ...p, workspace: ws.name })));
  const psRows = permissionSets
    .map(
      (p) =>
        `<tr data-ps="${esc(p.name)}"><td>${esc(p.name)}${p.name === p.key ? "" : ` <span class="meta">(key ${esc(p.key)})</span>`}</td><td>${esc(p.sessionDuration)}</td><td>${list(p.policies)}</td><td>${statements(p.inlineStatements ?? [])}</td><td>${esc(p.permissionsBoundary ?? "·")}</td><td>${esc(p.workspace)}</td></tr>`,
    )
    .join("");

  const roles = report.workspaces.flatMap((ws) => ws.githubOidc.roles.map((r) => ({ ...r, workspace: ws.name })));
  const roleRows = roles
    .map(
      (r) =>
        `<tr><td><code>${esc(r.name)}</code></td><td><code>${esc(r.account)}</code> ${esc(r.accountId)}</td><td>${list(r.subjects)}</td><td>${list(r.policies)}${r.readOnly ? " (read-only)" : ""}</td><td>${statements(r.inlinePolicies.flatMap((p) => p.statements.map((s) => `${p.name}: ${s}`)))}</td><td>${esc(r.workspace)}</td></tr>`,
    )
    .join("");

  const scps = report.workspaces.flatMap((ws) => ws.guardrails.policies.map((p) => ({ ...p, workspace: ws.name })));
  const scpRows = scps
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${list(p.targets)}</td><td>${list(p.exemptions.length ? p.exemptions : ["nobody"])}</td><td class="${p.uncoveredAccounts?.length ? "warn" : ""}">${p.uncoveredAccounts ? list(p.uncoveredAccounts) : "unknown"}</td><td>${statements(p.statements)}</td><td>${esc(p.workspace)}</td></tr>`,
    )
    .join("");

  const hazards = [...report.workspaces.flatMap((ws) => ws.hazards.map((h) => ({ ...h, workspace: ws.name }))), ...report.hazards.map((h) => ({ ...h, workspace: "" }))];
  const hazardItems = hazards
    .map((h) => `<li><b>${esc(h.kind)}</b>${h.code ? ` ${esc(h.code)}` : ""}: ${esc(h.message)}${h.where ? ` <span class="meta">(${esc(h.where)})</span>` : ""}</li>`)
    .join("");

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>keyless: effective access on ${esc(report.evaluationDate)}</title>
<style>${STYLE}</style></head><body>
<h1>Effective access</h1>
<p class="meta">Evaluated on ${esc(report.evaluationDate)}: ${report.workspaces.length} workspaces (${report.workspaces.map((w) => esc(w.name)).join(", ")}), ${grants.length} account assignments, ${roles.length} GitHub roles, ${scps.length} SCPs.${
    report.managementAccount ? ` SCPs never apply to the management account <code>${esc(report.managementAccount)}</code>.` : ""
  }</p>
<div class="filters">${options(
    "f-account",
    "Account",
    accounts.map((a) => a.account),
  )}${options("f-ou", "OU", ous)}${options("f-principal", "Group or user", principals)}${options("f-ps", "Permission set", sets)}<label>Search <input id="f-text" type="search"></label></div>
<h2>Who has what, where</h2>
${matrix}
<h2>Grants (<span id="grant-count">${grants.length}</span>)</h2>
<table id="grants"><thead><tr><th>principal</th><th>permission set</th><th>account</th><th>OU</th><th>expires</th><th>source</th></tr></thead><tbody>${grantRows}</tbody></table>
<h2>Permission sets</h2>
${permissionSets.length ? `<table id="permission-sets"><thead><tr><th>permission set</th><th>session</th><th>managed policies</th><th>inline statements</th><th>boundary</th><th>workspace</th></tr></thead><tbody>${psRows}</tbody></table>` : "<p>None owned here.</p>"}
<h2>GitHub Actions roles</h2>
${roles.length ? `<table id="roles"><thead><tr><th>role</th><th>account</th><th>who can assume it (sub)</th><th>policies</th><th>inline statements</th><th>workspace</th></tr></thead><tbody>${roleRows}</tbody></table>` : "<p>None.</p>"}
<h2>Guardrail coverage</h2>
${scps.length ? `<table id="guardrails"><thead><tr><th>SCP</th><th>attached to</th><th>exempt</th><th>active accounts it does not reach</th><th>statements</th><th>workspace</th></tr></thead><tbody>${scpRows}</tbody></table>` : "<p>None.</p>"}
<h2>Hazards</h2>
${hazards.length ? `<ul class="hz" id="hazards">${hazardItems}</ul>` : "<p>None.</p>"}
<script>${SCRIPT}</script>
</body></html>
`;
}
