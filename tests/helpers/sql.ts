import type pg from "pg";

/**
 * Changes rows on `pool` without firing triggers (superuser only): what the change-feed caches
 * (session cache, reference cache) would not hear of.
 */
export async function silently(pool: pg.Pool, statement: string, params: unknown[]): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query(statement, params);
    await c.query("COMMIT");
  } finally {
    c.release();
  }
}
