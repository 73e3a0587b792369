/** Terraform identifiers from names: the pure function lives in src/names.ts so the compiler can use it without loading modules/. */
export { terraformName } from "../src/names";
