import { createHash } from "node:crypto";

/**
 * A Terraform identifier derived from a name, never from a position. Names that are already valid
 * identifiers are kept as they are; others get their odd characters replaced and a short hash of the
 * original appended, so two different names can never share an address.
 */
export function terraformName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) return name;
  const safe = name.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^(?=[0-9-])/, "_");
  return `${safe}_${createHash("sha256").update(name).digest("hex").slice(0, 6)}`;
}

/** The logical id of the GitHub OIDC provider resource of an account (`aws_iam_openid_connect_provider.<id>`). */
export function githubProviderLogicalId(accountName: string): string {
  return `github_${terraformName(accountName)}`;
}
