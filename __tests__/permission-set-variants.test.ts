import { compileFiles, messages, workspace } from "./support/fixtures";

const operator = {
  name: "Operator",
  description: "Operate services",
  sessionDuration: "PT4H",
  managedPolicies: ["ReadOnlyAccess"],
  inlinePolicy: {
    Statement: [
      {
        Sid: "Restart",
        Effect: "Allow",
        Action: ["ecs:UpdateService"],
        Resource: "*",
      },
    ],
  },
  tags: { team: "platform" },
  variants: {
    "Operator-prod": { sessionDuration: "PT1H", tags: { env: "prod" } },
    "Operator-dev": {
      sessionDuration: "PT8H",
      name: "OperatorDev",
      description: "Operate dev services",
    },
  },
};

describe("permission-set variants", () => {
  const r = compileFiles({
    "org.yaml": workspace({
      identityCenter: {
        permissionSets: { Operator: operator },
        groups: { Ops: { source: "external" } },
      },
    }),
    "prod.yaml": workspace({
      identityCenter: {
        assignments: [
          {
            groups: ["Ops"],
            permissionSets: ["Operator-prod"],
            targets: { accounts: ["app-prod"] },
          },
        ],
      },
    }),
    "dev.yaml": workspace({
      identityCenter: {
        assignments: [
          {
            groups: ["Ops"],
            permissionSets: ["Operator-dev", "Operator"],
            targets: { accounts: ["app-dev"] },
          },
        ],
      },
    }),
  });

  it("turn one definition into real permission sets with their own keys, sharing the policies", () => {
    expect(messages(r)).toBe("");
    const sets = r.plan!.workspaces.find((w) => w.name === "org")!.identityCenter.permissionSets;
    expect(sets.map((p) => [p.key, p.name, p.sessionDuration, p.description, p.tags])).toEqual([
      ["Operator", "Operator", "PT4H", "Operate services", { team: "platform" }],
      ["Operator-dev", "OperatorDev", "PT8H", "Operate dev services", { team: "platform" }],
      ["Operator-prod", "Operator-prod", "PT1H", "Operate services", { env: "prod", team: "platform" }],
    ]);
    expect(new Set(sets.map((p) => p.inlinePolicy)).size).toBe(1);
    expect(new Set(sets.map((p) => p.managedPolicyArns.join())).size).toBe(1);
  });

  it("are assigned by key from other workspaces, looked up by their AWS names", () => {
    const lookups = Object.fromEntries(r.plan!.workspaces.map((w) => [w.name, w.identityCenter.permissionSetLookups]));
    expect(lookups.prod).toEqual([{ key: "Operator-prod", name: "Operator-prod", workspace: "org" }]);
    expect(lookups.dev).toEqual([
      { key: "Operator", name: "Operator", workspace: "org" },
      { key: "Operator-dev", name: "OperatorDev", workspace: "org" },
    ]);
  });

  it("a variant key that is already a permission set's is a located error", () => {
    const bad = compileFiles({
      "org.yaml": workspace({
        identityCenter: {
          permissionSets: {
            Operator: {
              ...operator,
              variants: { ReadOnly: { sessionDuration: "PT1H" } },
            },
            ReadOnly: { managedPolicies: ["ReadOnlyAccess"] },
          },
        },
      }),
    });
    expect(bad.plan).toBeUndefined();
    expect(messages(bad)).toMatchInlineSnapshot(
      `"org.yaml:23 error KL806 $.identityCenter.permissionSets.Operator.variants.ReadOnly: variant key "ReadOnly" of permission set "Operator" is already the key of a permission set in this workspace | fix: give the variant a key of its own, for example Operator-ReadOnly"`,
    );
  });

  it("a variant can change only what it lists: anything else is a schema error at its line", () => {
    const bad = compileFiles({
      "org.yaml": workspace({
        identityCenter: {
          permissionSets: {
            Operator: {
              ...operator,
              variants: {
                "Operator-x": { managedPolicies: ["AdministratorAccess"] },
              },
            },
          },
        },
      }),
    });
    expect(bad.plan).toBeUndefined();
    expect(messages(bad)).toMatch(/^org\.yaml:\d+ error KL1\d\d \$\.identityCenter\.permissionSets\.Operator\.variants\.Operator-x/);
  });
});
