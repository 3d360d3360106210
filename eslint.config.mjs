import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next*/**", ".data/**", "bench/out/**", "next-env.d.ts", "test-results/**"] },
  {
    rules: {
      // no escape hatch: a dead parameter or variable is removed, not renamed with a "_". Unused
      // parameters before a used one (a server action's previous state) are fine by default.
      "@typescript-eslint/no-unused-vars": "error",
    },
  },
  {
    // app/ is transport only: the Prisma client stays behind lib/ (STYLE.md).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "app/ and components/ call lib/<domain>, never the database." }],
          patterns: ["@/lib/generated/*"],
        },
      ],
    },
  },
];

export default config;
