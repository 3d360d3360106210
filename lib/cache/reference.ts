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
const kept = new Map<string, { tables: readonly string[]; value: unknown }>();
/** Bumped by every announced change: a read begun before one is not kept. */
let generation = 0;

onAuthChange((payload) => {
  if (payload === "*") kept.clear();
  else if (payload.startsWith("t:")) {
    const table = payload.slice(2);
    for (const [key, e] of kept) if (e.tables.includes(table)) kept.delete(key);
  } else return;
  generation++;
});

/**
 * What `load` reads from `tables` (every table it reads, joins included: a service's hospital
 * name comes from MedicalHospital), kept until any of them changes.
 */
export async function cachedReference<T>(tables: readonly [string, ...string[]], load: () => Promise<T>): Promise<T> {
  const key = tables.join(",");
  if (kept.has(key) && (await feedCurrent())) {
    const e = kept.get(key);
    if (e) return e.value as T;
  }
  const before = generation;
  const live = feedLive();
  const value = await load();
  if (live && feedLive() && before === generation) kept.set(key, { tables, value });
  return value;
}
