import type { PlanRule } from "../plan-rule";
import { subject } from "../subjects";

/**
 * Group descriptions that present a principal as emergency access for when the
 * IdP is down. A name alone is not enough: a managed "BreakGlass" group may have another purpose.
 */
const FALLBACK = /break[\s_-]?glass|outside the idp|without the idp|when the idp|idp (is )?(down|unavailable)|idp outage|identity provider (is )?(down|unavailable)/i;

/**
 * KL805: managed (Identity Center directory) groups or users presented as break-glass while the
 * organization uses an external identity source, under which every sign-in goes through the IdP.
 */
export const breakGlassDirectoryUsers: PlanRule = {
  name: "break-glass-directory-users",
  codes: ["KL805"],
  check(ctx) {
    const defs = [...ctx.definitions.values()];
    const external = defs.some(
      (d) =>
        Object.values(d.identityCenter?.groups ?? {}).some((g) => g.source === "external") || Object.values(d.identityCenter?.users ?? {}).some((u) => u.source === "external"),
    );
    if (!external) return [];
    return ctx.plan.workspaces.flatMap((w) => {
      const ic = ctx.definitions.get(w.name)?.identityCenter;
      const groups = Object.entries(ic?.groups ?? {})
        .filter(([, g]) => g.source === "managed" && FALLBACK.test(g.description ?? ""))
        .map(([name]) => ({ name, subject: subject.group(name), path: ["identityCenter", "groups", name] }));
      return groups.map((p) => ({
        code: "KL805" as const,
        subject: p.subject,
        file: w.file,
        path: p.path,
        message: `managed group "${p.name}" is described as break-glass access, but this organization signs in through an external IdP: Identity Center directory users sign in through it too, so its members cannot sign in when the IdP is down`,
        fix: "keep break-glass as an IAM role or user with hardware MFA in the management account (README: Break-glass), exempt from the guardrails and alarmed; remove this group or describe what it is really for",
      }));
    });
  },
};
