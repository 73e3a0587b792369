import type { AuditProgress, AuditReport, AuditedUser } from "./audit";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function keyText(u: AuditedUser): string {
  if (!u.accessKeys.length) return "none";
  return u.accessKeys
    .map((k) => {
      const used = k.lastUsed?.date ? `last used ${k.lastUsed.date} (${k.idleDays} days ago) ${k.lastUsed.service ?? ""} ${k.lastUsed.region ?? ""}`.trim() : "never used";
      return `${k.id} ${k.status}, ${k.ageDays} days old, ${used}${k.deactivateFirst ? ", **deactivate first**" : ""}`;
    })
    .join("<br>");
}

/** The audit as Markdown: totals, then per account the root user, IAM users and the migration plan. */
export function auditMarkdown(r: AuditReport, progress?: AuditProgress): string {
  const t = r.totals;
  const lines: string[] = [
    `# IAM credential audit, ${r.date}`,
    "",
    t.longLived
      ? `**${t.longLived} long-lived credential(s) remain** in ${t.accounts} account(s): ${t.activeAccessKeys} active access key(s) (${t.keysToDeactivateFirst} unused for 90+ days), ${t.passwords} console password(s), ${t.sshKeys} SSH key(s), ${t.signingCertificates} signing certificate(s), ${t.serviceCredentials} service-specific credential(s), ${t.rootPasswords} root password(s), ${t.rootAccessKeys} root access key(s).`
      : `No long-lived credentials remain in ${t.accounts} account(s).`,
  ];
  if (t.unreadable) lines.push("", `${t.unreadable} account(s) could not be read: they are listed below with the reason.`);
  if (progress) {
    lines.push(
      "",
      `## Progress since ${progress.since}`,
      "",
      `Long-lived credentials: ${progress.before.longLived} -> ${t.longLived}; IAM users: ${progress.before.users} -> ${t.users}; active access keys: ${progress.before.activeAccessKeys} -> ${t.activeAccessKeys}.`,
    );
    const part = (title: string, l: readonly string[]) => (l.length ? ["", `${title} (${l.length}): ${l.join(", ")}`] : []);
    lines.push(
      ...part("Users removed", progress.removedUsers),
      ...part("Keys retired", progress.retiredKeys),
      ...part("New users", progress.newUsers),
      ...part("New keys", progress.newKeys),
    );
  }
  for (const a of r.accounts) {
    lines.push("", `## ${a.name} (${a.id})`, "");
    if (a.error) {
      lines.push(`Not read: ${a.error}`);
      continue;
    }
    if (a.root) {
      const root = a.root;
      lines.push(
        `Root user: password ${root.password ? `yes${root.passwordLastUsed ? ` (last used ${root.passwordLastUsed})` : ""}` : "no"}, access keys ${root.activeAccessKeys}, MFA ${root.mfa ? "yes" : "no"}${root.blocking.length ? `. To do: ${root.blocking.join("; ")}` : ""}.`,
        "",
      );
    }
    if (!a.users.length) {
      lines.push("No IAM users.");
      continue;
    }
    lines.push(
      "| IAM user | password | MFA | access keys | SSH / certificates / service credentials | replaced by | still blocking |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const u of a.users) {
      const other = `${u.sshKeys.length} / ${u.signingCertificates.length} / ${u.serviceCredentials.length}`;
      const repl = u.replacement ? `${u.replacement.kind} ${u.replacement.name} (by ${u.replacement.matchedBy})` : "no match";
      lines.push(
        `| ${cell(u.userName)} | ${u.password ? `yes${u.password.lastUsed ? `, last used ${u.password.lastUsed}` : ""}` : "no"} | ${u.mfaDevices.length ? "yes" : "no"} | ${keyText(u)} | ${other} | ${cell(repl)} | ${cell(u.blocking.join("; ") || "nothing: delete the user")} |`,
      );
    }
  }
  return lines.join("\n") + "\n";
}
