import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
// Validates the environment at build and start: a bad env fails here, not on the first request.
import "./lib/env";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
  // The Content-Security-Policy (per-request nonce), Cache-Control and HSTS come from proxy.ts.
];

const config: NextConfig = {
  // A separate build folder lets two builds (tests, benchmark) coexist with the demo's.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@node-rs/argon2", "exceljs", "pg-boss"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(config);
