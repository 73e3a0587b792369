import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isParseFailure, parseSource, SourceFile } from "../load/source-file";
import type { Locator } from "./identity-center";

/** A locator reading workspace files (relative to `cwd`) once each; unreadable files give no line. */
export function fileLocator(cwd: string): Locator {
  const cache = new Map<string, SourceFile | undefined>();
  return (file, path) => {
    if (!cache.has(file)) {
      let source: SourceFile | undefined;
      try {
        const parsed = parseSource(file, readFileSync(resolve(cwd, file), "utf8"));
        source = isParseFailure(parsed) ? undefined : parsed;
      } catch {
        source = undefined;
      }
      cache.set(file, source);
    }
    return cache.get(file)?.locate([...path])?.line;
  };
}
