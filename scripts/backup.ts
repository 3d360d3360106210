// npm run db:backup -- <file>   a consistent logical dump of the database (lib/ops/backup.ts).
// The keys in .env.local are NOT in the dump: back them up separately (README "Backups").
import path from "node:path";
import { backupDatabase } from "@/lib/ops/backup";
import { targetDatabase } from "./lib/target-database";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("usage: npm run db:backup -- <file>   (e.g. backups/jingxin-2026-12-03.jxdump.gz)");
  process.exit(2);
}
const db = await targetDatabase();
let code = 0;
try {
  const started = Date.now();
  const header = await backupDatabase(db.url, path.resolve(file));
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`backed up ${db.label}: ${rows} rows in ${header.tables.length} tables, migration ${header.migrations.at(-1)}`);
  console.log(`→ ${path.resolve(file)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log("Remember: DATA_ENCRYPTION_KEY and NEXTAUTH_SECRET (.env.local) are not in the dump; keep a copy of them apart from it.");
} catch (e) {
  console.error(`backup failed: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await db.stop();
}
process.exit(code);
