/** Terraform identifiers from names: the pure functions live in src/names.ts so the compiler can use them without loading modules/. */
export { githubProviderLogicalId, terraformName } from "../src/names";
