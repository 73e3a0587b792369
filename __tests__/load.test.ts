import { loadDefinitions } from "../src/load/load";
import { compileFiles, inventory, messages, workspace, writeDefinitions } from "./support/fixtures";

describe("loader", () => {
  it("reads YAML and JSON workspaces, named after their files, with the inventory they name", () => {
    const dir = writeDefinitions({
      "dev.yaml": workspace(),
      "prod.json": workspace(),
    });
    const loaded = loadDefinitions({ dir, cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.workspaces.map((w) => [w.name, w.source.file])).toEqual([
      ["dev", "dev.yaml"],
      ["prod", "prod.json"],
    ]);
    expect(loaded.organization?.file).toBe("shared/organization.yaml");
  });

  it("locates values by JSON path, in YAML and in JSON", () => {
    const dir = writeDefinitions({
      "dev.yaml": "organization: ./shared/organization.yaml\naws:\n  region: eu-west-1\n",
      "prod.json": '{\n  "organization": "./shared/organization.yaml",\n  "aws": {\n    "region": "eu-west-1"\n  }\n}\n',
    });
    const [dev, prod] = loadDefinitions({ dir, cwd: dir }).workspaces;
    expect(dev.source.locate(["aws", "region"])).toEqual({
      line: 3,
      column: 11,
    });
    expect(prod.source.locate(["aws", "region"])).toEqual({
      line: 4,
      column: 15,
    });
  });

  it("reports syntax errors and duplicate keys with their line, and keeps going", () => {
    const result = compileFiles({
      "dev.yaml": "organization: ./shared/organization.yaml\naws: [unclosed\n",
      "prod.yaml": "organization: ./shared/organization.yaml\naws:\n  region: eu-west-1\naws:\n  region: us-east-1\n",
      "ok.yaml": workspace(),
    });
    expect(result.plan).toBeUndefined();
    expect(messages(result)).toMatchInlineSnapshot(`
      "dev.yaml:3 error KL002 $: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] | fix: correct the syntax at that line
      prod.yaml:4 error KL002 $: not valid YAML: key "aws" appears twice in the same map; the second would silently replace the first | fix: correct the syntax at that line"
    `);
  });

  it("rejects file names that cannot be workspace names, and an empty folder", () => {
    expect(messages(compileFiles({ "Prod Account.yaml": workspace() }))).toContain('KL005 $: "Prod Account" cannot name a workspace');
    const empty = writeDefinitions({});
    expect(loadDefinitions({ dir: empty, cwd: empty }).diagnostics.map((d) => d.code)).toEqual(["KL003"]);
  });

  it("reports a missing inventory and inventories that differ between workspaces", () => {
    expect(
      messages(
        compileFiles({
          "dev.yaml": workspace({ organization: "./nowhere.yaml" }),
        }),
      ),
    ).toMatchInlineSnapshot(
      `"dev.yaml:1 error KL001 $.organization: organization "./nowhere.yaml" names nowhere.yaml, which does not exist | fix: point organization at the inventory file, relative to this workspace file"`,
    );
    const two = compileFiles({
      "dev.yaml": workspace(),
      "prod.yaml": workspace({ organization: "./other.yaml" }),
      "other.yaml": inventory(),
    });
    expect(two.diagnostics.map((d) => d.code)).toContain("KL004");
  });
});
