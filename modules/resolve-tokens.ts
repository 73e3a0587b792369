import { Token } from "cdktf";
import type { Construct } from "constructs";

/**
 * cdktf resolves a stack by walking every value of every element, then the merged document again.
 * Its walk allocates contexts and runs three regular expressions per string; for a large workspace
 * that is a fifth of the synth, although almost every value holds no token: names, ARNs, policy
 * documents, markers of the deferred maps.
 *
 * `resolveTokens` gives the same result as cdktf's resolve: what holds a token (or could, to cdktf's
 * eyes) goes to cdktf's resolve; what holds none is returned as it is, without the copy. "Could":
 * a string with a token marker (`TfToken[`), cdktf's map-token value, or text its number-token
 * pattern matches; a number that is not a safe integer (number tokens are huge doubles), or its
 * map-token number; any object that is not a plain object or array (tokens are class instances);
 * an array holding `undefined` anywhere (cdktf drops those elements). Object keys whose value is
 * `undefined` are dropped, as cdktf drops them.
 */
export function resolveTokens(value: unknown, resolve: (value: unknown) => unknown): unknown {
  switch (typeof value) {
    case "string":
      return plainString(value) ? value : resolve(value);
    case "number":
      return plainNumber(value) ? value : resolve(value);
    case "boolean":
    case "undefined":
      return value;
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) return value.every(tokenFree) ? value : resolve(value);
      if (!plainObject(value)) return resolve(value);
      const source = value as Record<string, unknown>;
      const keys = Object.keys(source);
      let out: Record<string, unknown> | undefined;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (!plainString(k)) return resolve(value);
        const v = source[k];
        const r = resolveTokens(v, resolve);
        if (!out && (r !== v || r === undefined)) {
          out = {};
          for (let j = 0; j < i; j++) out[keys[j]] = source[keys[j]];
        }
        if (out && r !== undefined) out[k] = r;
      }
      return out ?? value;
    }
    default:
      return resolve(value);
  }
}

/** True when cdktf's resolve would return a deep copy of `value` equal to it. */
function tokenFree(value: unknown): boolean {
  switch (typeof value) {
    case "string":
      return plainString(value);
    case "number":
      return plainNumber(value);
    case "boolean":
      return true;
    case "object":
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(tokenFree);
      if (!plainObject(value)) return false;
      for (const k of Object.keys(value)) if (!plainString(k) || !tokenFree((value as Record<string, unknown>)[k])) return false;
      return true;
    default:
      return false;
  }
}

/** cdktf's number-token pattern (encoding.ts NUMBER_TOKEN_REGEX) where it could start a match. */
const NUMBER_TOKEN_LIKE = /[-|\d.+]e[-|\d.eE+]/;

function plainString(s: string): boolean {
  return !s.includes("TfToken[") && s !== Token.STRING_MAP_TOKEN_VALUE && s !== Token.ANY_MAP_TOKEN_VALUE && !NUMBER_TOKEN_LIKE.test(s);
}

function plainNumber(n: number): boolean {
  return Number.isSafeInteger(n) && n !== Token.NUMBER_MAP_TOKEN_VALUE;
}

function plainObject(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

type Resolve = <T>(scope: Construct, obj: T, preparing?: boolean) => T;

/**
 * Runs `fn` (a synthesis) with cdktf's internal resolve, which TerraformStack calls for every
 * element and for the merged document, replaced by `resolveTokens` over it; restored afterwards.
 */
export function withTokenOnlyResolve<T>(fn: () => T): T {
  // The module object itself (not an import's copy of it), so that TerraformStack's calls, which read
  // `_tokens.resolve` at each call, see the replacement.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tokens = require("cdktf/lib/_tokens") as { resolve: Resolve };
  const original = tokens.resolve;
  tokens.resolve = (<V>(scope: Construct, obj: V, preparing?: boolean): V => resolveTokens(obj, (x) => original(scope, x, preparing)) as V) as Resolve;
  try {
    return fn();
  } finally {
    tokens.resolve = original;
  }
}
