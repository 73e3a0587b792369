/**
 * The AWS API emulator through the real AWS SDK v3 clients (the same wire protocols the provider
 * uses): state, AWS's error codes and shapes, seeding, call counting, throttling.
 */
import { IAMClient, CreateRoleCommand, GetRoleCommand, PutRolePolicyCommand, GetRolePolicyCommand, AttachRolePolicyCommand } from "@aws-sdk/client-iam";
import { IdentitystoreClient, GetGroupIdCommand } from "@aws-sdk/client-identitystore";
import { OrganizationsClient, CreatePolicyCommand, DescribeOrganizationCommand, AttachPolicyCommand } from "@aws-sdk/client-organizations";
import { SSOAdminClient, CreatePermissionSetCommand, ListInstancesCommand, ListPermissionSetsCommand } from "@aws-sdk/client-sso-admin";
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { Emulator, keyForAccount, startEmulator } from "./support/emulator";
import { EmulatorSeed } from "./support/emulator/seed";

const SEED: EmulatorSeed = {
  organization: {
    managementAccountId: "111111111111",
    rootId: "r-ab12",
    organizationalUnits: [{ id: "ou-ab12-11111111", name: "workloads" }],
    accounts: [{ id: "222222222222", name: "app", parentId: "ou-ab12-11111111" }],
  },
  identityCenter: {
    groups: [{ displayName: "Developers" }],
    permissionSets: [{ name: "ReadOnly", managedPolicies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }],
    assignments: [{ permissionSet: "ReadOnly", accountId: "222222222222", group: "Developers" }],
  },
};

function clients(endpoint: string, accessKeyId = "AKIAEXAMPLEMANAGEMENT") {
  const config = { endpoint, region: "eu-west-1", credentials: { accessKeyId, secretAccessKey: "x" }, maxAttempts: 1 };
  return {
    sso: new SSOAdminClient(config),
    store: new IdentitystoreClient(config),
    org: new OrganizationsClient(config),
    iam: new IAMClient(config),
    sts: new STSClient(config),
  };
}

