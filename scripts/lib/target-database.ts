// The database a backup or restore works on: DATABASE_URL when set (it must answer), otherwise the
// embedded demo PostgreSQL's "jingxin" database, started for the command if it is not running.
import { createDatabase, ensureServer, redact, withDatabase } from "./pg.mjs";

export async function targetDatabase(): Promise<{ url: string; label: string; stop: () => Promise<void> }> {
  const server = await ensureServer("demo");
  if (server.url) return { url: server.url, label: redact(server.url), stop: server.stop };
  await createDatabase(server.adminUrl, "jingxin");
  const url = withDatabase(server.adminUrl, "jingxin");
  return { url, label: `${redact(url)} (embedded, data in .data/pg)`, stop: server.stop };
}
