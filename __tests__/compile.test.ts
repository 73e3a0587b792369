import { compileFiles, ignoring, messages, UNUSED, workspace } from "./support/fixtures";

/** orgWide declares a managed group it never assigns and gives Admin PT2H: findings these tests are not about. */
const NOT_HERE = [...UNUSED, "KL602"];

const orgWide = workspace({
  identityCenter: {
    permissionSets: {
      ReadOnly: { managedPolicies: ["ReadOnlyAccess"] },
      Admin: {
        managedPolicies: ["AdministratorAccess"],
        sessionDuration: "PT2H",
      },
    },
    groups: {
      Platform: { source: "external" },
      Breakglass: { source: "managed", description: "Emergency" },
    },
    assignments: [
      {
        groups: ["Platform"],
        permissionSets: ["Admin"],
        targets: { organization: true },
      },
    ],
  },
});

describe("compiler", () => {
  it("expands OU targets recursively, leaving out suspended and management accounts", () => {
    const result = compileFiles({
      "org.yaml": orgWide,
      "prod.yaml": workspace({
        identityCenter: {
          groups: { Developers: { source: "external" } },
          assignments: [
            {
              groups: ["Developers"],
              permissionSets: ["ReadOnly"],
              targets: { organizationalUnits: ["workloads"] },
            },
          ],
        },
      }),
    });
    expect(ignoring(result, NOT_HERE).diagnostics).toEqual([]);
    const [org, prod] = result.plan!.workspaces;
    expect(prod.identityCenter.assignments.map((a) => a.key)).toEqual([
      "group:Developers/ReadOnly/app-dev",
      "group:Developers/ReadOnly/app-prod",
      "group:Developers/ReadOnly/data-prod",
    ]);
    // organization: true reaches every active member account, not the management account.
    expect(org.identityCenter.assignments.map((a) => a.account.name)).toEqual(["app-dev", "app-prod", "audit", "data-prod"]);
  });

  it("honours non-recursive OUs, exclusions, tags and an explicit management account", () => {
    const result = compileFiles({
      "org.yaml": workspace({
        identityCenter: {
          permissionSets: { ReadOnly: {} },
          groups: { G: { source: "external" } },
          assignments: [
            {
              groups: ["G"],
              permissionSets: ["ReadOnly"],
              targets: { organizationalUnits: ["workloads"], recursive: false },
            },
            {
              groups: ["G"],
              permissionSets: ["ReadOnly"],
              targets: {
                tags: { env: "prod" },
                exclude: { accounts: ["data-prod"] },
              },
            },
            {
              groups: ["G"],
              permissionSets: ["ReadOnly"],
              targets: {
                accounts: ["management", "100000000005"],
                includeManagementAccount: true,
              },
            },
          ],
        },
      }),
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.path.join(".")}`)).toEqual(["KL208 identityCenter.assignments.0.targets"]);
    expect(result.plan!.workspaces[0].identityCenter.assignments.map((a) => a.account.name)).toEqual(["app-dev", "app-prod", "management"]);
  });

  it("looks up permission sets and groups owned by other workspaces by name", () => {
    const result = compileFiles({
      "org.yaml": orgWide,
      "dev.yaml": workspace({
        identityCenter: {
          assignments: [
            {
              groups: ["Breakglass", "Platform"],
              permissionSets: ["ReadOnly"],
              targets: { accounts: ["app-dev"] },
            },
          ],
        },
      }),
    });
    const dev = result.plan!.workspaces.find((w) => w.name === "dev")!;
    expect(dev.identityCenter.permissionSets).toEqual([]);
    expect(dev.identityCenter.permissionSetLookups).toEqual([{ key: "ReadOnly", name: "ReadOnly", workspace: "org" }]);
    expect(dev.identityCenter.groupLookups).toEqual(["Breakglass", "Platform"]);
    const org = result.plan!.workspaces.find((w) => w.name === "org")!;
    expect(org.identityCenter.managedGroups).toEqual([{ name: "Breakglass", description: "Emergency" }]);
    expect(org.identityCenter.permissionSets.map((p) => [p.key, p.sessionDuration, p.managedPolicyArns])).toEqual([
      ["Admin", "PT2H", ["arn:aws:iam::aws:policy/AdministratorAccess"]],
      ["ReadOnly", "PT1H", ["arn:aws:iam::aws:policy/ReadOnlyAccess"]],
    ]);
  });

  it("reports unknown references with a suggestion, each located", () => {
    const result = compileFiles({
      "org.yaml": orgWide,
      "dev.yaml": workspace({
        identityCenter: {
          assignments: [
            {
              groups: ["Platfrom"],
              permissionSets: ["ReadOnyl"],
              targets: {
                accounts: ["app-dve"],
                organizationalUnits: ["workloads/qa"],
              },
            },
            { permissionSets: ["ReadOnly"], targets: { organization: true } },
          ],
        },
      }),
    });
    expect(result.plan).toBeUndefined();
    expect(messages(result)).toMatchInlineSnapshot(`
      "dev.yaml:7 error KL204 $.identityCenter.assignments[0].groups[0]: group "Platfrom" is not declared in any workspace | fix: did you mean "Platform"?; declare it under identityCenter.groups with source external (from your IdP) or managed
      dev.yaml:9 error KL203 $.identityCenter.assignments[0].permissionSets[0]: permission set "ReadOnyl" is not declared in any workspace | fix: did you mean "ReadOnly"?
      dev.yaml:14 error KL202 $.identityCenter.assignments[0].targets.organizationalUnits[0]: organizational unit "workloads/qa" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "workloads"?
      dev.yaml:12 error KL201 $.identityCenter.assignments[0].targets.accounts[0]: account "app-dve" is not in the organization inventory (shared/organization.yaml) | fix: did you mean "app-dev"?
      dev.yaml:11 warning KL208 $.identityCenter.assignments[0].targets: the targets reach no active account, so this assignment grants nothing | fix: check the OU paths, tags and exclusions
      dev.yaml:15 error KL207 $.identityCenter.assignments[1]: the assignment names no groups and no users | fix: add groups: [<display name>] (or users: [<user name>])"
    `);
  });

  it("names both files when two workspaces declare the same object", () => {
    const result = compileFiles({
      "org.yaml": orgWide,
      "dev.yaml": workspace({
        identityCenter: {
          permissionSets: { ReadOnly: {} },
          groups: { Breakglass: { source: "external" } },
        },
      }),
    });
    expect(messages(result)).toMatchInlineSnapshot(`
      "org.yaml:7 error KL205 $.identityCenter.permissionSets.ReadOnly: permission set "ReadOnly" is declared by dev.yaml (workspace dev) and again by org.yaml (workspace org); each permission set has one owner | fix: keep the declaration in one workspace and refer to it by name from the others
      dev.yaml:9 error KL205 $.identityCenter.groups.Breakglass.source: group "Breakglass" is external here but managed (created) by org.yaml; a group comes from your IdP or from keyless, not both | fix: declare "Breakglass" with one source everywhere"
    `);
  });

  it("tells two clashing declarations in one file apart by their place in it", () => {
    const result = compileFiles({
      "org.yaml": workspace({ identityCenter: { permissionSets: { ReadOnly: {}, ReadOnlyV2: { name: "ReadOnly" } } } }),
    });
    expect(result.diagnostics.filter((d) => d.code === "KL205").map((d) => d.message)).toEqual([
      'permission set name "ReadOnly" is declared by $.identityCenter.permissionSets.ReadOnly (line 6) and again by $.identityCenter.permissionSets.ReadOnlyV2.name (line 8); each permission set name has one owner',
    ]);
  });

  it("checks session durations, policy size and managed-policy counts", () => {
    const many = Array.from({ length: 12 }, (_, i) => `Policy${i}`);
    const big = {
      Statement: [
        {
          Effect: "Allow",
          Action: Array.from({ length: 600 }, (_, i) => `s3:GetSomethingRatherLong${i}`),
          Resource: "*",
        },
      ],
    };
    const result = compileFiles({
      "org.yaml": workspace({
        identityCenter: {
          permissionSets: {
            Long: { sessionDuration: "PT13H" },
            Many: { managedPolicies: many },
            TooMany: {
              managedPolicies: [...many, ...many.map((p) => p + "x")],
            },
            Big: { inlinePolicy: big },
          },
        },
      }),
    });
    expect(
      result.diagnostics
        .filter((d) => d.code !== "KL212")
        .map(
          // Policy0...: not AWS names, beside the point here
          (d) => `${d.severity} ${d.code} ${d.path.join(".")}`,
        ),
    ).toEqual([
      // Compile errors first, then the size and count rules (src/rules/checks/) over the plan.
      "error KL301 identityCenter.permissionSets.Long.sessionDuration",
      "error KL302 identityCenter.permissionSets.Big.inlinePolicy",
      "warning KL304 identityCenter.permissionSets.Many.managedPolicies",
      "error KL303 identityCenter.permissionSets.TooMany.managedPolicies",
    ]);
  });

  it("produces the same plan whatever the order of lists and maps", () => {
    const a = compileFiles({
      "org.yaml": orgWide,
      "dev.yaml": workspace({
        identityCenter: {
          groups: {
            Developers: { source: "external" },
            Data: { source: "external" },
          },
          assignments: [
            {
              groups: ["Developers", "Data"],
              permissionSets: ["ReadOnly", "Admin"],
              targets: { accounts: ["app-dev", "app-prod"] },
            },
            {
              groups: ["Data"],
              permissionSets: ["ReadOnly"],
              targets: { organizationalUnits: ["workloads/prod"] },
            },
          ],
        },
      }),
    });
    const b = compileFiles({
      "dev.yaml": workspace({
        identityCenter: {
          assignments: [
            {
              groups: ["Data"],
              permissionSets: ["ReadOnly"],
              targets: { organizationalUnits: ["workloads/prod"] },
            },
            {
              groups: ["Data", "Developers"],
              permissionSets: ["Admin", "ReadOnly"],
              targets: { accounts: ["app-prod", "app-dev"] },
            },
          ],
          groups: {
            Data: { source: "external" },
            Developers: { source: "external" },
          },
        },
      }),
      "org.yaml": orgWide,
    });
    expect(ignoring(a, NOT_HERE).diagnostics).toEqual([]);
    // declaredAt (where a grant is written, for findings) follows the file's order; everything else must not.
    const withoutOrigins = (plan: unknown) => JSON.stringify(plan, (k, v) => (k === "declaredAt" ? undefined : v));
    expect(withoutOrigins(b.plan)).toEqual(withoutOrigins(a.plan));
    // 2 groups x 2 permission sets x 2 accounts, plus Data/ReadOnly on data-prod (app-prod is the same grant).
    expect(a.plan!.workspaces[0].identityCenter.assignments).toHaveLength(9);
  });
});
