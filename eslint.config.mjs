import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next*/**", ".data/**", "bench/out/**", "next-env.d.ts", "test-results/**"] },
  {
    rules: {
      // server actions bound with useActionState receive the previous state first, often unused
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
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
