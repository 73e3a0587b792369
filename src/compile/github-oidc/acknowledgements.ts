import type { GithubRoleAllow } from "../../../modules/generated/workspace";
import { DiagnosticCode } from "../../diagnostics/codes";
import { JsonPath } from "../../diagnostics/diagnostic";
import { GithubOptInPlan } from "../../plan";
import { reasonProblem } from "../../rules/acknowledgements";
import { WorkspaceContext } from "../context";

export type AllowKind = keyof GithubRoleAllow;

/**
 * The `allow` block of one role: each risky input is an error unless its kind is acknowledged with a
 * reason; every acknowledgement used is reported as a warning (and lands in the plan for the report),
 * and one that nothing needs is reported too, so stale exceptions do not linger.
 */
export class Acknowledgements {
  private readonly used = new Map<AllowKind, string[]>();

  constructor(
    private readonly ctx: WorkspaceContext,
    private readonly allow: GithubRoleAllow | undefined,
    private readonly roleAt: JsonPath,
  ) {}

  /** Reports `code` at `path` unless `kind` is acknowledged; true when acknowledged. */
  require(kind: AllowKind, code: DiagnosticCode, path: JsonPath, message: string, fix: string, detail: string): boolean {
    if (this.allow?.[kind] === undefined) {
      this.ctx.reporter.error(
        code,
        this.ctx.source,
        path,
        message,
        `${fix}; or, if this is intended, acknowledge it on the role with allow.${kind}: "<why, in at least ten characters>"`,
      );
      return false;
    }
    const details = this.used.get(kind) ?? [];
    if (!details.includes(detail)) details.push(detail);
    this.used.set(kind, details);
    return true;
  }

  /** Reports used and unused acknowledgements; returns the used ones, sorted by kind. */
  finish(): GithubOptInPlan[] {
    const out: GithubOptInPlan[] = [];
    for (const kind of Object.keys(this.allow ?? {}).sort() as AllowKind[]) {
      const reason = this.allow![kind]!;
      const at = [...this.roleAt, "allow", kind];
      const details = this.used.get(kind);
      if (!details) {
        this.ctx.reporter.warn("KL513", this.ctx.source, at, `allow.${kind} is given but nothing on this role needs it`, `remove allow.${kind}`);
        continue;
      }
      const problem = reasonProblem(reason);
      if (problem) {
        this.ctx.reporter.error(
          "KL691",
          this.ctx.source,
          at,
          `the reason for allow.${kind} is not a real sentence: ${problem}`,
          "say why the exception is acceptable, for example who decided it and until when",
        );
        continue;
      }
      const detail = details.join("; ");
      this.ctx.reporter.warn("KL512", this.ctx.source, at, `explicitly allowed: ${detail} (reason: ${reason})`, "review this exception; remove it when it is no longer needed");
      out.push({ kind, reason, detail });
    }
    return out;
  }
}
