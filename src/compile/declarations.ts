import { formatPath, JsonPath } from "../diagnostics/diagnostic";
import { SourceFile } from "../load/source-file";
import { Reporter } from "./reporter";

// Not the rule registry (that is src/rules/catalog/index.ts, the KL codes): this file holds the objects
// the definitions declare and the workspace that owns each.

/** Where an AWS object is declared. */
export interface Declaration {
  readonly workspace: string;
  readonly source: SourceFile;
  readonly path: JsonPath;
}

/**
 * Objects by name across every workspace, with the workspace that owns each. One owner per AWS
 * object: a second declaration is an error naming both files.
 */
export class OwnerMap<T extends Declaration> {
  private readonly byKey = new Map<string, T>();

  constructor(private readonly what: string) {}

  claim(key: string, decl: T, reporter: Reporter): boolean {
    const first = this.byKey.get(key);
    if (first) {
      // Two declarations in one file are told apart by where in the file they are.
      const sameFile = first.source.file === decl.source.file;
      const where = (d: Declaration) => {
        const line = sameFile ? d.source.locate(d.path)?.line : undefined;
        return sameFile ? `${formatPath(d.path)}${line ? ` (line ${line})` : ""}` : `${d.source.file} (workspace ${d.workspace})`;
      };
      reporter.error(
        "KL205",
        decl.source,
        decl.path,
        `${this.what} "${key}" is declared by ${where(first)} and again by ${where(decl)}; each ${this.what} has one owner`,
        `keep the declaration in one workspace and refer to it by name from the others`,
      );
      return false;
    }
    this.byKey.set(key, decl);
    return true;
  }

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  keys(): string[] {
    return [...this.byKey.keys()];
  }
}

export interface PermissionSetDeclaration extends Declaration {
  readonly name: string;
}

export interface GroupDeclaration extends Declaration {
  readonly source_: "external" | "managed";
}

/** Everything declared anywhere in the organization's definitions. */
export class Registry {
  readonly permissionSets = new OwnerMap<PermissionSetDeclaration>("permission set");
  /** Permission sets by AWS name, so two keys cannot share one name. */
  readonly permissionSetNames = new OwnerMap<PermissionSetDeclaration>("permission set name");
  /** Managed groups (created by one workspace). */
  readonly managedGroups = new OwnerMap<Declaration>("managed group");
  /** External groups: declared by any number of workspaces, looked up by each. */
  readonly externalGroups = new Map<string, Declaration[]>();
  readonly scps = new OwnerMap<Declaration>("service control policy");
  /** Organization-wide settings such as centralized root access management: one owner each. */
  readonly organizationFeatures = new OwnerMap<Declaration>("organization feature");
  readonly githubProviders = new OwnerMap<Declaration>("GitHub OIDC provider in account");
  readonly githubRoles = new OwnerMap<Declaration>("IAM role");
}
