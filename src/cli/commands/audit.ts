import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { AccountAuditSnapshot, auditProgress, AuditReport, buildAudit, DirectorySnapshot } from "../../brownfield/audit";
import { auditHtml } from "../../brownfield/audit-html";
import { auditMarkdown } from "../../brownfield/audit-markdown";
import type { Command } from "../command";
import { EXIT, InputError, UsageError } from "../context";
import { oneOf, str } from "../options";
import { aws } from "./aws-modules";
import { AWS_OPTIONS, awsSession, fromAws, writeAtomically } from "./aws-options";

function readPrevious(file: string): AuditReport {
  if (!existsSync(file)) throw new InputError(`--since ${file}: the file does not exist`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(`--since ${file}: not JSON (${(e as Error).message}); pass a file written by keyless audit --format json`);
  }
  if ((data as AuditReport)?.kind !== "keyless-audit")
    throw new InputError(`--since ${file}: found no "kind": "keyless-audit"; pass a file written by keyless audit --format json`);
  return data as AuditReport;
}

export const auditCommand: Command = {
  name: "audit",
  summary: "list the IAM users and long-lived credentials left in every active account, with a migration plan",
  details: [
    "Per active account: IAM users, console passwords, access keys with age and last use, MFA, SSH keys, signing certificates, service-specific credentials, and the root user's password, keys and MFA. Each IAM user gets the Identity Center user (by user name or email tag) or group (by IAM group name) that replaces it, the keys unused for 90 days (deactivate those first) and what still blocks its deletion.",
    "Exit 1 while long-lived credentials remain (or an account cannot be read), so CI can gate on it. --date fixes the day ages are counted to; --since <earlier.json> adds the progress since an earlier audit.",
    "Read-only: organizations:DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent; sts:AssumeRole into the member-account role; in each account iam:ListUsers, ListUserTags, ListGroupsForUser, GetLoginProfile, ListMFADevices, ListAccessKeys, GetAccessKeyLastUsed, ListSSHPublicKeys, ListSigningCertificates, ListServiceSpecificCredentials, GenerateCredentialReport, GetCredentialReport, GetAccountSummary; sso:ListInstances, identitystore:ListUsers, ListGroups.",
  ],
  options: {
    format: { type: "string", value: "markdown|json|html", help: "report format (default: markdown; html: one self-contained page in the access report's style)" },
    output: { type: "string", value: "<file>", help: "write the report to this file instead of standard output" },
    since: { type: "string", value: "<file>", help: "an earlier `keyless audit --format json`: show the progress since" },
    account: { type: "string", multiple: true, value: "<name|id>", help: "only this account (repeatable)" },
    ...AWS_OPTIONS,
  },
  async run(io, values) {
    const format = oneOf("format", values.format, ["markdown", "json", "html"], "markdown");
    const date = str(values.date) ?? io.today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(Date.parse(date))) throw new UsageError(`--date must be YYYY-MM-DD, not "${date}"`);
    const previous = str(values.since) ? readPrevious(resolve(io.cwd, str(values.since)!)) : undefined;
    const wanted = (values.account as string[] | undefined) ?? [];
    const session = awsSession(io, values);
    const { readOrganization, readInstance, readDirectory, readAccountCredentials, awsErrorText } = aws();
    const org = await fromAws("the organization", () => readOrganization(session.organizations()));
    const accounts = org.accounts.filter((a) => a.state === "ACTIVE" && (!wanted.length || wanted.includes(a.id) || wanted.includes(a.name)));
    for (const w of wanted) if (!org.accounts.some((a) => a.id === w || a.name === w)) throw new InputError(`--account ${w}: no account of the organization has this name or id`);
    const directory: DirectorySnapshot = await fromAws("Identity Center", async () => {
      const instance = await readInstance(session.ssoAdmin());
      return instance ? readDirectory(session.identityStore(), instance.identityStoreId) : { users: [], groups: [] };
    });
    const snapshots: AccountAuditSnapshot[] = [];
    for (const a of accounts) {
      try {
        const { users, root } = await readAccountCredentials(await session.iam(a.id));
        snapshots.push({ id: a.id, name: a.name, users, root });
      } catch (e) {
        snapshots.push({ id: a.id, name: a.name, error: awsErrorText(e), users: [] });
      }
    }
    const report = buildAudit(snapshots, { users: directory.users, groups: directory.groups }, date);
    const progress = previous ? auditProgress(previous, report) : undefined;
    const text =
      format === "json"
        ? JSON.stringify(progress ? { ...report, progress } : report, null, 2) + "\n"
        : format === "html"
          ? auditHtml(report, progress)
          : auditMarkdown(report, progress);
    const out = str(values.output);
    if (out) {
      writeAtomically(resolve(io.cwd, out), text);
      io.stderr(`keyless audit: wrote ${out}`);
    } else io.stdout(text.replace(/\n$/, ""));
    const t = report.totals;
    if (t.longLived || t.unreadable) {
      io.stderr(`keyless audit: ${t.longLived} long-lived credential(s) remain${t.unreadable ? `, ${t.unreadable} account(s) could not be read` : ""}.`);
      return EXIT.findings;
    }
    return EXIT.ok;
  },
};
