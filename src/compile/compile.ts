import type { Organization } from "../../modules/generated/organization";
import type { Workspace } from "../../modules/generated/workspace";
import { ORGANIZATION_ACCOUNT_ACCESS_ROLE } from "../aws-limits";
import { AcknowledgedDiagnostic, cmp, Diagnostic, hasErrors } from "../diagnostics/diagnostic";
import { loadDefinitions, LoadedDefinitions, LoadOptions } from "../load/load";
import { AccessPlan, AccountRef, BackendPlan, WorkspacePlan } from "../plan";
import { applyAcknowledgements } from "../rules/acknowledgements";
import { PLAN_CHECKS } from "../rules/checks";
import { runPlanRules } from "../rules/runner";
import { withSubjects } from "../rules/subjects";
import { validateSource } from "../validate/validate";
import { CompileOptions, sortedTags, WorkspaceContext } from "./context";
import { collectGithubOidc, compileGithubOidc } from "./github-oidc";
import { collectGuardrails, compileGuardrails } from "./guardrails";
import { checkGroupKinds, collectIdentityCenter, compileIdentityCenter } from "./identity-center";
import { checkEvaluationDate } from "./identity-center/expiry";
import { expandPermissionSetVariants } from "./identity-center/variants";
import { attachImports } from "./imports";
import { Inventory } from "./inventory";
import { Registry } from "./declarations";
import { Reporter } from "./reporter";
import { terraformSettings } from "./terraform-settings";

export interface CompileResult {
  /** Present when there is no error (warnings allowed). */
  readonly plan?: AccessPlan;
  /** Findings in force: errors fail the run. Each carries a subject where it has one. */
  readonly diagnostics: readonly Diagnostic[];
  /** Findings accepted by an `acknowledgements:` entry: they do not fail the run. */
  readonly acknowledged: readonly AcknowledgedDiagnostic[];
}

/** load -> validate -> resolve -> plan, for a folder of workspace definitions. Never throws for bad input. */
export function compile(options: LoadOptions & CompileOptions): CompileResult {
  const result = compileDefinitions(loadDefinitions(options), options);
  if (!result.plan) return result;
  // Objects adopted with `keyless import` (imports/<workspace>.json): Terraform import blocks.
  const adopted = attachImports(result.plan, options);
  if (!adopted.diagnostics.length) return { ...result, plan: adopted.plan };
  return { diagnostics: [...result.diagnostics, ...adopted.diagnostics], acknowledged: result.acknowledged };
}

export function compileDefinitions(loaded: LoadedDefinitions, options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const badDate = checkEvaluationDate(options.evaluationDate);
  if (badDate) return { diagnostics: [...diagnostics, badDate], acknowledged: [] };
  if (loaded.organization) diagnostics.push(...validateSource("organization", loaded.organization));
  for (const ws of loaded.workspaces) diagnostics.push(...validateSource("workspace", ws.source));
  if (hasErrors(diagnostics) || !loaded.organization) return { diagnostics, acknowledged: [] };

  const reporter = new Reporter();
  const inventory = new Inventory(loaded.organization, reporter);
  const registry = new Registry();
  const contexts: WorkspaceContext[] = loaded.workspaces.map((ws) => ({
    name: ws.name,
    source: ws.source,
    def: expandPermissionSetVariants(ws.source.data as Workspace, ws.source, reporter),
    inventory,
    registry,
    reporter,
    options,
  }));

  for (const ctx of contexts) {
    collectIdentityCenter(ctx);
    collectGuardrails(ctx);
    collectGithubOidc(ctx);
  }
  checkGroupKinds(contexts);
  const backends = new Map(contexts.map((c) => [c.name, backendPlan(c)]));
  const workspaces = contexts.map((c) => compileWorkspace(c, backends));
  const organization = {
    managementAccount: inventory.managementAccount,
    accounts: [...inventory.accounts.values()].map((a) => ({ name: a.name, id: a.id, ou: a.ou, status: a.status })).sort((x, y) => cmp(x.name, y.name)),
  };
  const plan: AccessPlan = { partition: inventory.partition, workspaces, organization };
  const sources = new Map([inventory.source, ...contexts.map((c) => c.source)].map((s) => [s.file, s]));
  diagnostics.push(...reporter.diagnostics);
  // Most rules need a complete plan: after a compile error it misses what failed, and "never assigned"
  // would be noise. Quota and size rules are exact on what compiled, so they always run.
  const complete = !hasErrors(diagnostics);
  const checks = PLAN_CHECKS.filter((r) => complete || r.alsoOnErrors);
  diagnostics.push(...runPlanRules(checks, { plan, inventory, definitions: new Map(contexts.map((c) => [c.name, c.def])) }, sources));
  const located = withSubjects(diagnostics, new Map(contexts.map((c) => [c.source.file, { name: c.name, def: c.def }])));
  const { diagnostics: inForce, acknowledged } = applyAcknowledgements(
    located,
    contexts.map((c) => ({ source: c.source, acknowledgements: c.def.acknowledgements ?? [] })),
  );
  if (hasErrors(inForce)) return { diagnostics: inForce, acknowledged };
  return { plan, diagnostics: inForce, acknowledged };
}

