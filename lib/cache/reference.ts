import "server-only";
import { feedCurrent, feedLive, onAuthChange } from "@/lib/auth/session-cache";

/**
 * Reference data that is the same for everyone (training categories, hospital services, required
 * hours), kept in process instead of read on every page (issue 13).
 *
 * Explicit invalidation, not a timer: a statement trigger on each table (migration
 * reference_change_notify) announces "t:<table>" on the session cache's change feed when the
 * writing transaction commits, whatever wrote it. Before a kept value is served the feed's round
 * trip runs (shared with the session check of the same moment), so a change committed before the
 * request is always seen, on every instance. While the feed is down (or the cache is off,
 * SESSION_CACHE_MS=0, and in Jest unless a test starts the feed) every read goes to the database.
 */
const kept = new Map<string, unknown>();
/** Bumped by every announced change: a read begun before one is not kept. */
let generation = 0;

onAuthChange((payload) => {
  if (payload === "*") kept.clear();
  else if (payload.startsWith("t:")) kept.delete(payload.slice(2));
  else return;
  generation++;
});

/** The table's rows as `load` reads them, kept until the table changes. */
export async function cachedReference<T>(table: string, load: () => Promise<T>): Promise<T> {
  if (kept.has(table) && (await feedCurrent()) && kept.has(table)) return kept.get(table) as T;
  const before = generation;
  const live = feedLive();
  const value = await load();
  if (live && feedLive() && before === generation) kept.set(table, value);
  return value;
}
