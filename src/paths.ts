import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

let root: string | undefined;

/** The keyless package's own folder (holds schemas/), from source or from compiled output. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(join(dir, "schemas", "workspace.schema.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("keyless: cannot find its schemas/ folder");
    dir = up;
  }
  return (root = dir);
}

export const schemasDir = () => join(packageRoot(), "schemas");