function compileWorkspace(ctx: WorkspaceContext, backends: ReadonlyMap<string, BackendPlan>): WorkspacePlan {
  const { def, inventory } = ctx;
  const accountRef = def.aws.account ?? inventory.managementAccount;
  const account = inventory.requireAccount(accountRef, ctx.source, def.aws.account ? ["aws", "account"] : [], ctx.reporter) ?? { name: accountRef, id: "000000000000" };
  const identityCenter = compileIdentityCenter(ctx, (ws) => backends.get(ws)!);
  const guardrails = compileGuardrails(ctx);
  const githubOidc = compileGithubOidc(ctx);
  const members = new Map<string, AccountRef>();
  for (const p of githubOidc.providers) members.set(p.account.name, p.account);
  for (const r of githubOidc.roles) members.set(r.account.name, r.account);
  const retainedProviders = retainProviders(ctx, members);
  const backend = backendPlan(ctx);
  return {
    name: ctx.name,
    file: ctx.source.file,
    description: def.description,
    backend,
    terraform: terraformSettings(def, inventory.source.data as Organization, backend),
    aws: {
      region: def.aws.region,
      partition: inventory.partition,
      account: { name: account.name, id: account.id },
      memberAccountRole: def.aws.memberAccountRole ?? ORGANIZATION_ACCOUNT_ACCESS_ROLE,
      defaultTags: sortedTags(def.aws.defaultTags, def.aws.keylessTags === false ? {} : { ManagedBy: "keyless", KeylessWorkspace: ctx.name }),
    },
    memberAccounts: [...members.values()].sort((a, b) => cmp(a.name, b.name)),
    ...(retainedProviders.length ? { retainedProviders } : {}),
    identityCenter,
    guardrails,
    githubOidc,
  };
}

/** `aws.retainProviders`: accounts whose provider stays for what the state still holds there (KL902 as a reminder). */
function retainProviders(ctx: WorkspaceContext, members: ReadonlyMap<string, AccountRef>): AccountRef[] {
  const out: AccountRef[] = [];
  (ctx.def.aws.retainProviders ?? []).forEach((ref, i) => {
    const at = ["aws", "retainProviders", i];
    const a = ctx.inventory.requireAccount(ref, ctx.source, at, ctx.reporter);
    if (!a) return;
    if (members.has(a.name)) {
      ctx.reporter.warn(
        "KL902",
        ctx.source,
        at,
        `account ${a.name} is listed in aws.retainProviders, but the workspace still manages resources there: the entry does nothing`,
        "remove the entry",
      );
      return;
    }
    ctx.reporter.warn(
      "KL902",
      ctx.source,
      at,
      `provider aws.${a.name} is kept although the workspace declares no resource in account ${a.name}, so that Terraform can destroy what its state still holds there`,
      "once terraform apply has destroyed them (the plan shows no more destroys in that account), remove the entry",
    );
    out.push({ name: a.name, id: a.id });
  });
  return out.sort((a, b) => cmp(a.name, b.name));
}

function backendPlan(ctx: WorkspaceContext): BackendPlan {
  const b = ctx.def.backend ?? {};
  if (b.s3) {
    return {
      type: "s3",
      bucket: b.s3.bucket,
      key: b.s3.key,
      region: b.s3.region,
      useLockfile: b.s3.useLockfile ?? true,
      encrypt: b.s3.encrypt ?? true,
      kmsKeyId: b.s3.kmsKeyId,
      roleArn: b.s3.roleArn,
    };
  }
  if (b.cloud) {
    return { type: "cloud", organization: b.cloud.organization, workspace: b.cloud.workspace, project: b.cloud.project, hostname: b.cloud.hostname ?? "app.terraform.io" };
  }
  return { type: "local", path: b.local?.path ?? `terraform.tfstate.d/${ctx.name}/terraform.tfstate` };
}
