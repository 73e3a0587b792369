/**
 * The AWS API emulator for tests: an in-process HTTP server on 127.0.0.1 that answers the SSO Admin,
 * Identity Store, Organizations, IAM and STS calls that Terraform's AWS provider and the AWS SDK make
 * for everything keyless emits. Stateful, deterministic, seeded with an existing organization.
 *
 *   const emulator = await startEmulator({ seed });
 *   // AWS_ENDPOINT_URL=emulator.endpoint, or the harness's override.tf.json
 *   emulator.calls()["sso-admin:ListPermissionSets"];
 *   await emulator.stop();
 *
 * Credentials: any access key is the management account, except `AKIAEMU<account id>` (see
 * `keyForAccount`) and the keys STS AssumeRole hands out, which belong to their account.
 */
import { CallRecord, EmulatorServer, keyForAccount, OperationTable, ServerOptions } from "./server";
import { defaultServices } from "./services";
import { EmulatorSeed, seededState } from "./seed";
import { EmulatorState } from "./state";

export type { EmulatorSeed } from "./seed";
export type { EmulatorState } from "./state";
export type { OperationTable, RequestContext, Handler } from "./server";
export { AwsError } from "./errors";
export { keyForAccount };

export interface EmulatorOptions {
  readonly seed?: EmulatorSeed;
  /** More operations, merged over the built-in ones, by service ("sso-admin", "identitystore", "organizations", "iam", "sts"). */
  readonly services?: Readonly<Record<string, OperationTable>>;
  /** Answer a call with `ThrottlingException` when this returns true. */
  readonly throttle?: ServerOptions["throttle"];
}

export interface Emulator {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  /** Calls since start or the last reset, by "service:Operation". */
  calls(): Readonly<Record<string, number>>;
  /** Calls since start or the last reset, in the order they arrived. */
  readonly log: readonly CallRecord[];
  /** Operations no handler answered since start or the last reset ("service:Operation"). */
  readonly unhandled: readonly string[];
  /** What "AWS" holds now. */
  readonly state: EmulatorState;
  /** Clears call counters, log and unhandled; keeps the state. */
  reset(): void;
  stop(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const state = seededState(opts.seed);
  const services = defaultServices();
  for (const [name, table] of Object.entries(opts.services ?? {})) services[name] = { ...(services[name] ?? {}), ...table };
  const server = new EmulatorServer({ state, services, throttle: opts.throttle });
  const endpoint = await server.listen();
  return {
    endpoint,
    calls: () => ({ ...server.counts }),
    log: server.log,
    unhandled: server.unhandled,
    state,
    reset: () => server.reset(),
    stop: () => server.close(),
  };
}
