import type { AuditProgress, AuditReport, AuditedUser } from "./audit";

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

// The look of the effective-access report (src/report/html.ts): same palette, fonts and tables.
const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#57606a}table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font:12px ui-monospace,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px}
.warn{color:#9a6700}.ok{color:#1a7f37}span.tag{display:inline-block;background:#fff8c5;border-radius:10px;padding:0 7px;margin:1px}`;

function keys(u: AuditedUser): string {
  if (!u.accessKeys.length) return "none";
  return u.accessKeys
    .map((k) => {
      const used = k.lastUsed?.date ? `last used ${k.lastUsed.date} (${k.idleDays} days ago) ${k.lastUsed.service ?? ""} ${k.lastUsed.region ?? ""}` : "never used";
      return `<code>${esc(k.id)}</code> ${esc(k.status)}, ${k.ageDays} days old, ${esc(used.trim())}${k.deactivateFirst ? ' <span class="tag">deactivate first</span>' : ""}`;
    })
    .join("<br>");
}

/** The audit as one self-contained page (no script, no external asset), in the report's style. */
export function auditHtml(r: AuditReport, progress?: AuditProgress): string {
  const t = r.totals;
  const parts: string[] = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>IAM credential audit ${esc(r.date)}</title><style>${STYLE}</style></head><body>`,
    `<h1>IAM credential audit</h1><p class="meta">${esc(r.date)} · ${t.accounts} account(s) · ${t.users} IAM user(s)</p>`,
    t.longLived
      ? `<p class="warn"><strong>${t.longLived} long-lived credential(s) remain</strong>: ${t.activeAccessKeys} active access key(s) (${t.keysToDeactivateFirst} unused for 90+ days), ${t.passwords} console password(s), ${t.sshKeys} SSH key(s), ${t.signingCertificates} signing certificate(s), ${t.serviceCredentials} service-specific credential(s), ${t.rootPasswords} root password(s), ${t.rootAccessKeys} root access key(s).</p>`
      : `<p class="ok">No long-lived credentials remain.</p>`,
  ];
  if (progress) {
    parts.push(
      `<h2>Progress since ${esc(progress.since)}</h2><p>Long-lived credentials: ${progress.before.longLived} → ${t.longLived}; IAM users: ${progress.before.users} → ${t.users}; active access keys: ${progress.before.activeAccessKeys} → ${t.activeAccessKeys}.</p>`,
    );
    for (const [title, l] of [
      ["Users removed", progress.removedUsers],
      ["Keys retired", progress.retiredKeys],
      ["New users", progress.newUsers],
      ["New keys", progress.newKeys],
    ] as const) {
      if (l.length) parts.push(`<p>${title} (${l.length}): ${l.map((x) => `<code>${esc(x)}</code>`).join(", ")}</p>`);
    }
  }
  for (const a of r.accounts) {
    parts.push(`<h2>${esc(a.name)} <code>${esc(a.id)}</code></h2>`);
    if (a.error) {
      parts.push(`<p class="warn">Not read: ${esc(a.error)}</p>`);
      continue;
    }
    if (a.root) {
      const root = a.root;
      parts.push(
        `<p>Root user: password ${root.password ? "yes" : "no"}, access keys ${root.activeAccessKeys}, MFA ${root.mfa ? "yes" : "no"}${root.blocking.length ? `. <span class="warn">To do: ${esc(root.blocking.join("; "))}</span>` : ""}.</p>`,
      );
    }
    if (!a.users.length) {
      parts.push("<p>No IAM users.</p>");
      continue;
    }
    parts.push(
      "<table><thead><tr><th>IAM user</th><th>password</th><th>MFA</th><th>access keys</th><th>SSH / certificates / service credentials</th><th>replaced by</th><th>still blocking</th></tr></thead><tbody>",
    );
    for (const u of a.users) {
      const repl = u.replacement ? `${u.replacement.kind} ${u.replacement.name} (by ${u.replacement.matchedBy})` : "no match";
      parts.push(
        `<tr><td>${esc(u.userName)}</td><td>${u.password ? `yes${u.password.lastUsed ? `, last used ${esc(u.password.lastUsed)}` : ""}` : "no"}</td><td>${u.mfaDevices.length ? "yes" : "no"}</td><td>${keys(u)}</td><td>${u.sshKeys.length} / ${u.signingCertificates.length} / ${u.serviceCredentials.length}</td><td>${esc(repl)}</td><td>${esc(u.blocking.join("; ") || "nothing: delete the user")}</td></tr>`,
      );
    }
    parts.push("</tbody></table>");
  }
  parts.push("</body></html>");
  return parts.join("\n") + "\n";
}
