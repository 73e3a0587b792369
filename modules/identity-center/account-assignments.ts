import { ITerraformDependable, TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";
import { terraformName } from "../names";
import { MovedBlocks } from "../moved-blocks";

export interface AccountAssignmentEntry {
  readonly principalType: "GROUP" | "USER";
  /** `group:<name>` or `user:<name>`, a key of principalIds. */
  readonly principal: string;
  readonly accountId: string;
  /**
   * The for_each key of this grant in the single `aws_ssoadmin_account_assignment.this` resource of
   * keyless before 0.2 (`group:<name>/<permission set key>/<account name>`): a `moved` block from there
   * keeps existing state. @default no moved block
   */
  readonly legacyKey?: string;
}

export interface PermissionSetAssignments {
  /** The permission set's AWS name: the resource's Terraform name derives from it. */
  readonly name: string;
  /** ARN expression. */
  readonly arn: string;
  /**
   * What must exist before these assignments are created and still exist until they are destroyed:
   * the permission set's policy attachments, inline policy and boundary. @default nothing
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** A check evaluated before planning (for example: a looked-up ARN is present). @default none */
  readonly precondition?: { readonly condition: string; readonly errorMessage: string };
  readonly assignments: readonly AccountAssignmentEntry[];
}

export interface AccountAssignmentsProps {
  readonly instanceArn: string;
  /** `group:<name>` / `user:<name>` -> principal id expression. */
  readonly principalIds: Readonly<Record<string, string>>;
  readonly permissionSets: readonly PermissionSetAssignments[];
  /** Where `moved` blocks from earlier addresses go. @default no moved blocks */
  readonly moved?: MovedBlocks;
}

/** The for_each key of a grant: principal and account id, both stable under renames in keyless. */
export function assignmentKey(principal: string, accountId: string): string {
  return `${principal}/${accountId}`;
}

/**
 * Account assignments as one `for_each` resource per permission set,
 * `aws_ssoadmin_account_assignment.<permission set name>["group:<name>/<account id>"]`, each iterating
 * over its own map in `local.account_assignments_<permission set name>`. Terraform evaluates a
 * resource's for_each expression once per instance: a reference to a local keeps that cheap, where
 * one literal map of every grant made plans quadratic in the workspace's size.
 */
export class AccountAssignments extends Construct {
  private readonly maps: { readonly local: TerraformLocal; readonly entries: Record<string, Record<string, string>> }[] = [];

  constructor(scope: Construct, id: string, props: AccountAssignmentsProps) {
    super(scope, id);
    const principals = new TerraformLocal(this, "principal_ids", { ...props.principalIds });
    principals.overrideLogicalId("principal_ids");

    for (const ps of props.permissionSets) {
      if (!ps.assignments.length) continue;
      const tf = terraformName(ps.name);
      const entries: Record<string, Record<string, string>> = {};
      for (const a of ps.assignments) {
        const key = assignmentKey(a.principal, a.accountId);
        entries[key] = { account_id: a.accountId, principal: a.principal, principal_type: a.principalType };
        if (a.legacyKey && tf !== "this")
          props.moved?.add(`aws_ssoadmin_account_assignment.this[${JSON.stringify(a.legacyKey)}]`, `aws_ssoadmin_account_assignment.${tf}[${JSON.stringify(key)}]`);
      }
      const local = new TerraformLocal(this, `map_${tf}`, entries);
      local.overrideLogicalId(`account_assignments_${tf}`);
      this.maps.push({ local, entries });
      const assignment = new SsoadminAccountAssignment(this, `assignments_${tf}`, {
        forEach: { _getForEachExpression: () => `\${local.account_assignments_${tf}}` },
        instanceArn: props.instanceArn,
        principalType: "${each.value.principal_type}",
        principalId: "${local.principal_ids[each.value.principal]}",
        permissionSetArn: ps.arn,
        targetType: "AWS_ACCOUNT",
        targetId: "${each.value.account_id}",
        dependsOn: ps.dependsOn?.length ? [...ps.dependsOn] : undefined,
        lifecycle: ps.precondition ? { precondition: [{ condition: ps.precondition.condition, errorMessage: ps.precondition.errorMessage }] } : undefined,
      });
      assignment.overrideLogicalId(tf);
    }
  }

  /**
   * For `synthesize` (modules/synth.ts) only: replaces each map local's value with a marker
   * (`<prefix>:<n>`) and returns, per marker, the map's JSON as cdktf writes it (keys sorted, two-space
   * indent continuing the marker line's `indent`), to be put in place of the marker. cdktf resolves a
   * map token by token: about 1.5 s at 50,000 entries, against milliseconds for JSON.stringify. The
   * bytes written are the same (bench/ compares them).
   */
  deferMaps(prefix: string): Map<string, (indent: string) => string> {
    const out = new Map<string, (indent: string) => string>();
    this.maps.forEach(({ local, entries }, n) => {
      const marker = `${prefix}:${n}`;
      local.expression = marker;
      out.set(marker, (indent) => {
        const sorted: Record<string, Record<string, string>> = {};
        for (const key of Object.keys(entries).sort()) sorted[key] = entries[key];
        return JSON.stringify(sorted, null, 2).replace(/\n/g, "\n" + indent);
      });
    });
    return out;
  }
}
