// `npm run demo:otp -- <badge>`: the current one-time code of a demo account that carries the
// demo second factor (API.md: 000001–000003, 010001, 020001, 030001), for trying the demo without
// an authenticator app. Refuses any other account and any production deployment.
import { DEMO_TOTP_SECRET, demoMfaAccounts } from "@/prisma/seed/demo-accounts";
import { TOTP_PERIOD_SECONDS, totpCode } from "@/lib/auth/totp";

const badge = (process.argv[2] ?? "").trim().toUpperCase();
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

if (process.env.APP_ENV === "production") fail("demo:otp is for the demo only and refuses to run with APP_ENV=production.");
const accounts = demoMfaAccounts();
if (!badge) fail(`usage: npm run demo:otp -- <badge>   (one of ${accounts.map((a) => a.badgeNo).join(", ")})`);
const account = accounts.find((a) => a.badgeNo === badge);
if (!account)
  fail(
    `${badge} is not a demo account with the demo second factor (${accounts.map((a) => a.badgeNo).join(", ")}); other accounts sign in with their own authenticator.`,
  );

const now = Date.now();
const left = TOTP_PERIOD_SECONDS - (Math.floor(now / 1000) % TOTP_PERIOD_SECONDS);
console.log(await totpCode(DEMO_TOTP_SECRET, now));
console.error(`(${account!.badgeNo} ${account!.name}: valid for about ${left} s more, one sign-in per code)`);
