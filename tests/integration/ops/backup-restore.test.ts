// The restore drill (issue 11): the demo seed → db:backup → db:restore into a new database gives
// the same rows, and the same decrypted ID number and health note; a database holding data is
// refused without --force; a wrong key or a damaged file is refused before the target is touched.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { decryptField } from "@/lib/crypto";
import { backupDatabase, localMigrations, migrateTo, restoreDatabase, RestoreError } from "@/lib/ops/backup";

const root = path.resolve(__dirname, "../../..");
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const runDb = new URL(process.env.DATABASE_URL!).pathname.slice(1);
const dbUrl = (name: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
// Its own source database: the run's shared one changes under the other test files, so counts
// taken after the backup would not match it.
const sourceName = `${runDb}_drill`;
const sourceUrl = dbUrl(sourceName);
const targetName = `${runDb}_restore`;
const targetUrl = dbUrl(targetName);
const dir = mkdtempSync(path.join(tmpdir(), "jingxin-backup-"));
const dumpFile = path.join(dir, "drill.jxdump.gz");

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ t: string }>(url, `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${t}"`))[0]!.n);
  return out;
}

const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [tsx, script, ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: "--conditions=react-server", ...env },
    encoding: "utf8",
  });

beforeAll(async () => {
  for (const name of [sourceName, targetName]) {
    await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await query(adminUrl, `CREATE DATABASE "${name}"`);
  }
  migrateTo(root, sourceUrl, localMigrations(root));
  const seed = run("prisma/seed.ts", [], { APP_ENV: "test", DATABASE_URL: sourceUrl });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
}, 180_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of [sourceName, targetName]) await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

test("backup and restore into a new database keep every row, the ID numbers and the health notes", async () => {
  const backup = run("scripts/backup.ts", [dumpFile], { DATABASE_URL: sourceUrl });
  expect(backup.stderr).toBe("");
  expect(backup.status).toBe(0);
  expect(backup.stdout).toMatch(/backed up .* rows in \d+ tables/);

  const restore = run("scripts/restore.ts", [dumpFile], { DATABASE_URL: targetUrl });
  expect(restore.status).toBe(0);
  expect(restore.stdout).toMatch(/DATA_ENCRYPTION_KEY decrypts the restored data \(AuxiliaryProfile\.idNumberEnc\)/);

  const before = await rowCounts(sourceUrl);
  const after = await rowCounts(targetUrl);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  delete before._prisma_migrations;
  delete after._prisma_migrations;
  expect(after).toEqual(before);
  // the seed fills the domains a restore must keep
  for (const t of ["User", "AuxiliaryProfile", "MedicalBooking", "TrainingEnrollment", "AuditLog", "Unit"])
    expect(before[t]).toBeGreaterThan(0);

  const idSql = `SELECT id, "idNumberEnc" AS v FROM "AuxiliaryProfile" WHERE "idNumberEnc" IS NOT NULL ORDER BY id LIMIT 1`;
  const [srcId] = await query<{ id: string; v: string }>(sourceUrl, idSql);
  const [dstId] = await query<{ id: string; v: string }>(targetUrl, idSql);
  expect(dstId!.id).toBe(srcId!.id);
  expect(decryptField(dstId!.v)).toBe(decryptField(srcId!.v));
  expect(decryptField(dstId!.v)).toMatch(/^\d{17}[\dX]$/);

  const noteSql = `SELECT id, "noteCipher" AS v FROM "MedicalBooking" WHERE "noteCipher" IS NOT NULL ORDER BY id LIMIT 1`;
  const [srcNote] = await query<{ id: string; v: string }>(sourceUrl, noteSql);
  const [dstNote] = await query<{ id: string; v: string }>(targetUrl, noteSql);
  expect(dstNote!.id).toBe(srcNote!.id);
  expect(decryptField(dstNote!.v)).toBe(decryptField(srcNote!.v));

  // the audit log is restored exactly, so its hash chain still proves itself
  const verify = run("scripts/audit-verify.ts", [], { DATABASE_URL: targetUrl });
  expect(verify.stderr).toMatch(/audit chain intact/);
  expect(verify.status).toBe(0);
  expect(JSON.parse(verify.stdout).checked).toBe(before.AuditLog);

  // sequences continue after the restored rows: a new audit entry does not collide
  const [maxAudit] = await query<{ m: string }>(targetUrl, `SELECT max(id)::text AS m FROM "AuditLog"`);
  const [fresh] = await query<{ id: string }>(
    targetUrl,
    `INSERT INTO "AuditLog" (action, outcome) VALUES ('test.after_restore', 'SUCCESS') RETURNING id::text`,
  );
  expect(BigInt(fresh!.id)).toBeGreaterThan(BigInt(maxAudit!.m));
}, 180_000);

