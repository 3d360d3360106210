// The least-privilege app role (issue 9 item 7): what scripts/lib/app-role.mjs grants after the
// migrations, checked by connecting as that role to this run's migrated database. The audit log
// is refused by grant ("permission denied"), not only by its trigger ("append-only").
import { randomBytes } from "node:crypto";
import pg from "pg";
import { appUrlFor, grantAppRole } from "@/scripts/lib/app-role.mjs";

const ownerUrl = process.env.DATABASE_URL!;
const role = `jingxin_app_it_${randomBytes(4).toString("hex")}`;
const appUrl = appUrlFor(ownerUrl, role, randomBytes(12).toString("hex"));
let owner: pg.Client;
let app: pg.Client;

/** The statement's error as PostgreSQL words it (null when it succeeded); always rolled back. */
async function refusal(client: pg.Client, sql: string): Promise<string | null> {
  await client.query("BEGIN");
  try {
    await client.query(sql);
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.query("ROLLBACK");
  }
}

beforeAll(async () => {
  await grantAppRole(ownerUrl, appUrl);
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query(`INSERT INTO "AuditLog" (action, outcome) VALUES ('test.seed', 'SUCCESS')`);
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
  await owner.query(`DROP OWNED BY "${role}"`);
  await owner.query(`DROP ROLE "${role}"`);
  await owner.end();
});

test("the app role is neither superuser nor owner, and cannot create roles or databases", async () => {
  const { rows } = await app.query(
    `SELECT rolsuper, rolcreatedb, rolcreaterole, current_user <> (SELECT tableowner FROM pg_tables WHERE tablename = 'User') AS not_owner
       FROM pg_roles WHERE rolname = current_user`,
  );
  expect(rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, not_owner: true });
  await expect(grantAppRole(ownerUrl, ownerUrl)).rejects.toThrow(/must not be the database owner/);
});

test("AuditLog: read and append only; UPDATE, DELETE and TRUNCATE are refused by grant", async () => {
  expect(await refusal(app, `INSERT INTO "AuditLog" (action, outcome) VALUES ('test.app', 'SUCCESS')`)).toBeNull();
  expect(await refusal(app, `SELECT count(*) FROM "AuditLog"`)).toBeNull();
  for (const sql of [`UPDATE "AuditLog" SET action = 'x'`, `DELETE FROM "AuditLog"`, `TRUNCATE "AuditLog"`]) {
    expect(await refusal(app, sql)).toMatch(/permission denied for table AuditLog/);
  }
});

test("no DDL: ALTER TABLE, DROP TRIGGER, DROP TABLE, CREATE TABLE and temporary tables are refused", async () => {
  expect(await refusal(app, `ALTER TABLE "User" ADD COLUMN x int`)).toMatch(/must be owner/);
  expect(await refusal(app, `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
  expect(await refusal(app, `DROP TRIGGER "AuditLog_no_update_delete" ON "AuditLog"`)).toMatch(/must be owner/);
  expect(await refusal(app, `DROP TABLE "Notification"`)).toMatch(/must be owner/);
  expect(await refusal(app, `CREATE TABLE public.evil (id int)`)).toMatch(/permission denied for schema public/);
  expect(await refusal(app, `CREATE TEMP TABLE evil (id int)`)).toMatch(/permission denied to create temporary tables/);
  expect(await refusal(app, `TRUNCATE "Notification"`)).toMatch(/permission denied/);
  expect(await refusal(app, `SELECT count(*) FROM "_prisma_migrations"`)).toBeNull();
  expect(await refusal(app, `DELETE FROM "_prisma_migrations"`)).toMatch(/permission denied/);
});

test("the rows the app works with: read, insert, update, delete (the session fixture's AuthSession too)", async () => {
  expect(await refusal(app, `UPDATE "User" SET name = name WHERE false`)).toBeNull();
  expect(await refusal(app, `DELETE FROM "Notification" WHERE false`)).toBeNull();
  expect(
    await refusal(app, `INSERT INTO "AuthSession" (id, "userId", "expiresAt") SELECT 'fx-app-role', id, now() FROM "User" LIMIT 1`),
  ).toBeNull();
});

test("tables made by later migrations get the same grants; a later Audit* table is append-only once re-granted", async () => {
  await owner.query(`CREATE TABLE "ZzLater" (id serial PRIMARY KEY, v text)`);
  await owner.query(`CREATE TABLE "AuditChainProbe" (id serial PRIMARY KEY, v text)`);
  try {
    await grantAppRole(ownerUrl, appUrl); // as after every migrate deploy
    expect(await refusal(app, `INSERT INTO "ZzLater" (v) VALUES ('a')`)).toBeNull();
    expect(await refusal(app, `UPDATE "ZzLater" SET v = 'b'`)).toBeNull();
    expect(await refusal(app, `INSERT INTO "AuditChainProbe" (v) VALUES ('a')`)).toBeNull();
    expect(await refusal(app, `UPDATE "AuditChainProbe" SET v = 'b'`)).toMatch(/permission denied/);
    expect(await refusal(app, `DELETE FROM "AuditChainProbe"`)).toMatch(/permission denied/);
  } finally {
    await owner.query(`DROP TABLE "ZzLater", "AuditChainProbe"`);
  }
});

test("role defaults keep the time limits even when no startup parameter sets them (PgBouncer)", async () => {
  const bare = new pg.Client({ connectionString: appUrl });
  await bare.connect();
  try {
    const { rows } = await bare.query(
      `SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`,
    );
    expect(rows[0]).toEqual({ s: "15s", i: "10s" });
  } finally {
    await bare.end();
  }
});
