import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

const DB_TIMEOUT_MS = 2000;
// a balancer polls every few seconds: log the changes, not every failed probe
let lastOk = true;

/**
 * Liveness for load balancers: true when the database answers `SELECT 1` within a short time.
 * A frozen database must not hang the probe (the balancer would time out itself and learn
 * nothing), so the answer is raced against a timer; the late query is left to finish on its own.
 */
export async function databaseAnswers(timeoutMs = DB_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    () => true,
    (e: unknown) => {
      if (lastOk) logger.warn("health check: database did not answer", e);
      return false;
    },
  );
  try {
    const ok = await Promise.race([query, timeout]);
    if (ok !== lastOk) logger[ok ? "info" : "warn"](ok ? "health check: database answers again" : "health check: database unavailable");
    lastOk = ok;
    return ok;
  } finally {
    clearTimeout(timer);
  }
}
