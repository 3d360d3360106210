// The migrations folder and the Prisma schema must describe the same database. This run's test
// database was built from the migrations; a second one is built straight from the schema
// (`prisma migrate diff --from-empty`), and their catalogues are compared.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const fromMigrations = process.env.DATABASE_URL!;
const scratchName = `${new URL(fromMigrations).pathname.slice(1)}_drift`;

function withDb(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

// Hand-written SQL that Prisma cannot express is allowed only in migrations: triggers (constraint
// triggers too, which pg_constraint lists as contype t), CHECK
// constraints and partial (WHERE …) indexes and exclusion constraints, and NOT NULL on list
// columns (Prisma has no way to say it). Everything else must match exactly.
async function catalogue(url: string) {
  const [columns, indexes, constraints, enums] = await Promise.all([
    query(
      url,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                ORDER BY table_name, column_name`,
    ),
    query<{ indexname: string; indexdef: string }>(
      url,
      `SELECT indexname, indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
    ),
    query(
      url,
      `SELECT c.conname, c.contype, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
                JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = 'public' AND c.contype NOT IN ('c', 'n', 't') AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
                ORDER BY c.conname`,
    ),
    query(
      url,
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t
                JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
    ),
  ]);
  const partial = (def: string) => /\sWHERE\s/i.test(def);
  type Column = { data_type: string; is_nullable: string };
  return {
    // list columns are compared without their nullability; the test below checks it
    columns: (columns as Column[]).map((c) => (c.data_type === "ARRAY" ? { ...c, is_nullable: "(list)" } : c)),
    indexes: indexes.filter((i) => !partial(i.indexdef)),
    constraints: constraints.filter((c) => !partial((c as { def: string }).def)),
    enums,
  };
}

beforeAll(async () => {
  await query(adminUrl, `DROP DATABASE IF EXISTS "${scratchName}"`);
  await query(adminUrl, `CREATE DATABASE "${scratchName}"`);
});
afterAll(async () => {
  await query(adminUrl, `DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
});

test("the migrations build exactly the database the Prisma schema describes", async () => {
  const root = path.resolve(__dirname, "../../..");
  const script = execFileSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema", "--script"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: fromMigrations },
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  const scratch = withDb(adminUrl, scratchName);
  await query(scratch, script);
  const [a, b] = await Promise.all([catalogue(fromMigrations), catalogue(scratch)]);
  expect(a.columns.length).toBeGreaterThan(10);
  expect(a.enums).toEqual(b.enums);
  expect(a.columns).toEqual(b.columns);
  expect(a.indexes).toEqual(b.indexes);
  expect(a.constraints).toEqual(b.constraints);
});

test("every list column is NOT NULL with a default, so code may read .length of it", async () => {
  const lists = await query<{ column: string; is_nullable: string; column_default: string | null }>(
    fromMigrations,
    `SELECT table_name || '.' || column_name AS column, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type = 'ARRAY' ORDER BY 1`,
  );
  expect(lists.map((l) => l.column)).toEqual(expect.arrayContaining(["TrainingSession.audienceUnitIds", "User.roles"]));
  expect(lists.filter((l) => l.is_nullable !== "NO" || !l.column_default)).toEqual([]);
});

test("the audit table's append-only triggers exist only through the migrations", async () => {
  const triggers = await query<{ tgname: string }>(
    fromMigrations,
    `SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditLog"'::regclass AND NOT tgisinternal ORDER BY tgname`,
  );
  expect(triggers.map((t) => t.tgname)).toEqual(["AuditLog_chain", "AuditLog_no_truncate", "AuditLog_no_update_delete", "AuditLog_seal"]);
});
