// npm run db:restore -- <file> [--force]   restore a dump made by db:backup (lib/ops/backup.ts).
// The configured DATA_ENCRYPTION_KEY (environment or .env.local) must be the backed-up one: the
// restore decrypts a restored value with it and refuses otherwise. Stop the app first.
import path from "node:path";
import { RestoreError, restoreDatabase } from "@/lib/ops/backup";
import { readEnvFile } from "./lib/secrets.mjs";
import { targetDatabase } from "./lib/target-database";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run db:restore -- <file> [--force]");
  process.exit(2);
}
// never generate keys here: new keys could not decrypt the restored data
const keys = readEnvFile();
const REQUIRED = ["DATA_ENCRYPTION_KEY", "BLIND_INDEX_KEY", "DATA_INTEGRITY_KEY", "NEXTAUTH_SECRET"] as const;
for (const k of [...REQUIRED, "DATA_ENCRYPTION_KEY_PREVIOUS"] as const) if (keys[k]) process.env[k] ??= keys[k];
if (REQUIRED.some((k) => !process.env[k])) {
  console.error(`${REQUIRED.join(" / ")} are not all configured: put the backed-up .env.local (or the variables) in place first.`);
  process.exit(2);
}
const db = await targetDatabase();
process.env.DATABASE_URL = db.url;
let code = 0;
try {
  const { decryptField } = await import("@/lib/crypto");
  const started = Date.now();
  const r = await restoreDatabase({
    url: db.url,
    file: path.resolve(file),
    force,
    decrypt: decryptField,
    log: (l) => console.log(`  ${l}`),
  });
  console.log(
    `restored ${r.rows} rows in ${r.header.tables.length} tables into ${db.label} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`  backup of ${r.header.createdAt}, migration ${r.migratedFrom} → ${r.migratedTo}`);
  console.log(
    r.keyChecked
      ? `  DATA_ENCRYPTION_KEY decrypts the restored data (${r.keyChecked})`
      : "  the backup holds no encrypted values to check the key against",
  );
  // every key, not only the field key: the canary also proves the blind-index key (lib/keys/canary.ts)
  const { checkKeyCanary } = await import("@/lib/keys/canary");
  console.log(`  key canary: ${(await checkKeyCanary()) === "OK" ? "all keys match the restored data" : "written (the backup had none)"}`);
} catch (e) {
  console.error(`restore refused: ${e instanceof RestoreError ? e.message : e instanceof Error ? e.message : String(e)}`);
  code = e instanceof RestoreError && e.reason === "NOT_EMPTY" ? 3 : 1;
} finally {
  await db.stop();
}
process.exit(code);