/** The error a call fails with: `name` is the wire code (the JS SDK names some classes differently, e.g. EntityAlreadyExistsException). */
async function error(p: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  try {
    await p;
  } catch (e: any) {
    return { name: e.Error?.Code ?? e.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error("expected the call to fail");
}

describe("the AWS API emulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: SEED });
  });
  afterAll(() => emulator.stop());

  it("listens on 127.0.0.1 only", () => {
    expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers JSON 1.1 services with the seeded organization and instance", async () => {
    const c = clients(emulator.endpoint);
    const org = await c.org.send(new DescribeOrganizationCommand({}));
    expect(org.Organization?.MasterAccountId).toBe("111111111111");
    const instances = await c.sso.send(new ListInstancesCommand({}));
    expect(instances.Instances).toHaveLength(1);
    const { InstanceArn, IdentityStoreId } = instances.Instances![0];
    const sets = await c.sso.send(new ListPermissionSetsCommand({ InstanceArn }));
    expect(sets.PermissionSets).toHaveLength(1);
    const group = await c.store.send(
      new GetGroupIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: "displayName", AttributeValue: "Developers" } } }),
    );
    expect(group.GroupId).toMatch(/^[0-9a-f]{10}-[0-9a-f]{8}-/);
  });

  it("returns AWS's error codes: ConflictException, ResourceNotFoundException, DuplicatePolicyException", async () => {
    const c = clients(emulator.endpoint);
    const InstanceArn = emulator.state.identityCenter.instanceArn;
    expect(await error(c.sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: "ReadOnly" })))).toMatchObject({ name: "ConflictException", status: 400 });
    const IdentityStoreId = emulator.state.identityCenter.identityStoreId;
    expect(
      await error(c.store.send(new GetGroupIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: "displayName", AttributeValue: "Nobody" } } }))),
    ).toMatchObject({
      name: "ResourceNotFoundException",
    });
    const policy = {
      Name: "deny-leave",
      Type: "SERVICE_CONTROL_POLICY" as const,
      Description: "d",
      Content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}',
    };
    const created = await c.org.send(new CreatePolicyCommand(policy));
    expect(await error(c.org.send(new CreatePolicyCommand(policy)))).toMatchObject({ name: "DuplicatePolicyException" });
    expect(await error(c.org.send(new AttachPolicyCommand({ PolicyId: created.Policy!.PolicySummary!.Id, TargetId: "ou-ab12-99999999" })))).toMatchObject({
      name: "TargetNotFoundException",
    });
  });

  it("keeps IAM policy documents verbatim, returns them URL-encoded, and answers EntityAlreadyExists / NoSuchEntity", async () => {
    const c = clients(emulator.endpoint);
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
    await c.iam.send(new CreateRoleCommand({ RoleName: "r1", AssumeRolePolicyDocument: trust }));
    expect(await error(c.iam.send(new CreateRoleCommand({ RoleName: "r1", AssumeRolePolicyDocument: trust })))).toMatchObject({ name: "EntityAlreadyExists", status: 409 });
    const got = await c.iam.send(new GetRoleCommand({ RoleName: "r1" }));
    expect(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!)).toBe(trust);
    const doc = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}';
    await c.iam.send(new PutRolePolicyCommand({ RoleName: "r1", PolicyName: "p", PolicyDocument: doc }));
    const policy = await c.iam.send(new GetRolePolicyCommand({ RoleName: "r1", PolicyName: "p" }));
    expect(decodeURIComponent(policy.PolicyDocument!)).toBe(doc);
    expect(emulator.state.iam.get("111111111111")?.roles.get("r1")?.inlinePolicies.get("p")).toBe(doc);
    expect(await error(c.iam.send(new GetRoleCommand({ RoleName: "nope" })))).toMatchObject({ name: "NoSuchEntity", status: 404 });
    expect(await error(c.iam.send(new AttachRolePolicyCommand({ RoleName: "r1", PolicyArn: "arn:aws:iam::111111111111:policy/missing" })))).toMatchObject({ name: "NoSuchEntity" });
  });

  it("STS: AssumeRole into a member account gives keys of that account; the caller identity follows the key", async () => {
    const c = clients(emulator.endpoint);
    expect((await c.sts.send(new GetCallerIdentityCommand({}))).Account).toBe("111111111111");
    const assumed = await c.sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", RoleSessionName: "t" }));
    const member = clients(emulator.endpoint, assumed.Credentials!.AccessKeyId);
    const who = await member.sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: "222222222222", Arn: "arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/t" });
    expect((await clients(emulator.endpoint, keyForAccount("222222222222")).sts.send(new GetCallerIdentityCommand({}))).Account).toBe("222222222222");
    // A role that does not exist cannot be assumed.
    expect(await error(c.sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::222222222222:role/Missing", RoleSessionName: "t" })))).toMatchObject({
      name: "AccessDenied",
      status: 403,
    });
    // Organizations answers only the management account.
    expect(await error(member.org.send(new CreatePolicyCommand({ Name: "x", Type: "SERVICE_CONTROL_POLICY", Description: "", Content: "{}" })))).toMatchObject({
      name: "AccessDeniedException",
    });
  });

  it("counts calls by operation and keeps their order; reset clears them", async () => {
    emulator.reset();
    const c = clients(emulator.endpoint);
    await c.sso.send(new ListInstancesCommand({}));
    await c.sts.send(new GetCallerIdentityCommand({}));
    await c.sso.send(new ListInstancesCommand({}));
    expect(emulator.calls()).toEqual({ "sso-admin:ListInstances": 2, "sts:GetCallerIdentity": 1 });
    expect(emulator.log.map((l) => l.operation)).toEqual(["ListInstances", "GetCallerIdentity", "ListInstances"]);
    expect(emulator.log[0].seq).toBeLessThan(emulator.log[1].seq);
    emulator.reset();
    expect(emulator.calls()).toEqual({});
  });
});

describe("the emulator's throttling option", () => {
  it("answers ThrottlingException when asked, and the SDK's retry then succeeds", async () => {
    const emulator = await startEmulator({ throttle: ({ operation, count }) => operation === "ListInstances" && count <= 2 });
    try {
      const once = clients(emulator.endpoint);
      expect(await error(once.sso.send(new ListInstancesCommand({})))).toMatchObject({ name: "ThrottlingException" });
      const retrying = new SSOAdminClient({ endpoint: emulator.endpoint, region: "eu-west-1", credentials: { accessKeyId: "a", secretAccessKey: "b" }, maxAttempts: 3 });
      expect((await retrying.send(new ListInstancesCommand({}))).Instances).toHaveLength(1);
      expect(emulator.calls()["sso-admin:ListInstances"]).toBe(3);
    } finally {
      await emulator.stop();
    }
  });
});
