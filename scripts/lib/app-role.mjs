// The least-privilege role the running app connects as (issue 9 item 7). Migrations and the seed
// run as the database owner (DATABASE_URL of the scripts); the app server gets a URL of its own
// role, which may read and write rows and nothing else:
//   - no DDL: not the owner of anything, no CREATE on the schema or the database, not superuser;
//   - SELECT, INSERT, UPDATE, DELETE on the tables (not TRUNCATE, REFERENCES, TRIGGER), USAGE on
//     the sequences; new tables get the same through ALTER DEFAULT PRIVILEGES;
//   - on "AuditLog" and every table named Audit*: SELECT and INSERT only (append-only by grant,
//     beside the trigger that refuses UPDATE/DELETE/TRUNCATE to anyone);
//   - on Prisma's _prisma_migrations: SELECT only (a health check may read which migrations ran);
//   - in pg-boss's schema "pgboss" (installed by the owner): rows only, like the app's tables.
// grantAppRole runs after every `prisma migrate deploy` (scripts/run.mjs, scripts/test.mjs), so a
// new Audit* table loses UPDATE/DELETE the moment it is migrated.
// No import.meta here: Jest (CommonJS) imports this file for tests/integration/ops/app-role.test.ts.
import pg from "pg";

export const DEFAULT_APP_ROLE = "jingxin_app";

/**
 * Audit* tables that need more than SELECT, INSERT (e.g. a hash chain's one-row head that is
 * updated under a lock): table → extra privileges. Empty until such a table exists.
 */
export const AUDIT_EXTRA_GRANTS = {};

const ident = (name) => `"${String(name).replace(/"/g, '""')}"`;
const literal = (s) => `'${String(s).replace(/'/g, "''")}'`;

/** The owner's URL with the app role's name and password in it. */
export function appUrlFor(ownerUrl, role, password) {
  const u = new URL(ownerUrl);
  u.username = encodeURIComponent(role);
  u.password = password ? encodeURIComponent(password) : "";
  return u.toString();
}

/**
 * Creates the role of `appUrl` if missing (setting the password when `setPassword`, e.g. a role
 * the scripts made themselves), then grants it exactly what the app needs in the owner's database.
 * Refuses an app URL naming the owner itself or a superuser: that would be no separation.
 * Role defaults for statement_timeout and idle_in_transaction_session_timeout are set too, so the
 * limits hold behind a PgBouncer that drops startup parameters.
 */
export async function grantAppRole(ownerUrl, appUrl, { setPassword = true, statementTimeoutMs = 15_000, idleInTxTimeoutMs = 10_000 } = {}) {
  const app = new URL(appUrl);
  const role = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  if (!role) throw new Error("the app database URL names no user");
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const { rows: me } = await c.query("select current_user as owner, current_database() as db");
    const { owner, db } = me[0];
    if (role === owner) throw new Error(`the app role must not be the database owner (${owner})`);
    const { rows } = await c.query("select rolsuper from pg_roles where rolname = $1", [role]);
    if (rows[0]?.rolsuper) throw new Error(`the app role ${role} is a superuser: use a role without SUPERUSER`);
    if (!rows.length) {
      // concurrent runs may race to create the same role: a duplicate is fine
      await c
        .query(
          `create role ${ident(role)} login nosuperuser nocreatedb nocreaterole noinherit${password ? ` password ${literal(password)}` : ""}`,
        )
        .catch((e) => {
          if (e.code !== "42710" && e.code !== "23505") throw e;
        });
    } else if (setPassword && password) {
      await c.query(`alter role ${ident(role)} login password ${literal(password)}`);
    }
    const r = ident(role);
    const o = ident(owner);
    // PostgreSQL before 15 let PUBLIC create in schema public, and PUBLIC may make temporary
    // tables: nobody but the owner may (needs the schema's and database's owner: else a warning)
    for (const sql of [`revoke create on schema public from public`, `revoke temporary on database ${ident(db)} from public`]) {
      await c.query(sql).catch((e) => console.warn(`app role: ${sql}: ${e.message}`));
    }
    const statements = [
      `grant connect on database ${ident(db)} to ${r}`,
      `grant usage on schema public to ${r}`,
      `grant select, insert, update, delete on all tables in schema public to ${r}`,
      `revoke truncate, references, trigger on all tables in schema public from ${r}`,
      `grant usage, select on all sequences in schema public to ${r}`,
      `alter default privileges for role ${o} in schema public grant select, insert, update, delete on tables to ${r}`,
      `alter default privileges for role ${o} in schema public grant usage, select on sequences to ${r}`,
      `alter role ${r} in database ${ident(db)} set statement_timeout = ${Number(statementTimeoutMs)}`,
      `alter role ${r} in database ${ident(db)} set idle_in_transaction_session_timeout = ${Number(idleInTxTimeoutMs)}`,
    ];
    for (const sql of statements) await c.query(sql);
    // pg-boss's schema (lib/jobs.ts), installed by the owner: the app's workers read and write its
    // rows (jobs, schedules, locks) and create nothing
    const { rowCount: hasJobs } = await c.query(`select 1 from pg_namespace where nspname = 'pgboss'`);
    if (hasJobs)
      for (const sql of [
        `grant usage on schema pgboss to ${r}`,
        `grant select, insert, update, delete on all tables in schema pgboss to ${r}`,
        `grant usage, select on all sequences in schema pgboss to ${r}`,
        `grant execute on all functions in schema pgboss to ${r}`,
        `alter default privileges for role ${o} in schema pgboss grant select, insert, update, delete on tables to ${r}`,
      ])
        await c.query(sql);
    const { rows: tables } = await c.query(
      `select tablename from pg_tables where schemaname = 'public' and (tablename like 'Audit%' or tablename = '_prisma_migrations')`,
    );
    for (const { tablename } of tables) {
      const t = `public.${ident(tablename)}`;
      await c.query(`revoke all on ${t} from ${r}`);
      await c.query(tablename === "_prisma_migrations" ? `grant select on ${t} to ${r}` : `grant select, insert on ${t} to ${r}`);
      const extra = AUDIT_EXTRA_GRANTS[tablename];
      if (extra?.length) await c.query(`grant ${extra.join(", ")} on ${t} to ${r}`);
    }
  } finally {
    await c.end();
  }
}

/** Drops a role made for one test run (after its databases are gone). */
export async function dropRole(adminUrl, role) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`drop role if exists ${ident(role)}`);
  } finally {
    await c.end();
  }
}