test("a database that holds data is refused without --force and replaced with it", async () => {
  const refused = run("scripts/restore.ts", [dumpFile], { DATABASE_URL: targetUrl });
  expect(refused.status).toBe(3);
  expect(refused.stderr).toMatch(/已有数据.*--force/);
  const marker = await query<{ n: string }>(targetUrl, `SELECT count(*) AS n FROM "AuditLog" WHERE action = 'test.after_restore'`);
  expect(Number(marker[0]!.n)).toBe(1); // untouched

  const forced = await restoreDatabase({ url: targetUrl, file: dumpFile, force: true, decrypt: decryptField, root });
  expect(forced.keyChecked).toBe("AuxiliaryProfile.idNumberEnc");
  const after = await query<{ n: string }>(targetUrl, `SELECT count(*) AS n FROM "AuditLog" WHERE action = 'test.after_restore'`);
  expect(Number(after[0]!.n)).toBe(0);
  const src = await rowCounts(sourceUrl);
  expect((await rowCounts(targetUrl)).AuditLog).toBe(src.AuditLog);
}, 180_000);

test("a key that cannot decrypt the backup, or a truncated file, is refused before the target is touched", async () => {
  const [before] = await query<{ n: string }>(targetUrl, `SELECT count(*) AS n FROM "User"`);
  const wrongKey = (): string => {
    throw new Error("bad key");
  };
  await expect(restoreDatabase({ url: targetUrl, file: dumpFile, force: true, decrypt: wrongKey, root })).rejects.toMatchObject({
    reason: "KEY_MISMATCH",
  });

  const text = gunzipSync(readFileSync(dumpFile)).toString("utf8");
  const truncated = path.join(dir, "truncated.jxdump.gz");
  writeFileSync(truncated, gzipSync(text.slice(0, Math.floor(text.length / 2))));
  const err = await restoreDatabase({ url: targetUrl, file: truncated, force: true, decrypt: decryptField, root }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RestoreError);
  expect((err as RestoreError).reason).toMatch(/BAD_FILE|COUNT_MISMATCH/);

  const [after] = await query<{ n: string }>(targetUrl, `SELECT count(*) AS n FROM "User"`);
  expect(after!.n).toBe(before!.n);
}, 120_000);

test("a backup made at an older migration is restored at that migration, then migrated up", async () => {
  const oldName = `${targetName}_old`;
  const local = localMigrations(root);
  const older = local.slice(0, -1);
  await query(adminUrl, `DROP DATABASE IF EXISTS "${oldName}" WITH (FORCE)`);
  await query(adminUrl, `CREATE DATABASE "${oldName}"`);
  try {
    migrateTo(root, dbUrl(oldName), older);
    await query(dbUrl(oldName), `INSERT INTO "AuditLog" (action, outcome) VALUES ('test.old_version', 'SUCCESS')`);
    const oldDump = path.join(dir, "old.jxdump.gz");
    const header = await backupDatabase(dbUrl(oldName), oldDump);
    expect(header.migrations).toEqual(older);

    await query(adminUrl, `DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
    await query(adminUrl, `CREATE DATABASE "${targetName}"`);
    const r = await restoreDatabase({ url: targetUrl, file: oldDump, decrypt: decryptField, root });
    expect(r.migratedFrom).toBe(older.at(-1));
    expect(r.migratedTo).toBe(local.at(-1));
    expect(r.keyChecked).toBeNull(); // nothing encrypted in this backup
    const applied = await query<{ m: string }>(targetUrl, `SELECT migration_name AS m FROM _prisma_migrations ORDER BY 1`);
    expect(applied.map((a) => a.m)).toEqual(local);
    const rows = await query<{ action: string }>(targetUrl, `SELECT action FROM "AuditLog"`);
    expect(rows).toEqual([{ action: "test.old_version" }]);
  } finally {
    await query(adminUrl, `DROP DATABASE IF EXISTS "${oldName}" WITH (FORCE)`);
  }
}, 180_000);
