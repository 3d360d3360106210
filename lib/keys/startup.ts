import "server-only";
import { isDatabaseUnavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { KeyCanaryError } from "./canary";
import { prepareStoredData } from "./maintenance";

const RETRY_MS = 5_000;

/**
 * At server start: wrong keys stop the process with a message naming the secret (a server that
 * cannot read its data must not serve it). An unreachable database is an outage, not a key
 * problem: the check is retried in the background and the server starts (it answers 503 meanwhile).
 */
export async function startKeyCheck(): Promise<void> {
  try {
    await prepareStoredData({ log: (m) => logger.info(`data keys: ${m}`) });
  } catch (e) {
    if (e instanceof KeyCanaryError) {
      console.error(`\nJingXin refuses to start: ${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    if (isDatabaseUnavailable(e)) {
      logger.warn(`data keys: database unavailable, checking again in ${RETRY_MS / 1000} s`);
      setTimeout(() => void startKeyCheck(), RETRY_MS).unref();
      return;
    }
    throw e;
  }
}
