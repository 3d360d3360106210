// Logical backup and restore over a plain PostgreSQL connection, so it works for the embedded
// PostgreSQL 18 and any DATABASE_URL on a machine with only Node and npm (no pg_dump of the
// server's version there). See docs/decisions/0008-backup-and-job-queue.md.
//
// A dump is one gzip file: a JSON header line (format, the applied migrations, every table of the
// public schema with its columns and row count, every sequence's value), then per table a
// "-- <table>" line, its rows in COPY text format and a "\." line, then "-- end". All of it is
// read in one REPEATABLE READ transaction, so the file is one consistent snapshot.
import { execFileSync } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

export const DUMP_FORMAT = "jingxin-dump";
const FORMAT_VERSION = 1;
const END = "-- end";

type TableInfo = { name: string; columns: string[]; rows: number };
export type DumpHeader = {
  format: typeof DUMP_FORMAT;
  formatVersion: number;
  createdAt: string;
  migrations: string[];
  tables: TableInfo[];
  sequences: { name: string; lastValue: string | null }[];
};

/** Why a restore stopped; the CLI prints the message and exits non-zero. */
export class RestoreError extends Error {
  constructor(
    readonly reason: "NOT_EMPTY" | "BAD_FILE" | "NEWER_DUMP" | "KEY_MISMATCH" | "COUNT_MISMATCH",
    message: string,
  ) {
    super(message);
    this.name = "RestoreError";
  }
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}

async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  return rows.map((r) => r.name);
}

