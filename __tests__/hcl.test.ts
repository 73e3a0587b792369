import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { EnvironmentStack } from "../modules/environment-stack";
import { collectBlockPaths } from "../modules/hcl/block-paths";
import { toHcl } from "../modules/hcl/hcl-writer";
import { quoteTemplate, soleInterpolation } from "../modules/hcl/template";
import { synthesize } from "../modules/synth";
import { compile } from "../src/compile/compile";
import { tempDir } from "./support/temp";
import { EXAMPLE_DIR } from "./support/definitions";

const terraformOnPath = !spawnSync("terraform", ["version"], { encoding: "utf8" }).error;

describe("JSON-syntax templates in native syntax", () => {
  it.each([
    ["plain", "eu-west-1", '"eu-west-1"'],
    ["quotes and backslashes in literal text", 'say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
    ["newline, tab, control character", "a\nb\tc\u0001", '"a\\nb\\tc\\u0001"'],
    ["an interpolation keeps its inner quotes", 'x-${data.g.lookup["Developers"].id}', '"x-${data.g.lookup["Developers"].id}"'],
    ["escaped sequences stay escaped", "arn:aws:s3:::b/$${aws:username}/%%{x}", '"arn:aws:s3:::b/$${aws:username}/%%{x}"'],
    ["a brace inside a nested string", '${lookup(m, "}")}-x', '"${lookup(m, "}")}-x"'],
  ])("%s", (_, template, hcl) => expect(quoteTemplate(template)).toBe(hcl));

  it("a template that is one interpolation becomes its bare expression; anything more stays a string", () => {
    expect(soleInterpolation('${toset(["a", "b"])}')).toBe('toset(["a", "b"])');
    expect(soleInterpolation("${a}${b}")).toBeUndefined();
    expect(soleInterpolation("$${a}")).toBeUndefined();
    expect(soleInterpolation("x${a}")).toBeUndefined();
  });
});

describe("keyless synth --format hcl on the example organization", () => {
  const out = tempDir("hcl");
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const { plan } = compile({ dir: EXAMPLE_DIR, evaluationDate: "2026-01-15" });
  synthesize(plan!, { outdir: join(out, "json") });
  synthesize(plan!, { outdir: join(out, "hcl"), format: "hcl" });
  const names = plan!.workspaces.map((w) => w.name);
  const hcl = (ws: string) => readFileSync(join(out, "hcl", "stacks", ws, "main.tf"), "utf8");

  it("writes main.tf in place of cdk.tf.json, without cdktf metadata, with bare provider references and heredoc policies", () => {
    for (const ws of names) {
      const text = hcl(ws);
      expect(() => readFileSync(join(out, "hcl", "stacks", ws, "cdk.tf.json"))).toThrow();
      expect(text).not.toMatch(/"\/\/"|metadata|uniqueId/);
      expect(text).not.toMatch(/provider\s*=\s*"/);
      expect(text).not.toContain('\\"');
    }
    const prod = hcl("prod");
    expect(prod).toContain("  provider = aws.app-prod\n");
    expect(prod).toMatch(/ {2}assume_role_policy = chomp\(<<-EOT\n {4}\{"Version":"2012-10-17","Statement":\[/);
    expect(prod).toContain('required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 6.25"\n    }\n  }');
  });

  it("the writer's own layout is terraform fmt's: the bytes don't depend on terraform being on PATH", () => {
    const app = Testing.app();
    for (const ws of plan!.workspaces) {
      const stack = new EnvironmentStack(app, ws.name, { plan: ws });
      const own = toHcl(JSON.parse(readFileSync(join(out, "json", "stacks", ws.name, "cdk.tf.json"), "utf8")), collectBlockPaths(stack));
      expect(own).toBe(hcl(ws.name));
      if (terraformOnPath) {
        const fmt = spawnSync("terraform", ["fmt", "-no-color", "-"], { input: own, encoding: "utf8" });
        expect(fmt.status).toBe(0);
        expect(fmt.stdout).toBe(own);
      }
    }
  });

  it("is byte-stable: a second synth writes the same files", () => {
    synthesize(plan!, { outdir: join(out, "hcl2"), format: "hcl" });
    for (const ws of names) expect(readFileSync(join(out, "hcl2", "stacks", ws, "main.tf"), "utf8")).toBe(hcl(ws));
  });
});

describe("the HCL writer on what the example does not use", () => {
  const tf = {
    "//": { metadata: { version: "0.21.0" } },
    terraform: { backend: { s3: { bucket: "b", key: "k", region: "eu-west-1", assume_role: { role_arn: "arn:aws:iam::1:role/r" } } }, required_version: ">= 1.11" },
    resource: {
      aws_iam_role: {
        "odd-name": {
          "//": { metadata: { path: "x" } },
          name: 'quote " and backslash \\ and ${"$"}{x}',
          tags: { "aws:team": "a", plain: "b", true: "c" },
          lifecycle: { ignore_changes: ["${tags}"], prevent_destroy: true },
          assume_role_policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/$${aws:username}/*"}]}',
        },
      },
    },
    import: [{ to: "aws_iam_role.odd-name", id: "odd-name", provider: "aws.app" }],
    removed: [{ from: "aws_iam_role.gone", lifecycle: { destroy: false } }],
  };
  const text = toHcl(tf, new Map());

  it("writes backends, lifecycle, import and removed blocks, quoted keys and escapes", () => {
    expect(text).toMatchInlineSnapshot(`
     "terraform {
       required_version = ">= 1.11"
       backend "s3" {
         bucket = "b"
         key    = "k"
         region = "eu-west-1"
         assume_role = {
           role_arn = "arn:aws:iam::1:role/r"
         }
       }
     }

     resource "aws_iam_role" "odd-name" {
       name = "quote \\" and backslash \\\\ and \${"$"}{x}"
       tags = {
         "aws:team" = "a"
         plain      = "b"
         "true"     = "c"
       }
       assume_role_policy = chomp(<<-EOT
         {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/$\${aws:username}/*"}]}
         EOT
       )

       lifecycle {
         ignore_changes  = [tags]
         prevent_destroy = true
       }
     }

     import {
       provider = aws.app
       to       = aws_iam_role.odd-name
       id       = "odd-name"
     }

     removed {
       from = aws_iam_role.gone

       lifecycle {
         destroy = false
       }
     }
     "
    `);
  });

  (terraformOnPath ? it : it.skip)("is terraform fmt's layout too (skipped without terraform on PATH)", () => {
    const fmt = spawnSync("terraform", ["fmt", "-no-color", "-"], { input: text, encoding: "utf8" });
    expect([fmt.status, fmt.stdout]).toEqual([0, text]);
  });
});
