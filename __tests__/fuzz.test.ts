import fc from "fast-check";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { synthesize } from "../modules/synth";
import { compile } from "../src/compile/compile";
import { CODES } from "../src/diagnostics/codes";
import { runSynth } from "../src/run-synth";
import { exampleWorkspaces, readTree, writeExampleVariant } from "./support/definitions";
import { tempDir } from "./support/temp";

/** Every path (list of keys/indexes) to a value inside `data`. */
function paths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (data && typeof data === "object") for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation = { kind: "delete" | "replace" | "addKey" | "duplicate"; value?: unknown; key?: string };

/** Applies one mutation at `path` to a deep copy of `data`. */
function mutate(data: unknown, path: (string | number)[], m: Mutation): unknown {
  const copy = structuredClone(data);
  if (path.length === 0) return m.kind === "replace" ? m.value : copy;
  const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], copy);
  const last = path[path.length - 1];
  const target = parent[last];
  switch (m.kind) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case "replace":
      parent[last] = m.value;
      break;
    case "addKey":
      if (target && typeof target === "object" && !Array.isArray(target)) target[m.key!] = m.value;
      else parent[last] = m.value;
      break;
    case "duplicate":
      if (Array.isArray(parent)) parent.push(structuredClone(target));
      else parent[`${String(last)}2`] = structuredClone(target);
      break;
  }
  return copy;
}

const anyValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", "*", "repo:*", "PT99H", "arn:aws:iam::aws:policy/AdministratorAccess", "../../etc/passwd", "${jsonencode(x)}", "999999999999", "workloads/nowhere"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: "delete" }),
  fc.constant<Mutation>({ kind: "duplicate" }),
  anyValue.map<Mutation>((value) => ({ kind: "replace", value })),
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), anyValue).map<Mutation>(([key, value]) => ({ kind: "addKey", key, value })),
);

describe("random mutations of valid definitions", () => {
  const workspaces = exampleWorkspaces();
  const files = Object.keys(workspaces);

  it("never crash: every failure is a located diagnostic with a known code", () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), mutation, (file, pick, m) => {
        const all = paths(workspaces[file]);
        const path = all[pick % all.length];
        const dir = writeExampleVariant({ ...workspaces, [file]: mutate(workspaces[file], path, m) });
        const result = compile({ dir, cwd: dir, evaluationDate: "2026-11-01" });
        for (const d of result.diagnostics) {
          expect(Object.keys(CODES)).toContain(d.code);
          expect(d.file).toMatch(/\.(ya?ml|json)$|^\.$/);
          expect(d.message.length).toBeGreaterThan(10);
          if (d.severity === "error" && d.file !== ".") expect(d.line).toBeGreaterThanOrEqual(1);
        }
        expect(result.plan === undefined).toBe(result.diagnostics.some((d) => d.severity === "error"));
      }),
      { numRuns: 150, seed: 20261126 },
    );
  });

  it("a failed run leaves cdktf.out/ untouched", () => {
    const outdir = join(tempDir("fuzz"), "cdktf.out");
    mkdirSync(join(outdir, "stacks", "prev"), { recursive: true });
    writeFileSync(join(outdir, "stacks", "prev", "cdk.tf.json"), '{"previous":true}');
    const before = readTree(outdir);
    let failures = 0;
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), mutation, (file, pick, m) => {
        const all = paths(workspaces[file]);
        const dir = writeExampleVariant({ ...workspaces, [file]: mutate(workspaces[file], all[pick % all.length], m) });
        const result = compile({ dir, cwd: dir, evaluationDate: "2026-11-01" });
        fc.pre(result.plan === undefined);
        failures++;
        const code = runSynth({ dir, outdir, evaluationDate: "2026-11-01", synthesize, stdout: () => {}, stderr: () => {} });
        expect(code).toBe(1);
        expect(readTree(outdir)).toEqual(before);
      }),
      { numRuns: 40, seed: 7 },
    );
    expect(failures).toBeGreaterThan(5);
  });
});
