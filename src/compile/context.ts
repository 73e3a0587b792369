import type { Workspace } from "../../modules/generated/workspace";
import { SourceFile } from "../load/source-file";
import { Inventory } from "./inventory";
import { Registry } from "./declarations";
import { Reporter } from "./reporter";

export interface CompileOptions {
  /** Date grants are evaluated at, YYYY-MM-DD. Default: today (UTC). */
  readonly evaluationDate?: string;
}

/** What an area compiler sees of one workspace. */
export interface WorkspaceContext {
  readonly name: string;
  readonly source: SourceFile;
  readonly def: Workspace;
  readonly inventory: Inventory;
  readonly registry: Registry;
  readonly reporter: Reporter;
  readonly options: CompileOptions;
}

/** AWS managed policy by name (`ReadOnlyAccess`, `job-function/ViewOnlyAccess`) or ARN. */
export function managedPolicyArn(nameOrArn: string, partition: string): string {
  if (nameOrArn.startsWith("arn:")) return nameOrArn;
  return `arn:${partition}:iam::aws:policy/${nameOrArn.replace(/^\/+/, "")}`;
}

/** Tags with keys in code-point order, so output is stable. */
export function sortedTags(...sets: (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const s of sets) Object.assign(merged, s ?? {});
  const out: Record<string, string> = {};
  for (const k of Object.keys(merged).sort()) out[k] = merged[k];
  return out;
}
