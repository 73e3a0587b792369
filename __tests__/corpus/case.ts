import type { PreviousStacks } from "../../src/stack/replacements";

/**
 * One invalid (or warned-about) definition set and the diagnostic it must produce. Data only: the
 * corpus test (`__tests__/corpus.test.ts`) writes `files` to a fresh folder and runs `compile` on it.
 * See `index.ts` for the format in words.
 */
export interface CorpusCase {
  /** Unique across the corpus; says what mistake the case makes. */
  readonly name: string;
  /**
   * Definition files by path inside the definitions folder: an object is written as YAML (or JSON for
   * `.json`), a string is written as is. `shared/organization.yaml` defaults to the fixtures'
   * `inventory()`; map it to `undefined` to leave it out.
   */
  readonly files: Readonly<Record<string, unknown>>;
  /** The code that must be reported. */
  readonly code: string;
  /** The JSON path it must be reported at (as users see it: `$.a.b[0]["odd key"]`), when it matters. */
  readonly path?: string;
  /** The file it must be reported in, relative to the definitions folder. */
  readonly file?: string;
  /** The line it must be reported at. */
  readonly line?: number;
  /** Text the message or the fix must contain (what the user needs to read to fix it). */
  readonly says?: string;
  /** Folder to compile, relative to the definitions folder. Default: the folder itself. */
  readonly dir?: string;
  /** The evaluation date (`--date`). Default: 2026-01-15. */
  readonly evaluationDate?: string;
  /**
   * A previous synthesis (`cdktf.out/stacks/<workspace>/cdk.tf.json` parsed, by workspace): when given,
   * the test also runs `permissionSetReplacements` against it, as `keyless synth` does.
   */
  readonly previous?: PreviousStacks;
}
