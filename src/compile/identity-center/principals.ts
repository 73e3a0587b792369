import { cmp, JsonPath } from "../../diagnostics/diagnostic";
import { suggestion } from "../../diagnostics/suggest";
import { GroupMembershipPlan, ManagedGroupPlan, ManagedUserPlan } from "../../plan";
import { WorkspaceContext } from "../context";
import { identityCenterRegistry } from "./declarations";

/**
 * The groups and users of one workspace: what it creates, and every principal it refers to that it
 * must look up (external, or created by another workspace). References are checked against every
 * workspace's declarations.
 */
export class Principals {
  readonly managedGroups: ManagedGroupPlan[];
  readonly managedUsers: ManagedUserPlan[] = [];
  readonly groupMemberships: GroupMembershipPlan[] = [];
  private readonly groupLookups = new Set<string>();
  private readonly userLookups = new Set<string>();
  /** External principals this workspace pins by identity store id: name -> id. */
  private readonly groupIds = new Map<string, string>();
  private readonly userIds = new Map<string, string>();
  private readonly localUsers = new Set<string>();

  constructor(private readonly ctx: WorkspaceContext) {
    const ic = ctx.def.identityCenter ?? {};
    const groups = Object.entries(ic.groups ?? {}).sort(([a], [b]) => cmp(a, b));
    this.managedGroups = groups.filter(([, g]) => g.source === "managed").map(([name, g]) => ({ name, description: g.description }));

    for (const [name, g] of groups) {
      if (g.id === undefined) continue;
      if (g.source === "managed") this.pinnedManaged("group", name, ["identityCenter", "groups", name, "id"]);
      else this.groupIds.set(name, g.id);
    }
    for (const [userName, u] of Object.entries(ic.users ?? {}).sort(([a], [b]) => cmp(a, b))) {
      const at = ["identityCenter", "users", userName];
      if (u.id !== undefined) {
        if (u.source === "managed") this.pinnedManaged("user", userName, [...at, "id"]);
        else this.userIds.set(userName, u.id);
      }
      if (u.source === "external") {
        const extra = (["displayName", "givenName", "familyName", "email"] as const).filter((k) => u[k] !== undefined);
        if (extra.length) {
          ctx.reporter.warn(
            "KL306",
            ctx.source,
            [...at, extra[0]],
            `external user "${userName}" sets ${extra.join(", ")}, which keyless ignores: your IdP owns external users' attributes`,
            "remove them, or make the user source: managed",
          );
        }
        continue;
      }
      const missing = (["displayName", "givenName", "familyName"] as const).filter((k) => !u[k]);
      if (missing.length) {
        ctx.reporter.error(
          "KL305",
          ctx.source,
          at,
          `managed user "${userName}" has no ${missing.join(", ")}; the identity store requires a display name, a given name and a family name`,
          `add ${missing.map((k) => `${k}: ...`).join(", ")}`,
        );
        continue;
      }
      this.localUsers.add(userName);
      this.managedUsers.push({ userName, displayName: u.displayName!, givenName: u.givenName!, familyName: u.familyName!, email: u.email });
    }

    for (const [group, g] of groups) {
      if (!g.members?.length) continue;
      const at = ["identityCenter", "groups", group, "members"];
      if (g.source !== "managed") {
        ctx.reporter.error(
          "KL210",
          ctx.source,
          at,
          `group "${group}" is external: its members come from your IdP, so keyless cannot set them`,
          "manage the membership in your IdP, or make the group source: managed",
        );
        continue;
      }
      g.members.forEach((user, i) => {
        if (!this.user(user, [...at, i])) return;
        this.need("USER", user);
        this.groupMemberships.push({ key: `${group}/${user}`, group, user });
      });
    }
    this.groupMemberships.sort((a, b) => cmp(a.key, b.key));
  }

  /** Checks a group reference by display name; reports KL204 when no workspace declares it. */
  group(name: string, at: JsonPath): boolean {
    const { registry } = this.ctx;
    if (!registry.managedGroups.get(name) && !registry.externalGroups.get(name)) {
      const all = [...new Set([...registry.managedGroups.keys(), ...registry.externalGroups.keys()])];
      this.ctx.reporter.error(
        "KL204",
        this.ctx.source,
        at,
        `group "${name}" is not declared in any workspace`,
        `${suggestion(name, all, "group")}; declare it under identityCenter.groups with source external (from your IdP) or managed`,
      );
      return false;
    }
    return true;
  }

  /**
   * Records that an emitted grant or membership needs the principal's id: principals created here are
   * referenced, the others looked up. Only grants in force call this, so a principal whose grants all
   * expired is not looked up (its IdP account is usually gone by then, and the lookup would fail).
   */
  need(type: "GROUP" | "USER", name: string): void {
    if (type === "GROUP") {
      if (!this.managedGroups.some((g) => g.name === name)) this.groupLookups.add(name);
    } else if (!this.localUsers.has(name)) this.userLookups.add(name);
  }

  /** Checks a user reference by user name; reports KL209 when no workspace declares it. */
  user(name: string, at: JsonPath): boolean {
    const icr = identityCenterRegistry(this.ctx.registry);
    if (!icr.managedUsers.get(name) && !icr.externalUsers.get(name)) {
      const all = [...new Set([...icr.managedUsers.keys(), ...icr.externalUsers.keys()])];
      this.ctx.reporter.error(
        "KL209",
        this.ctx.source,
        at,
        `user "${name}" is not declared in any workspace`,
        `${suggestion(name, all, "user")}; declare it under identityCenter.users with source external (from your IdP) or managed`,
      );
      return false;
    }
    return true;
  }

  /**
   * What the workspace must resolve: principals looked up by name, and the ones pinned by id (no
   * lookup, so an IdP rename breaks nothing), each sorted by name.
   */
  lookups(): { groups: string[]; users: string[]; pinnedGroups: { name: string; id: string }[]; pinnedUsers: { name: string; id: string }[] } {
    const split = (needed: Set<string>, ids: Map<string, string>) => {
      const names = [...needed].sort(cmp);
      return { lookups: names.filter((n) => !ids.has(n)), pinned: names.filter((n) => ids.has(n)).map((name) => ({ name, id: ids.get(name)! })) };
    };
    const g = split(this.groupLookups, this.groupIds);
    const u = split(this.userLookups, this.userIds);
    return { groups: g.lookups, users: u.lookups, pinnedGroups: g.pinned, pinnedUsers: u.pinned };
  }

  private pinnedManaged(kind: "group" | "user", name: string, at: JsonPath): void {
    this.ctx.reporter.error(
      "KL317",
      this.ctx.source,
      at,
      `managed ${kind} "${name}" is pinned to an identity store id, but keyless creates it and AWS chooses its id`,
      `remove id, or make the ${kind} source: external`,
    );
  }
}
