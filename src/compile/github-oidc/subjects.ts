import type { GithubOidcRole, GithubSubject } from "../../../modules/generated/workspace";
import { cmp, JsonPath } from "../../diagnostics/diagnostic";
import { hasWildcard } from "../../policy/github-trust-policy";
import { GithubSubjectPlan } from "../../plan";
import { WorkspaceContext } from "../context";
import { Acknowledgements } from "./acknowledgements";

export interface ClassifiedSubjects {
  readonly githubSubjects: GithubSubjectPlan[];
  /** For StringEquals. */
  readonly exact: string[];
  /** For StringLike, in their own statement. */
  readonly patterns: string[];
}

/** Only wildcards (and slashes): matches any branch, tag or environment. */
const matchesAnything = (s: string) => /^[*?/]+$/.test(s) && hasWildcard(s);

/**
 * Checks an `OWNER/REPO` (ids stripped) against the rules: an owner of only wildcards is always
 * rejected; other wildcards, and `OWNER/*`, need an acknowledgement.
 */
export function checkRepository(ctx: WorkspaceContext, ack: Acknowledgements, ownerRepo: string, path: JsonPath): void {
  const slash = ownerRepo.indexOf("/");
  const owner = (slash < 0 ? ownerRepo : ownerRepo.slice(0, slash)).replace(/@\d+$/, "");
  const repo = slash < 0 ? undefined : ownerRepo.slice(slash + 1).replace(/@\d+$/, "");
  if (owner === "" || matchesAnything(owner)) {
    ctx.reporter.error(
      "KL504",
      ctx.source,
      path,
      `"${ownerRepo}" matches repositories of every owner on GitHub, so any stranger's workflow could assume the role`,
      "name the owner and repository exactly, for example acme/app",
    );
    return;
  }
  if (hasWildcard(owner)) {
    ack.require(
      "wildcardRepository",
      "KL505",
      path,
      `owner "${owner}" has a wildcard, so it also matches look-alike owners that anyone can register`,
      "name the owner exactly",
      `wildcard owner ${owner}`,
    );
  }
  if (repo === "*") {
    ack.require(
      "organizationWide",
      "KL506",
      path,
      `"${owner}/*" admits every repository of ${owner}, including forks of public ones and repositories created later`,
      "name the repository, or declare one role per repository",
      `every repository of ${owner}`,
    );
  } else if (repo !== undefined && hasWildcard(repo)) {
    ack.require(
      "wildcardRepository",
      "KL505",
      path,
      `repository "${repo}" has a wildcard, so it also matches look-alike repositories`,
      "name the repository exactly",
      `wildcard repository ${owner}/${repo}`,
    );
  }
}

/** The `sub` claims GitHub sends for a typed subject, under each repository form. */
function claimsFor(s: GithubSubject, bases: readonly string[]): string[] {
  if (s.custom !== undefined) return [s.custom];
  const suffix =
    s.branch !== undefined
      ? `ref:refs/heads/${s.branch}`
      : s.tag !== undefined
        ? `ref:refs/tags/${s.tag}`
        : s.environment !== undefined
          ? `environment:${s.environment}`
          : "pull_request";
  return bases.map((b) => `${b}:${suffix}`);
}

function kindOf(s: GithubSubject): GithubSubjectPlan["kind"] {
  if (s.branch !== undefined) return "branch";
  if (s.tag !== undefined) return "tag";
  if (s.environment !== undefined) return "environment";
  if (s.custom !== undefined) return "custom";
  return "pullRequest";
}

