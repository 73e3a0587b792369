import { cmp } from "../diagnostics/diagnostic";
import type { AccessPlan } from "../plan";
import { permissionSetNames } from "../report/identity-center";

/** Whose profiles: exactly one of group or user. */
export type ProfilePrincipal = { readonly group: string; readonly user?: undefined } | { readonly user: string; readonly group?: undefined };

export interface ProfilesOptions {
  /** The AWS access portal URL, https://<id>.awsapps.com/start. */
  readonly startUrl: string;
  /** Region of the Identity Center instance. */
  readonly ssoRegion: string;
  /** Default region of each profile. @default ssoRegion */
  readonly region?: string;
  /** Name of the `[sso-session]` block. @default "keyless" */
  readonly sessionName?: string;
}

export interface ProfileEntry {
  /** `<account>.<permission set>`: stable, and what `aws --profile` takes. */
  readonly profile: string;
  readonly account: string;
  readonly accountId: string;
  /** The permission set's AWS name: the role name the CLI asks for. */
  readonly permissionSet: string;
  /** How the principal gets it: `group Developers` or `user alice`. */
  readonly via: readonly string[];
}

/**
 * Every account x permission set the principal can use, over all workspaces: a user's own grants and
 * those of the managed groups keyless knows it belongs to. Memberships of external (SCIM) groups live
 * in the IdP, so for a user only direct and managed-group grants are found.
 */
export function profileEntries(plan: AccessPlan, who: ProfilePrincipal): ProfileEntry[] {
  const names = permissionSetNames(plan);
  const groups = new Set<string>();
  if (who.group !== undefined) groups.add(who.group);
  else for (const ws of plan.workspaces) for (const m of ws.identityCenter.groupMemberships) if (m.user === who.user) groups.add(m.group);
  const entries = new Map<string, { account: string; accountId: string; permissionSet: string; via: Set<string> }>();
  for (const ws of plan.workspaces) {
    for (const a of ws.identityCenter.assignments) {
      const mine = a.principalType === "GROUP" ? groups.has(a.principalName) : a.principalName === who.user;
      if (!mine) continue;
      const permissionSet = names.get(a.permissionSet) ?? a.permissionSet;
      const profile = `${a.account.name}.${permissionSet}`;
      const e = entries.get(profile) ?? { account: a.account.name, accountId: a.account.id, permissionSet, via: new Set<string>() };
      e.via.add(`${a.principalType === "GROUP" ? "group" : "user"} ${a.principalName}`);
      entries.set(profile, e);
    }
  }
  return [...entries.entries()]
    .sort((x, y) => cmp(x[0], y[0]))
    .map(([profile, e]) => ({ profile, account: e.account, accountId: e.accountId, permissionSet: e.permissionSet, via: [...e.via].sort(cmp) }));
}

export const START_URL = /^https:\/\/[^\s/]+(\/\S*)?$/;

/** The `~/.aws/config` text: one `[sso-session]` block, then one profile per entry. */
export function renderProfiles(entries: readonly ProfileEntry[], options: ProfilesOptions, header: readonly string[] = []): string {
  const session = options.sessionName ?? "keyless";
  const region = options.region ?? options.ssoRegion;
  const lines = [
    ...header.map((h) => `# ${h}`),
    `# Sign in once with: aws sso login --sso-session ${session}`,
    "",
    `[sso-session ${session}]`,
    `sso_start_url = ${options.startUrl}`,
    `sso_region = ${options.ssoRegion}`,
    "sso_registration_scopes = sso:account:access",
  ];
  for (const e of entries) {
    lines.push(
      "",
      `# ${e.account} (${e.accountId}), ${e.permissionSet}, through ${e.via.join(", ")}`,
      `[profile ${e.profile}]`,
      `sso_session = ${session}`,
      `sso_account_id = ${e.accountId}`,
      `sso_role_name = ${e.permissionSet}`,
      `region = ${region}`,
    );
  }
  return lines.join("\n") + "\n";
}