/** Write a consistent dump of the public schema's data to `file` (via `file.partial`, mode 0600). */
export async function backupDatabase(url: string, file: string): Promise<DumpHeader> {
  const client = await connect(url);
  const partial = `${file}.partial`;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrated = await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`);
    if (!migrated.rows[0]?.t) throw new Error("the database has never been migrated: nothing to back up");
    const migrations = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.migration_name);
    const tables: TableInfo[] = [];
    for (const name of await publicTables(client)) {
      // generated columns are computed again on restore; COPY FROM refuses them
      const columns = (
        await client.query<{ attname: string }>(
          `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
            ORDER BY attnum`,
          [q(name)],
        )
      ).rows.map((r) => r.attname);
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(name)}`);
      tables.push({ name, columns, rows: Number(rows[0]?.n ?? 0) });
    }
    const sequences = (
      await client.query<{ name: string; lastValue: string | null }>(
        `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
      )
    ).rows;
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables,
      sequences,
    };

    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
    const put = async (chunk: string | Buffer) => {
      if (!gzip.write(chunk)) await once(gzip, "drain");
    };
    await put(`${JSON.stringify(header)}\n`);
    for (const t of tables) {
      await put(`-- ${t.name}\n`);
      const stream = client.query(copyTo(`COPY ${q(t.name)} (${t.columns.map(q).join(", ")}) TO STDOUT`));
      for await (const chunk of stream) await put(chunk as Buffer);
      await put("\\.\n");
    }
    await put(`${END}\n`);
    gzip.end();
    await written;
    await client.query("COMMIT");
    renameSync(partial, file);
    return header;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Every migration folder of the checkout, oldest first. */
export function localMigrations(root: string): string[] {
  return readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function prismaMigrate(root: string, url: string, configFile?: string) {
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy", ...(configFile ? ["--config", configFile] : [])], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}

/**
 * Build the schema exactly as the dump's code had it: `prisma migrate deploy` over a copy of the
 * migrations folder that holds only the dump's migrations (a temporary config inside the checkout,
 * so it resolves the project's own packages).
 */
export function migrateTo(root: string, url: string, migrations: string[]) {
  mkdirSync(path.join(root, ".data"), { recursive: true }); // git-ignored; absent when DATABASE_URL was always set
  const dir = mkdtempSync(path.join(root, ".data", "restore-"));
  try {
    const target = path.join(dir, "migrations");
    for (const m of migrations) cpSync(path.join(root, "prisma", "migrations", m), path.join(target, m), { recursive: true });
    cpSync(path.join(root, "prisma", "migrations", "migration_lock.toml"), path.join(target, "migration_lock.toml"));
    const config = path.join(dir, "prisma.config.ts");
    writeFileSync(
      config,
      `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(path.join(root, "prisma", "schema"))},
  migrations: { path: ${JSON.stringify(target)} },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
});
`,
    );
    prismaMigrate(root, url, config);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Encrypted columns a restore may decrypt to prove the configured key is the dump's key. */
const KEY_PROBES = [
  { table: "AuxiliaryProfile", column: "idNumberEnc" },
  { table: "MedicalBooking", column: "noteCipher" },
  { table: "Credential", column: "totpSecretEnc" },
];

export type RestoreOptions = {
  url: string;
  file: string;
  /** Replace a database that holds data. */
  force?: boolean;
  /** The app's decryptField with the configured DATA_ENCRYPTION_KEY; throws when it cannot. */
  decrypt: (stored: string) => string;
  root?: string;
  log?: (line: string) => void;
};
export type RestoreResult = { header: DumpHeader; rows: number; keyChecked: string | null; migratedFrom: string; migratedTo: string };

type DumpReader = { header: DumpHeader; next: () => Promise<string>; close: () => void };

function openDump(file: string): Promise<DumpReader> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    let r: IteratorResult<string>;
    try {
      r = await lines.next();
    } catch {
      throw new RestoreError("BAD_FILE", "备份文件无法读取（不是 gzip 或已损坏）");
    }
    if (r.done) throw new RestoreError("BAD_FILE", "备份文件不完整（提前结束）");
    return r.value;
  };
  return (async () => {
    let header: DumpHeader;
    try {
      header = JSON.parse(await next()) as DumpHeader;
    } catch (e) {
      rl.close();
      if (e instanceof RestoreError) throw e;
      throw new RestoreError("BAD_FILE", "不是 JingXin 备份文件");
    }
    if (header?.format !== DUMP_FORMAT || header.formatVersion !== FORMAT_VERSION) {
      rl.close();
      throw new RestoreError("BAD_FILE", "不是 JingXin 备份文件（或格式版本不支持）");
    }
    return { header, next, close: () => rl.close() };
  })();
}

/**
 * Read the whole dump once before the target is touched: markers, row counts and the end mark
 * must all be there (a truncated file never replaces good data), and one encrypted value must
 * decrypt with the configured key. Returns the probed column, or null when the dump holds none.
 */
async function verifyDump(file: string, decrypt: (stored: string) => string): Promise<string | null> {
  const dump = await openDump(file);
  let keyChecked: string | null = null;
  try {
    for (const t of dump.header.tables) {
      if ((await dump.next()) !== `-- ${t.name}`) throw new RestoreError("BAD_FILE", `备份文件损坏（期望表 ${t.name}）`);
      const probes: number[] = keyChecked ? [] : KEY_PROBES.filter((p) => p.table === t.name).map((p) => t.columns.indexOf(p.column));
      let n = 0;
      for (let line = await dump.next(); line !== "\\."; line = await dump.next()) {
        n++;
        const fields = probes.length && !keyChecked ? line.split("\t") : [];
        for (const i of probes) {
          const stored: string | undefined = fields[i];
          // an encrypted value is "v1:<base64url>…": nothing in it needs COPY's escapes
          if (keyChecked || !stored || stored === "\\N" || stored.includes("\\")) continue;
          try {
            decrypt(stored);
          } catch {
            throw new RestoreError(
              "KEY_MISMATCH",
              `配置的 DATA_ENCRYPTION_KEY 无法解密备份中的数据（${t.name}.${t.columns[i]}）：请使用备份时的 .env.local 密钥。目标数据库未被改动。`,
            );
          }
          keyChecked = `${t.name}.${t.columns[i]}`;
        }
      }
      if (n !== t.rows) throw new RestoreError("COUNT_MISMATCH", `备份文件中表 ${t.name} 有 ${n} 行，头部记录为 ${t.rows} 行`);
    }
    if ((await dump.next()) !== END) throw new RestoreError("BAD_FILE", "备份文件损坏（缺少结束标记）");
    return keyChecked;
  } finally {
    dump.close();
  }
}

/**
 * Restore a dump into `url`. First the whole file is checked (complete, counts, the configured
 * key decrypts it) and a database holding data is refused unless force; only then is the target's
 * public schema rebuilt at the dump's migration, every table loaded in one transaction (foreign
 * keys dropped for the load and re-added, which checks them all) with row counts compared, and
 * finally this checkout's newer migrations applied.
 */
export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreResult> {
  const root = opts.root ?? process.cwd();
  const log = opts.log ?? (() => {});
  const { header, close } = await openDump(opts.file);
  close();
  const local = localMigrations(root);
  const unknown = header.migrations.filter((m) => !local.includes(m));
  if (unknown.length) throw new RestoreError("NEWER_DUMP", `备份来自更新的版本（未知迁移 ${unknown.join(", ")}）：请先升级代码再恢复`);
  log("checking the backup file and the encryption key");
  const keyChecked = await verifyDump(opts.file, opts.decrypt);

  const client = await connect(opts.url);
  const dump = await openDump(opts.file);
  try {
    await client.query("SET lock_timeout = '10s'");
    const existing = await publicTables(client);
    for (const t of existing) {
      const { rowCount } = await client.query(`SELECT 1 FROM ${q(t)} LIMIT 1`);
      if (!rowCount) continue;
      if (!opts.force) throw new RestoreError("NOT_EMPTY", `目标数据库已有数据（表 ${t}）：确认覆盖请加 --force`);
      break;
    }
    if ((await client.query(`SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace LIMIT 1`)).rowCount) {
      log("clearing the target's public schema");
      await client.query("DROP SCHEMA public CASCADE");
      await client.query("CREATE SCHEMA public");
      await client.query("GRANT USAGE ON SCHEMA public TO PUBLIC");
    }
    const migratedFrom = header.migrations.at(-1) ?? "(none)";
    log(`building the schema at the backup's migration ${migratedFrom}`);
    migrateTo(root, opts.url, header.migrations);

    await client.query("BEGIN");
    const fks = (
      await client.query<{ tbl: string; name: string; def: string }>(
        `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
          WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
      )
    ).rows;
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${q(fk.name)}`);
    // The rows are the backup's exactly: what the migrations just wrote (the audit chain's head,
    // the security policy row …) makes way, and no trigger rewrites a restored row — the audit
    // chain would re-seal every entry, the append-only rule would refuse the clearing.
    for (const t of header.tables) {
      await client.query(`ALTER TABLE ${q(t.name)} DISABLE TRIGGER USER`);
      await client.query(`DELETE FROM ${q(t.name)}`);
    }
    let total = 0;
    for (const t of header.tables) {
      await dump.next(); // the "-- <table>" marker, checked by verifyDump
      const stream = client.query(copyFrom(`COPY ${q(t.name)} (${t.columns.map(q).join(", ")}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", reject);
      });
      let buf: string[] = [];
      let size = 0;
      const flush = async () => {
        if (!buf.length) return;
        const ok = stream.write(buf.join(""));
        buf = [];
        size = 0;
        if (!ok) await once(stream, "drain");
      };
      for (let line = await dump.next(); line !== "\\."; line = await dump.next()) {
        buf.push(line, "\n");
        size += line.length + 1;
        if (size > 1 << 16) await flush();
      }
      await flush();
      stream.end();
      await done;
      if (stream.rowCount !== t.rows)
        throw new RestoreError("COUNT_MISMATCH", `表 ${t.name} 恢复了 ${stream.rowCount} 行，备份记录为 ${t.rows} 行`);
      total += t.rows;
    }
    for (const s of header.sequences)
      if (s.lastValue !== null) await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [q(s.name), s.lastValue]);
    for (const fk of fks) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${q(fk.name)} ${fk.def}`);
    for (const t of header.tables) await client.query(`ALTER TABLE ${q(t.name)} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
    const newer = local.filter((m) => !header.migrations.includes(m));
    log(`${total} rows in ${header.tables.length} tables restored${newer.length ? `; applying ${newer.length} newer migrations` : ""}`);
    if (newer.length) prismaMigrate(root, opts.url);
    const latest = await client.query<{ m: string }>(
      `SELECT max(migration_name) AS m FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return { header, rows: total, keyChecked, migratedFrom, migratedTo: latest.rows[0]?.m ?? migratedFrom };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    dump.close();
    await client.end().catch(() => {});
  }
}
