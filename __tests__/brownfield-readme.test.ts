/**
 * README "Adopting an existing organization", start to finish, against the shared AWS emulator seeded
 * with the hand-made organization of support/brownfield-seed.ts (real SDK over HTTP): every
 * `npx keyless` line of the scenario, in an empty folder, with the exit code the scenario notes. And "What the AWS commands read" lists exactly the
 * actions the commands call (src/aws/actions.ts, checked against the calls in brownfield-adoption).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { READ_ONLY_ACTIONS } from "../src/aws/actions";
import { runCliAsync } from "../src/cli/cli";
import type { CliIo } from "../src/cli/context";
import { brownfieldSeed } from "./support/brownfield-seed";
import type { Emulator } from "./support/emulator";
import { startBrownfieldEmulator } from "./support/emulator/brownfield-seed";
import { tempDir } from "./support/temp";

const README = readFileSync(join(__dirname, "..", "README.md"), "utf8");
const section = (heading: string) => {
  const at = README.indexOf(heading);
  expect(at).toBeGreaterThan(0);
  const rest = README.slice(at + heading.length);
  return rest.slice(0, rest.search(/\n##+ /));
};

describe("README: Adopting an existing organization", () => {
  let aws: Emulator;
  let cwd: string;
  beforeAll(async () => {
    const seed = brownfieldSeed();
    aws = await startBrownfieldEmulator(seed, { memberRoles: ["keyless-audit-read"] });
    cwd = tempDir("adopt-readme");
  });
  afterAll(async () => {
    expect(aws.unhandled).toEqual([]);
    await aws.stop();
  });

  it("every keyless command of the scenario works as noted, in an empty folder", async () => {
    const block = /```sh\n([\s\S]*?)```/.exec(section("### Adopting an existing organization"))![1];
    const lines = block.split("\n").filter((l) => l.startsWith("npx keyless "));
    expect(lines.map((l) => l.split(/\s+/)[2])).toEqual(["inventory", "import", "validate", "synth", "audit"]);
    for (const line of lines) {
      const [command, comment = ""] = line.split(/\s+#\s*/);
      const argv = command.trim().split(/\s+/).slice(2);
      const out: string[] = [];
      const io: CliIo = {
        stdout: (t) => out.push(t),
        stderr: (t) => out.push(t),
        cwd,
        env: { AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: "AKIA0000111111111111", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "eu-west-1" },
        isTTY: false,
        today: () => "2026-12-01",
      };
      const code = await runCliAsync(argv, io);
      expect([line, code, code ? out.join("\n") : ""]).toEqual([line, /exits 1/.test(comment) ? 1 : 0, code && /exits 1/.test(comment) ? out.join("\n") : ""]);
      for (const file of comment.match(/environments\/\S+|imports\/\S+/g) ?? []) {
        expect([file, existsSync(join(cwd, file.startsWith("imports/") ? `environments/${file}` : file))]).toEqual([file, true]);
      }
    }
    expect(existsSync(join(cwd, "cdktf.out", "stacks", "adopted", "cdk.tf.json"))).toBe(true);
    // Step 1: the assignments are grouped as the text says; step 3: the audit has keys to deactivate first.
    const adopted = parse(readFileSync(join(cwd, "environments", "adopted.yaml"), "utf8"));
    expect(adopted.identityCenter.assignments).toContainEqual(expect.objectContaining({ targets: expect.objectContaining({ organization: true }) }));
    expect(adopted.identityCenter.assignments).toContainEqual(expect.objectContaining({ targets: { organizationalUnits: ["security"] } }));
    expect(JSON.parse(readFileSync(join(cwd, "audit.json"), "utf8")).totals.keysToDeactivateFirst).toBeGreaterThan(0);
  }, 60_000);
});

describe("README: What the AWS commands read", () => {
  it("lists exactly the actions each command calls", () => {
    const text = section("### What the AWS commands read").replace(/\n {2,}/g, " ");
    const listed = (command: string) => {
      const m = new RegExp(`^- \`${command}\`: (.*)$`, "m").exec(text)!;
      return m[1]
        .replace("the `inventory` actions,", READ_ONLY_ACTIONS.inventory.join(", ") + ",")
        .replace(/\(the member role\)|and in each account /g, "")
        .split(/,\s*/)
        .map((a) => a.trim().split(/\s/)[0])
        .filter((a) => /^[a-z]+:[A-Za-z]+$/.test(a))
        .sort();
    };
    for (const command of ["inventory", "import", "audit"] as const) expect([command, listed(command)]).toEqual([command, [...READ_ONLY_ACTIONS[command]].sort()]);
  });
});
