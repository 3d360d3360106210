// `npm run db:reencrypt`: after a key rotation (DATA_ENCRYPTION_KEY new, DATA_ENCRYPTION_KEY_PREVIOUS
// the old one) or a new BLIND_INDEX_KEY, re-encrypts every encrypted column with the current key
// and recomputes the blind indexes, in batches; then checks the keys against the canary.
// `npm run db:check-keys`: the check alone (exit 78 with the reason when the keys do not fit).
import { db } from "@/lib/db";
import { checkKeyCanary, KeyCanaryError } from "@/lib/keys/canary";
import { prepareStoredData, reencryptAll } from "@/lib/keys/maintenance";

const log = (m: string) => console.log(`keys: ${m}`);

async function main() {
  if (process.argv.includes("--check")) {
    log(`key canary ${(await checkKeyCanary()) === "CREATED" ? "written" : "verified"}`);
    return;
  }
  const report = await reencryptAll({ log });
  await prepareStoredData({ log });
  const undecryptable = Object.entries(report.undecryptable);
  if (undecryptable.length)
    log(`NOT readable with the configured keys (left as they are): ${undecryptable.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  if (report.duplicates.length) log(`profiles whose ID number is registered twice (fix by hand): ${report.duplicates.join(", ")}`);
  log("done; DATA_ENCRYPTION_KEY_PREVIOUS can be removed once nothing above is left unreadable");
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(e instanceof KeyCanaryError ? `keys: ${e.message}` : e);
    await db.$disconnect();
    process.exit(e instanceof KeyCanaryError ? 78 : 1);
  });
