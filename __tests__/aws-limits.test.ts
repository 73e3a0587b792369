/**
 * The one table of AWS limits (src/aws-limits.ts) agrees with the JSON Schemas that check the same
 * limits on input, and with ../shared/AWS-FACTS.md's numbers as the rules' messages quote them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IAM_ROLE_LIMITS, IDENTITY_CENTER_LIMITS, SCP_LIMITS } from "../src/aws-limits";
import { RULES } from "../src/rules/catalog";

const schema = (name: string) => JSON.parse(readFileSync(join(__dirname, "..", "schemas", `${name}.schema.json`), "utf8"));

describe("the AWS limits table", () => {
  const ic = schema("identity-center").$defs;
  const gh = schema("github-oidc").$defs;
  const scp = schema("guardrails").$defs;

  it("matches the Identity Center schema's lengths", () => {
    expect(ic.permissionSetName.pattern).toContain(`{1,${IDENTITY_CENTER_LIMITS.permissionSetNameChars}}`);
    expect(ic.permissionSet.properties.description.maxLength).toBe(IDENTITY_CENTER_LIMITS.descriptionChars);
    expect(ic.permissionSet.properties.relayState.maxLength).toBe(IDENTITY_CENTER_LIMITS.relayStateChars);
  });

  it("matches the GitHub OIDC schema's role name and session bounds", () => {
    expect(gh.roleName.pattern).toContain(`{1,${IAM_ROLE_LIMITS.nameChars}}`);
    const session = JSON.stringify(schema("github-oidc")).match(/"maxSessionDuration":\{[^}]*\}/)![0];
    expect(JSON.parse(session.slice(session.indexOf("{")))).toMatchObject({ minimum: IAM_ROLE_LIMITS.minSessionSeconds, maximum: IAM_ROLE_LIMITS.maxSessionSeconds });
  });

  it("matches the guardrails schema's SCP description length", () => {
    expect(JSON.stringify(scp)).toContain(`"maxLength":${SCP_LIMITS.descriptionChars}`);
  });

  it("is what the registry's explanations quote", () => {
    const n = (x: number) => x.toLocaleString("en-US");
    expect(RULES.KL401.explanation).toContain(`${n(SCP_LIMITS.contentChars)} characters`);
    expect(RULES.KL402.explanation).toContain(`at most ${SCP_LIMITS.policiesPerTarget} SCPs`);
    expect(RULES.KL302.explanation).toContain(`${n(IDENTITY_CENTER_LIMITS.inlinePolicyChars)} characters`);
    expect(RULES.KL309.explanation).toContain(`within ${IDENTITY_CENTER_LIMITS.expiryWarningDays} days`);
    expect(RULES.KL316.explanation).toContain(`${n(IDENTITY_CENTER_LIMITS.permissionSetsPerInstance)} permission sets`);
    expect(RULES.KL503.explanation).toContain(`${n(IAM_ROLE_LIMITS.trustPolicyCharsDefault)} characters`);
  });
});
