import type { ValidateFunction } from "ajv";
import { stringify } from "yaml";
import { isParseFailure, parseSource } from "../src/load/source-file";
import { SCHEMA_IDS, SchemaKind, schemaAjv } from "../src/validate/validate";
import { schemaCases } from "./corpus/schema";
import { compileFiles, inventory, messages, workspace } from "./support/fixtures";

describe("schema validation", () => {
  it("reports every schema error of a run together, located, with what was expected and a fix", () => {
    const result = compileFiles({
      "dev.yaml": workspace({
        aws: { region: "eu-west-1", memberAccountRol: "Admin" },
        identityCenter: {
          permissionSets: { "Read Only": { sessionDuration: "1 hour" } },
          groups: { Developers: { source: "scim" } },
          assignments: [{ groups: ["Developers"], permissionSets: "ReadOnly", targets: {} }],
        },
      }),
      "prod.yaml": workspace({
        backend: {
          local: {},
          s3: { bucket: "b", key: "k", region: "eu-west-1" },
        },
      }),
    });
    expect(result.plan).toBeUndefined();
    expect(messages(result)).toMatchInlineSnapshot(`
     "dev.yaml:4 error KL103 $.aws.memberAccountRol: unknown property "memberAccountRol"; allowed here: region, account, memberAccountRole, defaultTags, keylessTags, planMemoryBudget, retainProviders | fix: did you mean "memberAccountRole"?
     dev.yaml:8 error KL105 $.identityCenter.permissionSets["Read Only"]: key "Read Only": found "Read Only", which does not match the expected format (1 to 32 characters: letters, digits and + = , . @ _ -) | fix: write 1 to 32 characters: letters, digits and + = , . @ _ -
     dev.yaml:8 error KL105 $.identityCenter.permissionSets["Read Only"].sessionDuration: found "1 hour", which does not match the expected format (An ISO-8601 duration from PT1H to PT12H, for example PT1H, PT4H or PT1H30M.) | fix: write an ISO-8601 duration from PT1H to PT12H, for example PT1H, PT4H or PT1H30M.
     dev.yaml:11 error KL104 $.identityCenter.groups.Developers.source: found "scim", expected one of "external", "managed" | fix: use one of "external", "managed"
     dev.yaml:15 error KL101 $.identityCenter.assignments[0].permissionSets: found "ReadOnly", expected a list | fix: write a list
     dev.yaml:16 error KL106 $.identityCenter.assignments[0].targets: found 0 properties, expected at least 1 (Which accounts an assignment reaches. Everything is expanded to accounts at synth time from the organization inventory. The management account is left out unless includeManagementAccount is true; suspended and closed accounts are always left out.) | fix: set at least 1 of: organization, organizationalUnits, recursive, accounts, tags, exclude, includeManagementAccount
     prod.yaml:5 error KL106 $.backend: found 2 properties (local, s3), expected at most 1 (Where Terraform keeps this workspace's state: exactly one of local, s3 or cloud. Default: local, terraform.tfstate.d/<workspace>/terraform.tfstate beside the output folder.) | fix: keep at most 1
     prod.yaml:7 error KL106 $.backend.s3.bucket: found 1 characters, expected at least 3 | fix: use at least 3 character(s)"
    `);
  });

  it("tells YAML users to quote account ids that lost their leading zeros", () => {
    const inv = inventory() as { accounts: Record<string, { id: unknown }> };
    inv.accounts.audit.id = 12345678901;
    const result = compileFiles({
      "shared/organization.yaml": inv,
      "dev.yaml": workspace(),
    });
    expect(messages(result)).toMatchInlineSnapshot(
      `"shared/organization.yaml:20 error KL101 $.accounts.audit.id: found number 12345678901, expected a string | fix: quote the value as written, with its leading zeros: '012345678901' (YAML read the unquoted digits as the number 12345678901)"`,
    );
  });

  it("reports missing required properties with their description", () => {
    const result = compileFiles({
      "dev.yaml": { organization: "./shared/organization.yaml" },
    });
    expect(messages(result)).toMatchInlineSnapshot(`"dev.yaml:1 error KL102 $: missing required property "aws" | fix: add "aws""`);
  });
});

describe("the validators the compiled CLI ships (ajv standalone code, written by npm run build)", () => {
  it("report exactly what the schemas compiled at run time report, on every schema case of the corpus", () => {
    const standaloneCode = require("ajv/dist/standalone").default as (ajv: unknown, refs: Record<string, string>) => string;
    // The module as npm run build writes it (scripts/build-validators.cjs), evaluated with this file's require.
    const code = standaloneCode(schemaAjv({ source: true }), { ...SCHEMA_IDS });
    const mod = { exports: {} as Record<SchemaKind, ValidateFunction> };
    new Function("module", "exports", "require", code)(mod, mod.exports, require);
    const shipped = mod.exports;
    const compiled = schemaAjv();
    const errors = (v: ValidateFunction, data: unknown) =>
      v(data) ? [] : (v.errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({ instancePath, schemaPath, keyword, params, message }));
    let invalid = 0;
    for (const c of schemaCases) {
      for (const [path, content] of Object.entries(c.files)) {
        if (content === undefined) continue;
        const text = typeof content === "string" ? content : stringify(content);
        const source = parseSource(path, text);
        if (isParseFailure(source)) continue;
        const kind: SchemaKind = path.includes("organization") ? "organization" : "workspace";
        const want = errors(compiled.getSchema(SCHEMA_IDS[kind])!, source.data);
        expect({ case: c.name, path, errors: errors(shipped[kind], source.data) }).toEqual({ case: c.name, path, errors: want });
        if (want.length) invalid++;
      }
    }
    // The comparison covered failing documents, not only valid ones.
    expect(invalid).toBeGreaterThan(20);
  });
});
