import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// Against a running production build (BASE_URL), started by scripts/test.mjs.
export default createJestConfig({
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testTimeout: 120_000,
  maxWorkers: 1,
});
