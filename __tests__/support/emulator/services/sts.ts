/** STS (Query protocol): the provider's account check and its assume_role. */
import { AwsError } from "../errors";
import { keyForAccount, OperationTable } from "../server";
import { hex } from "../state";

export const sts: OperationTable = {
  GetCallerIdentity: ({ state, accountId, accessKeyId }) => {
    const session = state.sessions.get(accessKeyId);
    if (session) return { Arn: session.arn, UserId: session.userId, Account: session.accountId };
    return { Arn: `arn:aws:iam::${accountId}:user/keyless-emulator`, UserId: `AIDA${hex(`user:${accountId}`, 17).toUpperCase()}`, Account: accountId };
  },

  /** The role must exist in its account (members created by Organizations have OrganizationAccountAccessRole). */
  AssumeRole: ({ state, input }) => {
    const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(String(input.RoleArn ?? ""));
    if (!m) throw new AwsError("ValidationError", `invalid RoleArn ${input.RoleArn}`, 400);
    const [, accountId, roleName] = m;
    const role = state.iam.get(accountId)?.roles.get(roleName);
    if (!role) throw new AwsError("AccessDenied", `User is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`, 403);
    const session = String(input.RoleSessionName ?? "session");
    const n = state.sessions.size + 1;
    const accessKeyId = `${keyForAccount(accountId, true)}${hex(`session:${n}`, 4).toUpperCase()}`;
    const arn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${session}`;
    const userId = `${role.roleId}:${session}`;
    state.sessions.set(accessKeyId, { accountId, arn, userId });
    const seconds = Number(input.DurationSeconds ?? 3600);
    return {
      Credentials: {
        AccessKeyId: accessKeyId,
        SecretAccessKey: hex(`secret:${n}`, 40),
        SessionToken: `emulator-session-${n}`,
        // The SDKs compare this with the real clock: it must lie in the future.
        Expiration: new Date(Date.now() + seconds * 1000).toISOString(),
      },
      AssumedRoleUser: { AssumedRoleId: userId, Arn: arn },
      PackedPolicySize: 0,
    };
  },
};
