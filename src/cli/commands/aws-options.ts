import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AwsSession } from "../../aws/session";
import { aws } from "./aws-modules";
import { InputError } from "../context";
import type { CliIo } from "../context";
import { OptionSpecs, OptionValues, str } from "../options";

/** Options of the commands that read AWS (inventory, import, audit). */
export const AWS_OPTIONS: OptionSpecs = {
  profile: { type: "string", value: "<name>", help: "AWS profile (default: the SDK's default credential chain; after aws sso login --profile X, pass X)" },
  region: { type: "string", value: "<region>", help: "AWS region of Identity Center (default: AWS_REGION, else us-east-1)" },
  "member-role": { type: "string", value: "<role>", help: "role assumed in member accounts (default: OrganizationAccountAccessRole, as in the stacks)" },
};

export function awsSession(io: CliIo, values: OptionValues): AwsSession {
  return new (aws().AwsSession)({
    profile: str(values.profile) ?? io.env.AWS_PROFILE,
    region: str(values.region) ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? "us-east-1",
    memberAccountRole: str(values["member-role"]) ?? "OrganizationAccountAccessRole",
    partition: "aws",
    env: io.env,
  });
}

/** Runs AWS reads; an AWS failure (no credentials, access denied, throttled) is the user's to fix: exit 1, no stack. */
export async function fromAws<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      `reading ${what} from AWS failed: ${aws().awsErrorText(e)}. Check the credentials (--profile), the region and that the caller may use the read-only actions listed in the README.`,
    );
  }
}

/** Writes a file through a temporary one in the same folder, so a failure never leaves half a file. */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
