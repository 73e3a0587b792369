/** @type {import('jest').Config} */
module.exports = {
  // Three workers on two cores: the Terraform tests spend part of their time in the provider's fixed waits (10 s per account assignment), so a third file keeps both cores busy (npm test: 4m14 with one worker, 2m36 with two, 2m21 with three, measured on this 2-core machine).
  maxWorkers: 3,
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
