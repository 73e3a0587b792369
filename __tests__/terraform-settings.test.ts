import { Testing } from "cdktf";
import { EnvironmentStack } from "../modules/environment-stack";
import { compileFiles, inventory, messages, workspace } from "./support/fixtures";

const s3 = {
  s3: { bucket: "acme-state", key: "keyless/x.tfstate", region: "eu-west-1" },
};

describe("terraform required_version and required_providers", () => {
  it("defaults: hashicorp/aws ~> 6.25; Terraform >= 1.11 only where the S3 backend locks with use_lockfile", () => {
    const r = compileFiles({
      "local.yaml": workspace(),
      "locking.yaml": workspace({ backend: s3 }),
      "unlocked.yaml": workspace({
        backend: {
          s3: { ...s3.s3, key: "keyless/y.tfstate", useLockfile: false },
        },
      }),
    });
    expect(messages(r)).toBe("");
    const tf = Object.fromEntries(r.plan!.workspaces.map((w) => [w.name, w.terraform]));
    expect(tf).toEqual({
      local: {
        requiredVersion: ">= 1.5",
        awsProvider: { source: "hashicorp/aws", version: "~> 6.25" },
      },
      locking: {
        requiredVersion: ">= 1.11",
        awsProvider: { source: "hashicorp/aws", version: "~> 6.25" },
      },
      unlocked: {
        requiredVersion: ">= 1.5",
        awsProvider: { source: "hashicorp/aws", version: "~> 6.25" },
      },
    });
  });

  it("organization-wide settings apply to every workspace; a workspace's field wins over them", () => {
    const r = compileFiles({
      "shared/organization.yaml": {
        ...inventory(),
        terraform: {
          requiredVersion: ">= 1.12",
          awsProviderVersion: ">= 6.30, < 7.0",
        },
      },
      "a.yaml": workspace(),
      "b.yaml": workspace({ terraform: { awsProviderVersion: "~> 6.40.0" } }),
    });
    expect(messages(r)).toBe("");
    const [a, b] = r.plan!.workspaces;
    expect(a.terraform).toEqual({
      requiredVersion: ">= 1.12",
      awsProvider: { source: "hashicorp/aws", version: ">= 6.30, < 7.0" },
    });
    expect(b.terraform).toEqual({
      requiredVersion: ">= 1.12",
      awsProvider: { source: "hashicorp/aws", version: "~> 6.40.0" },
    });
  });

  it("writes them into the stack's terraform block, replacing cdktf's exact pin and short source", () => {
    const r = compileFiles({ "org.yaml": workspace({ backend: s3 }) });
    const tf = JSON.parse(
      Testing.synth(
        new EnvironmentStack(Testing.app(), "org", {
          plan: r.plan!.workspaces[0],
        }),
      ),
    ).terraform;
    expect(tf.required_version).toBe(">= 1.11");
    expect(tf.required_providers).toEqual({
      aws: { source: "hashicorp/aws", version: "~> 6.25" },
    });
  });

  it("a malformed constraint is a located schema error", () => {
    const r = compileFiles({
      "a.yaml": workspace({ terraform: { awsProviderVersion: "latest" } }),
    });
    expect(r.plan).toBeUndefined();
    expect(messages(r)).toMatchInlineSnapshot(
      `"a.yaml:5 error KL105 $.terraform.awsProviderVersion: found "latest", which does not match the expected format (A Terraform version constraint, for example "~> 6.25" or ">= 1.11, < 2.0".) | fix: write a Terraform version constraint, for example "~> 6.25" or ">= 1.11, < 2.0"."`,
    );
  });
});
