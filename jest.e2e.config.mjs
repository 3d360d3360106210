import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// Against a running production build (BASE_URL), started by scripts/test.mjs.
const base = createJestConfig({
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testTimeout: 120_000,
  maxWorkers: 1,
});

// otplib's own dependencies (@scure/base, @noble/hashes) ship ES modules only: let next/jest's
// SWC transform compile them too, like the packages Next.js itself lists there.
const ESM_ONLY = ["otplib", "@otplib", "@scure", "@noble"];
const config = async () => {
  const resolved = await base();
  resolved.transformIgnorePatterns = resolved.transformIgnorePatterns.map((p) =>
    p.replace("/node_modules/(?!.pnpm)(?!(", `/node_modules/(?!.pnpm)(?!(${ESM_ONLY.join("|")}|`),
  );
  return resolved;
};
export default config;
