import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// Unit and integration tests (real PostgreSQL: scripts/test.mjs creates a fresh database per
// run and passes DATABASE_URL). Browser and HTTP tests run against a built server: jest.e2e.config.mjs.
const base = createJestConfig({
  testEnvironment: "node",
  roots: ["<rootDir>/tests/unit", "<rootDir>/tests/integration"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/support/server-only.cjs",
    "^@/(.*)$": "<rootDir>/$1",
    // Prisma's client loads its query compiler as ESM; Jest runs CommonJS, and the package ships
    // the same build as .js too.
    "^@prisma/client/runtime/(.*)\\.mjs$": "<rootDir>/node_modules/@prisma/client/runtime/$1.js",
  },
  setupFiles: ["<rootDir>/tests/support/setup-env.cjs"],
  setupFilesAfterEnv: ["<rootDir>/tests/support/after-env.ts"],
  testTimeout: 60_000,
  maxWorkers: 2,
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
