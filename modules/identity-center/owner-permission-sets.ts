import { DataTerraformRemoteState, DataTerraformRemoteStateLocal, DataTerraformRemoteStateS3, NamedRemoteWorkspace, TerraformRemoteState } from "cdktf";
import { Construct } from "constructs";
import { posix } from "node:path";
import type { BackendPlan } from "../../src/plan";
import { terraformName } from "../names";

/** The output in which a workspace publishes the ARNs of the permission sets it owns, by AWS name. */
export const PERMISSION_SET_ARNS_OUTPUT = "permission_set_arns_by_name";

export interface OwnerPermissionSetsProps {
  /** The workspaces that own the permission sets this one assigns, with their backends. */
  readonly owners: readonly { readonly workspace: string; readonly backend: BackendPlan }[];
}

/**
 * Permission sets created by other workspaces, read from their owners' state: one
 * `data "terraform_remote_state" "<owner>"` per owner workspace, and no Identity Center call at all.
 * (`data "aws_ssoadmin_permission_set"` by name lists and describes every permission set of the
 * instance for each lookup.) The consumer's credentials must be able to read the owner's state.
 */
export class OwnerPermissionSets extends Construct {
  private readonly states = new Map<string, string>();

  constructor(scope: Construct, id: string, props: OwnerPermissionSetsProps) {
    super(scope, id);
    for (const { workspace, backend } of props.owners) {
      const tf = terraformName(workspace);
      const state = remoteState(this, `state_${tf}`, backend);
      state.overrideLogicalId(tf);
      this.states.set(workspace, tf);
    }
  }

  /** The ARN of permission set `name` owned by `workspace`, or null while the owner has not applied it. */
  arn(workspace: string, name: string): string {
    return `\${${this.lookup(workspace, name)}}`;
  }

  /** A precondition that the owner's state has the ARN, with the fix in words. */
  precondition(workspace: string, name: string): { condition: string; errorMessage: string } {
    return {
      condition: `\${${this.lookup(workspace, name)} != null}`,
      errorMessage: `keyless: permission set ${name} belongs to workspace ${workspace}, whose state publishes no ARN for it yet (output ${PERMISSION_SET_ARNS_OUTPUT}). Apply workspace ${workspace} first, then plan this one again.`,
    };
  }

  private lookup(workspace: string, name: string): string {
    const tf = this.states.get(workspace);
    if (!tf) throw new Error(`keyless: no remote state for workspace ${workspace}`);
    return `lookup(data.terraform_remote_state.${tf}.outputs.${PERMISSION_SET_ARNS_OUTPUT}, ${JSON.stringify(name)}, null)`;
  }
}

function remoteState(scope: Construct, id: string, backend: BackendPlan): TerraformRemoteState {
  // A missing or empty owner state reads as no ARNs (the precondition explains), not as an error.
  const defaults = { [PERMISSION_SET_ARNS_OUTPUT]: {} };
  switch (backend.type) {
    case "local":
      // Like the owner's own backend (EnvironmentStack): relative to the folder holding <outdir>, and
      // every stack runs in <outdir>/stacks/<workspace>/.
      return new DataTerraformRemoteStateLocal(scope, id, { path: posix.join("../../..", backend.path), defaults });
    case "s3":
      return new DataTerraformRemoteStateS3(scope, id, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        assumeRole: backend.roleArn ? { roleArn: backend.roleArn } : undefined,
        defaults,
      });
    case "cloud":
      return new DataTerraformRemoteState(scope, id, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedRemoteWorkspace(backend.workspace),
        defaults,
      });
  }
}
