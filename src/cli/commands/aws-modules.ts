/**
 * The AWS readers (and with them the AWS SDK), loaded on first use: only the commands that talk to
 * AWS (inventory, import, audit) pay for the SDK, about 100 ms of every other command's start-up.
 */
type AwsModules = typeof import("../../aws/session") &
  typeof import("../../aws/organizations") &
  typeof import("../../aws/identity-center") &
  typeof import("../../aws/iam-credentials") &
  typeof import("../../aws/github-oidc");

let loaded: AwsModules | undefined;

export function aws(): AwsModules {
  /* eslint-disable @typescript-eslint/no-require-imports */
  loaded ??= Object.assign(
    {},
    require("../../aws/session"),
    require("../../aws/organizations"),
    require("../../aws/identity-center"),
    require("../../aws/iam-credentials"),
    require("../../aws/github-oidc"),
  ) as AwsModules;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return loaded;
}
