// The demo seed: `npm run db:seed` (and `npm run demo`, which runs it on every start; it is
// idempotent). Refuses to run against a production deployment unless asked explicitly.
import { db } from "@/lib/db";
import { seedPlatform } from "./seed/platform";
import { seedTraining } from "./seed/training";
import { seedMedical } from "./seed/medical";
import { seedBenefits } from "./seed/benefits";
import { seedLeave } from "./seed/leave";
import { KeyCanaryError } from "@/lib/keys/canary";
import { prepareStoredData, reencryptAll } from "@/lib/keys/maintenance";

async function main() {
  const allowProduction = process.argv.includes("--allow-production") || process.env.SEED_ALLOW_PRODUCTION === "1";
  if (process.env.APP_ENV === "production" && !allowProduction) {
    console.error(
      "Refusing to seed demo accounts into a production deployment (APP_ENV=production).\nPass --allow-production (or SEED_ALLOW_PRODUCTION=1) if you really mean it.",
    );
    process.exit(3);
  }
  const log = (m: string) => console.log(`seed: ${m}`);
  const now = new Date();
  const base = await seedPlatform({ db, now, log });
  const ctx = { db, now, log, ...base };
  // SEED_MODULES=training,medical limits the domain seeds (default: all of them).
  const only = process.env.SEED_MODULES?.split(",");
  const want = (m: string) => !only || only.includes(m);
  if (want("training")) await seedTraining(ctx);
  if (want("medical")) await seedMedical(ctx);
  if (want("benefits")) await seedBenefits(ctx);
  if (want("leave")) await seedLeave(ctx);
  // The key canary (first seed writes it), legacy plaintext encrypted, older rows sealed once.
  try {
    await prepareStoredData({ log });
  } catch (e) {
    // A demo database from before BLIND_INDEX_KEY existed (its index keyed by NEXTAUTH_SECRET):
    // the demo re-indexes itself, as an operator would with `npm run db:reencrypt`.
    if (!(e instanceof KeyCanaryError && e.message.startsWith("BLIND_INDEX_KEY"))) throw e;
    log("re-indexing ID numbers with BLIND_INDEX_KEY");
    await reencryptAll({ log });
    await prepareStoredData({ log });
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error("seed failed:", e instanceof Error ? e.message : e);
    await db.$disconnect();
    process.exit(1);
  });
