/**
 * The AccessPlan: everything a workspace will create or look up, resolved to names, ids and literal
 * policy JSON. Plain readonly data; the emit stage (modules/) turns it into constructs.
 */

export interface AccessPlan {
  readonly partition: string;
  readonly workspaces: readonly WorkspacePlan[];
}

export interface WorkspacePlan {
  /** Workspace name: the file name, the stack id and the state key. */
  readonly name: string;
  /** Definition file, relative to the working directory. */
  readonly file: string;
  readonly description?: string;
  readonly backend: BackendPlan;
  readonly aws: AwsPlan;
  /** Member accounts this workspace manages resources in (each gets an aliased provider), by name. */
  readonly memberAccounts: readonly AccountRef[];
  readonly identityCenter: IdentityCenterPlan;
  readonly guardrails: GuardrailsPlan;
  readonly githubOidc: GithubOidcPlan;
}

export interface AccountRef {
  readonly name: string;
  readonly id: string;
}

export interface AwsPlan {
  readonly region: string;
  readonly partition: string;
  /** Account that runs Identity Center and Organizations calls (the default provider). */
  readonly account: AccountRef;
  /** Role assumed in member accounts. */
  readonly memberAccountRole: string;
  readonly defaultTags: Readonly<Record<string, string>>;
}

export type BackendPlan =
  | { readonly type: "local"; readonly path: string }
  | {
      readonly type: "s3";
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      readonly useLockfile: boolean;
      readonly encrypt: boolean;
      readonly kmsKeyId?: string;
      readonly roleArn?: string;
    }
  | { readonly type: "cloud"; readonly organization: string; readonly workspace: string; readonly project?: string; readonly hostname: string };

export interface IdentityCenterPlan {
  /** Permission sets this workspace owns, by key. */
  readonly permissionSets: readonly PermissionSetPlan[];
  /** Permission sets owned by other workspaces that this one assigns: looked up by AWS name. */
  readonly permissionSetLookups: readonly { readonly key: string; readonly name: string }[];
  /** Groups this workspace creates in the identity store. */
  readonly managedGroups: readonly ManagedGroupPlan[];
  /** Groups (external, or managed by another workspace) looked up by display name. */
  readonly groupLookups: readonly string[];
  /** One per principal x permission set x account, sorted by key. */
  readonly assignments: readonly AssignmentPlan[];
}

export interface PermissionSetPlan {
  /** Stable key: the Terraform address. */
  readonly key: string;
  /** AWS name. */
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration: string;
  readonly relayState?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly managedPolicyArns: readonly string[];
  /** Minified JSON. */
  readonly inlinePolicy?: string;
}

export interface ManagedGroupPlan {
  readonly name: string;
  readonly description?: string;
}

export type PrincipalType = "GROUP" | "USER";

export interface AssignmentPlan {
  /** `group:<name>/<permission set key>/<account name>`: the for_each key. */
  readonly key: string;
  readonly principalType: PrincipalType;
  readonly principalName: string;
  readonly permissionSet: string;
  readonly account: AccountRef;
}

export interface GuardrailsPlan {
  readonly policies: readonly ScpPlan[];
}

export interface ScpPlan {
  /** Terraform-safe key. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** Minified JSON, exactly as sent to AWS. */
  readonly content: string;
  readonly targets: readonly ScpTargetPlan[];
}

export interface ScpTargetPlan {
  /** `root`, `ou:<path>` or `account:<name>`: the for_each key. */
  readonly key: string;
  readonly kind: "root" | "ou" | "account";
  readonly name: string;
  readonly id: string;
}

export interface GithubOidcPlan {
  readonly providers: readonly GithubProviderPlan[];
  readonly roles: readonly GithubRolePlan[];
}

export interface GithubProviderPlan {
  readonly account: AccountRef;
  readonly url: string;
  readonly clientIds: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface GithubRolePlan {
  readonly key: string;
  readonly name: string;
  readonly account: AccountRef;
  readonly description?: string;
  readonly providerArn: string;
  readonly repository: string;
  /** The exact `sub` values admitted. */
  readonly subjects: readonly string[];
  /** Minified JSON. */
  readonly assumeRolePolicy: string;
  readonly managedPolicyArns: readonly string[];
  readonly inlinePolicies: readonly { readonly name: string; readonly document: string }[];
  readonly maxSessionDuration: number;
  readonly tags: Readonly<Record<string, string>>;
}
  /** Who is exempt, in words (for the report); empty when nobody is. */
  readonly exemptions: readonly string[];
  /** Names of the guardrails merged into this SCP (`guardrails.merge: true`); absent when not merged. */
  readonly mergedFrom?: readonly string[];
  /** Where the guardrail is declared in the workspace file (a JSON path), for findings. */
  readonly declaredAt: readonly (string | number)[];
  /** Where this target is named in the workspace file (a JSON path), for findings. */
  readonly declaredAt: readonly (string | number)[];
