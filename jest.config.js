/** @type {import('jest').Config} */
module.exports = {
  // node's environment, plus a temp folder per test file and the guard against leaks (__tests__/support/temp-environment.ts).
  testEnvironment: "<rootDir>/__tests__/support/temp-environment.ts",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }] },
  // Tests that synthesize keep their temporary output under the OS temp folder.
  testPathIgnorePatterns: ["/node_modules/", "/cdktf.out/"],
  watchPathIgnorePatterns: ["/cdktf.out"],
  // The run's temp folder, removed at its end (see __tests__/support/temp.ts).
  globalSetup: "<rootDir>/__tests__/support/temp-global.ts",
  globalTeardown: "<rootDir>/__tests__/support/temp-teardown.ts",
};