/** Typed subjects -> claims, checking each against the rules. `pullRequest` write checks happen later. */
export function classifySubjects(ctx: WorkspaceContext, ack: Acknowledgements, role: GithubOidcRole, at: JsonPath): ClassifiedSubjects {
  const bases = [`repo:${role.repository}`];
  checkRepository(ctx, ack, role.repository, [...at, "repository"]);
  const ids = [role.ownerId, role.repositoryId].filter((x) => x !== undefined).length;
  if (ids === 1) {
    ctx.reporter.error(
      "KL518",
      ctx.source,
      [...at, role.ownerId === undefined ? "repositoryId" : "ownerId"],
      "only one of ownerId and repositoryId is given; the immutable subject form needs both",
      "give both ownerId and repositoryId (from the GitHub API: GET /repos/OWNER/REPO, fields owner.id and id), or neither",
    );
  } else if (ids === 2 && hasWildcard(role.repository)) {
    ctx.reporter.error(
      "KL518",
      ctx.source,
      [...at, "repositoryId"],
      `ownerId and repositoryId identify one repository, but repository "${role.repository}" has wildcards`,
      "remove the ids, or name the repository exactly",
    );
  } else if (ids === 2) {
    const [owner, repo] = role.repository.split("/");
    bases.push(`repo:${owner}@${role.ownerId}/${repo}@${role.repositoryId}`);
  }

  const githubSubjects: GithubSubjectPlan[] = [];
  role.subjects.forEach((s, i) => {
    const path = [...at, "subjects", i];
    const kind = kindOf(s);
    const value = s.branch ?? s.tag ?? s.environment ?? s.custom;
    const control = value === undefined ? undefined : /[\u0000-\u001f\u007f\u2028\u2029]/u.exec(value);
    if (control) {
      ctx.reporter.error(
        "KL520",
        ctx.source,
        [...path, kind],
        `${kind} ${JSON.stringify(value)} holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}): GitHub never sends one in a sub claim, and a newline would break out of the pull-request comment that quotes it`,
        `write the ${kind} on one line, without control characters`,
      );
      return;
    }
    if (kind === "custom") checkCustom(ctx, ack, value!, [...path, "custom"]);
    else if (value !== undefined && matchesAnything(value)) {
      ack.require(
        "anyRef",
        "KL507",
        [...path, kind],
        `${kind} "${value}" admits every ${kind}, so anyone who can push to ${role.repository} can assume the role`,
        `name the ${kind} exactly`,
        `any ${kind} of ${role.repository}`,
      );
    } else if (value !== undefined && hasWildcard(value)) {
      const ruleset = gitHubRulesetPattern(value);
      ack.require(
        "wildcardSubjects",
        "KL508",
        [...path, kind],
        `${kind} "${value}" has a wildcard; it admits every ${kind} matching the pattern, including ones anyone with push access can create. IAM's * and ? also match "/", so it admits "${crossingExample(value)}" too, which a GitHub ruleset pattern "${value}" does not protect (GitHub's * stops at "/")`,
        `name the ${kind} exactly, or protect "${ruleset}" with repository rulesets (GitHub's ** crosses "/", as IAM's * does)`,
        `${kind} pattern ${value}`,
      );
    }
    githubSubjects.push({ kind, ...(value !== undefined ? { value } : {}), claims: claimsFor(s, bases) });
  });

  const all = [...new Set(githubSubjects.flatMap((s) => s.claims))].sort(cmp);
  return { githubSubjects, exact: all.filter((c) => !hasWildcard(c)), patterns: all.filter(hasWildcard) };
}

/** The ruleset pattern that protects every ref an IAM pattern admits: each `*` as `**`, `?` as `*`. */
export function gitHubRulesetPattern(iamPattern: string): string {
  return iamPattern.replace(/\*+/g, "**");
}

/** A ref the IAM pattern admits with a "/" where GitHub's single-segment `*` would stop. */
function crossingExample(iamPattern: string): string {
  return iamPattern.replace(/\*/g, "x/y").replace(/\?/g, "/");
}

/** `repo:OWNER/REPO:` (ids allowed) with no wildcard: what a custom subject's fixed part must start with. */
const PINNED_REPOSITORY = /^repo:[^*?/:]+\/[^*?/:]+:/;

function checkCustom(ctx: WorkspaceContext, ack: Acknowledgements, claim: string, path: JsonPath): void {
  if (claim.includes("${")) {
    ctx.reporter.error(
      "KL504",
      ctx.source,
      path,
      `custom subject "${claim}" contains "\${", which IAM reads as a policy variable and replaces at evaluation time, so the subject matches something other than what is written`,
      "remove the ${...} part; name the owner, repository and ref literally",
    );
    return;
  }
  if (!PINNED_REPOSITORY.test(claim)) {
    const everyone = /^[*?]/.test(claim) || /^repo:([*?]|$)/.test(claim);
    const why = everyone
      ? "matches tokens of every repository on GitHub, so any stranger's workflow could assume the role"
      : "does not start with a fixed repo:OWNER/REPO: (no wildcard before its third colon), so workflows of other owners or repositories could assume the role; no allow can waive this";
    ctx.reporter.error(
      "KL504",
      ctx.source,
      path,
      `custom subject "${claim}" ${why}`,
      "use typed subjects (branch, tag, environment, pullRequest), or a custom subject that starts with repo:OWNER/REPO:",
    );
    return;
  }
  if (claim.startsWith("repo:")) {
    const rest = claim.slice("repo:".length);
    const colon = rest.indexOf(":");
    checkRepository(ctx, ack, colon < 0 ? rest : rest.slice(0, colon), path);
    const tail = colon < 0 ? "" : rest.slice(colon + 1);
    if (colon >= 0 && matchesAnything(tail)) {
      ack.require(
        "anyRef",
        "KL507",
        path,
        `custom subject "${claim}" admits every branch, tag, environment and pull request of the repository`,
        "use typed subjects (branch, tag, environment, pullRequest)",
        `any run of ${rest.slice(0, colon)}`,
      );
    }
  }
  ack.require(
    "customSubject",
    "KL511",
    path,
    `custom subject "${claim}" is not one keyless builds from typed subjects, so it cannot check what it admits`,
    "use typed subjects (branch, tag, environment, pullRequest)",
    `custom subject ${claim}`,
  );
}
