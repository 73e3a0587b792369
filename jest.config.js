/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }] },
  // Tests that synthesize keep their temporary output under the OS temp folder.
  testPathIgnorePatterns: ["/node_modules/", "/cdktf.out/"],
  watchPathIgnorePatterns: ["/cdktf.out"],
  // Every test file gets its own TMPDIR; a keyless-* folder left behind fails the file (see __tests__/support/temp.ts).
  globalSetup: "<rootDir>/__tests__/support/temp-global.ts",
  globalTeardown: "<rootDir>/__tests__/support/temp-teardown.ts",
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/temp.ts"],
};
