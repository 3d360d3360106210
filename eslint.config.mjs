import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next*/**", ".data/**", "bench/out/**", "next-env.d.ts"] },
  {
    // app/ is transport only: the Prisma client stays behind lib/ (STYLE.md).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/db", message: "app/ and components/ call lib/<domain>, never the database." }], patterns: ["@/lib/generated/*"] }],
    },
  },
];
