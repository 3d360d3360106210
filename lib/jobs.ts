import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { pruneAuditLog } from "@/lib/audit/chain";
import { sendMedicalReminders } from "@/lib/medical/reminders";
import { pruneAuthSessions, pruneReadNotifications } from "@/lib/ops/retention";
import { sendTrainingReminders } from "@/lib/training/reminders";

// Scheduled jobs on pg-boss (a PostgreSQL-backed queue with cron; docs/decisions/0008-backup-and-job-queue.md).
// Every app instance starts a worker; pg-boss lets only one instance turn each cron tick into a job
// and hands each job to one worker, so a tick runs once however many instances there are. The
// jobs are idempotent all the same (a reminder is marked once per booking). A run that fails —
// the database went away mid-run — is retried with exponential backoff (about 15 s, 30 s, 1 min,
// 2 min, 4 min), not left to the next tick; a tick lost to an outage is made up by the next one
// five minutes later.

export type JobDefinition = {
  /** queue name: letters, digits, "-" and "_" */
  name: string;
  /** cron expression, Asia/Shanghai wall-clock time */
  cron: string;
  run: (now: Date) => Promise<unknown>;
  /** retries after a failure; the first waits retryDelaySeconds, then it doubles (with jitter) */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** a run still active after this long is taken as dead (instance killed) and retried */
  expireInSeconds?: number;
};

const RETRY = { retryLimit: 5, retryDelaySeconds: 15 };

export const JOBS: JobDefinition[] = [
  { name: "reminders-training", cron: "*/5 * * * *", run: sendTrainingReminders, ...RETRY, expireInSeconds: 300 },
  { name: "reminders-medical", cron: "*/5 * * * *", run: sendMedicalReminders, ...RETRY, expireInSeconds: 300 },
  { name: "retention-sessions", cron: "17 3 * * *", run: pruneAuthSessions, ...RETRY },
  { name: "retention-notifications", cron: "27 3 * * *", run: pruneReadNotifications, ...RETRY },
  { name: "retention-audit", cron: "37 3 * * *", run: (now) => pruneAuditLog(now), ...RETRY },
];

export type JobsOptions = {
  connectionString?: string;
  /** PostgreSQL schema of pg-boss's tables ("pgboss"); tests use their own. */
  schema?: string;
  jobs?: JobDefinition[];
  /** how often this instance looks for due cron ticks and new jobs (tests shorten both) */
  cronMonitorIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
};

// During a database outage pg-boss reports every poll of every queue: one line per message a minute.
const lastLogged = new Map<string, number>();
function logQueueError(e: unknown) {
  const key = e instanceof Error ? e.message : String(e);
  const now = Date.now();
  if ((lastLogged.get(key) ?? 0) > now - 60_000) return;
  if (lastLogged.size > 100) lastLogged.clear();
  lastLogged.set(key, now);
  logger.error("job queue error", e);
}

function bossFor(opts: JobsOptions): PgBoss {
  return new PgBoss({
    connectionString: opts.connectionString ?? env.DATABASE_URL,
    schema: opts.schema ?? "pgboss",
    application_name: "jingxin-jobs",
    max: 3,
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: opts.pollingIntervalSeconds ?? 5,
  });
}

/**
 * Create (or update) the queues and schedules. Creating a queue is DDL (pg-boss makes a table per
 * queue), so `npm run db:migrate` runs this as the schema owner (scripts/install-jobs.ts); at app
 * start it is a no-op for queues that exist, which needs no DDL right.
 */
export async function installJobs(boss: PgBoss, jobs: JobDefinition[] = JOBS): Promise<void> {
  for (const j of jobs) {
    const queue = {
      name: j.name,
      policy: "stately" as const,
      retryLimit: j.retryLimit ?? 0,
      retryDelay: j.retryDelaySeconds ?? 0,
      retryBackoff: true,
      expireInSeconds: j.expireInSeconds ?? 900,
    };
    // instances starting together on a fresh database deadlock creating the same queue table
    if (!(await boss.getQueue(j.name))) await retryOnDeadlock(() => boss.createQueue(j.name, queue));
    await boss.updateQueue(j.name, queue);
    await boss.schedule(j.name, j.cron, {}, { tz: "Asia/Shanghai" });
  }
}

async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || (e as { code?: string }).code !== "40P01") throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
}

/** Install pg-boss's schema and our queues, then stop: for `db:migrate`, as the schema owner. */
export async function installJobSchema(opts: JobsOptions = {}): Promise<void> {
  const boss = bossFor(opts);
  boss.on("error", logQueueError);
  await boss.start();
  try {
    await installJobs(boss, opts.jobs);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** Start this instance's worker for every job. Returns the stop function. */
export async function startJobs(opts: JobsOptions = {}): Promise<() => Promise<void>> {
  const jobs = opts.jobs ?? JOBS;
  const boss = bossFor(opts);
  // without a listener an 'error' (the database restarting) would crash the process
  boss.on("error", logQueueError);
  await boss.start();
  try {
    await installJobs(boss, jobs);
    for (const j of jobs) {
      await boss.work(j.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5, batchSize: 1 }, async ([job]) => {
        try {
          await j.run(new Date());
        } catch (e) {
          logger.error(`job ${j.name} ${job?.id ?? ""} failed; pg-boss retries it with backoff`, e);
          throw e;
        }
      });
    }
  } catch (e) {
    // a half-started instance would keep polling beside the retry's new one
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw e;
  }
  return () => boss.stop({ graceful: true, timeout: 10_000, wait: true });
}

let started = false;
/** From instrumentation.ts, once per server process. A database that is down at start is retried. */
export function startScheduler(retryMs = 30_000): void {
  if (started) return;
  started = true;
  const attempt = () =>
    startJobs().catch((e: unknown) => {
      logger.error("job queue did not start; retrying", e);
      setTimeout(attempt, retryMs).unref();
    });
  void attempt();
}
