// The job queue (lib/jobs.ts on pg-boss) on real PostgreSQL: two instances on one database run a
// cron tick once, a failed run is retried within seconds, and the retention jobs delete only what
// has outlived its keep time. pg-boss runs in a database of its own (its enum types would show in
// the drift test's catalogue of the run's shared database), one schema per test.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db";
import { startJobs, type JobDefinition } from "@/lib/jobs";
import { pruneAuthSessions, pruneReadNotifications } from "@/lib/ops/retention";
import { createUser } from "@/tests/factories";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const queueDbName = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_jobs`;
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${queueDbName}`;
  return u.toString();
})();
const stops: (() => Promise<void>)[] = [];
const newSchema = () => `pgboss_test_${randomBytes(3).toString("hex")}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!cond() && Date.now() < end) await sleep(200);
}
async function sql<T>(text: string, on = url): Promise<T[]> {
  const c = new pg.Client({ connectionString: on });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}
const fast = { cronMonitorIntervalSeconds: 1, pollingIntervalSeconds: 1 };

beforeAll(async () => {
  await sql(`DROP DATABASE IF EXISTS "${queueDbName}" WITH (FORCE)`, adminUrl);
  await sql(`CREATE DATABASE "${queueDbName}"`, adminUrl);
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});
afterAll(async () => {
  await sql(`DROP DATABASE IF EXISTS "${queueDbName}" WITH (FORCE)`, adminUrl);
});

test("two instances on one database run a cron tick once", async () => {
  // a tick is one minute: start early in a minute so the observation stays inside it
  while (new Date().getSeconds() > 35) await sleep(1000);
  const runs: string[] = [];
  const schema = newSchema();
  const job = (instance: string): JobDefinition => ({ name: "tick", cron: "* * * * *", run: async () => void runs.push(instance) });
  const [a, b] = await Promise.all([
    startJobs({ connectionString: url, schema, jobs: [job("a")], ...fast }),
    startJobs({ connectionString: url, schema, jobs: [job("b")], ...fast }),
  ]);
  stops.push(a, b);
  await until(() => runs.length > 0, 15_000);
  await sleep(6000); // both instances have looked at the schedule several times since
  expect(runs).toHaveLength(1);
}, 90_000);

test("a failed run is retried within seconds, not at the next tick", async () => {
  const schema = newSchema();
  const attempts: number[] = [];
  const flaky: JobDefinition = {
    name: "flaky",
    cron: "* * * * *",
    retryLimit: 3,
    retryDelaySeconds: 1,
    run: async () => {
      attempts.push(Date.now());
      if (attempts.length === 1) throw new Error("database went away");
    },
  };
  stops.push(await startJobs({ connectionString: url, schema, jobs: [flaky], ...fast }));
  await until(() => attempts.length >= 2, 20_000);
  expect(attempts).toHaveLength(2);
  expect(attempts[1]! - attempts[0]!).toBeLessThan(10_000);
  await until(() => false, 1500); // let pg-boss record the completion
  const rows = await sql<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM "${schema}".job WHERE name = 'flaky'`);
  expect(rows).toEqual([{ state: "completed", retry_count: 1 }]);
}, 60_000);

test("retention deletes sessions ended 30 days ago and notifications read 180 days ago, nothing newer", async () => {
  const now = new Date("2026-12-01T00:00:00Z");
  const day = 24 * 3600_000;
  const at = (days: number) => new Date(now.getTime() - days * day);
  const user = await createUser();
  const sessions = await Promise.all(
    [
      { expiresAt: at(31) }, // expired long ago: goes
      { expiresAt: at(29) }, // expired recently: stays
      { expiresAt: new Date(now.getTime() + day), revokedAt: at(40) }, // revoked long ago: goes
      { expiresAt: new Date(now.getTime() + day) }, // open: stays
    ].map((s) => db.authSession.create({ data: { userId: user.id, ...s } })),
  );
  const notes = await Promise.all(
    [{ readAt: at(181) }, { readAt: at(179) }, { readAt: null, createdAt: at(400) }].map((n) =>
      db.notification.create({ data: { userId: user.id, kind: "test", title: "t", body: "b", ...n } }),
    ),
  );
  expect(await pruneAuthSessions(now)).toBeGreaterThanOrEqual(2);
  expect(await pruneReadNotifications(now)).toBeGreaterThanOrEqual(1);
  const leftSessions = await db.authSession.findMany({ where: { userId: user.id }, select: { id: true } });
  expect(leftSessions.map((s) => s.id).sort()).toEqual([sessions[1]!.id, sessions[3]!.id].sort());
  const leftNotes = await db.notification.findMany({ where: { userId: user.id }, select: { id: true } });
  expect(leftNotes.map((n) => n.id).sort()).toEqual([notes[1]!.id, notes[2]!.id].sort());
  const audit = await db.auditLog.count({ where: { action: { startsWith: "retention." } } });
  expect(audit).toBeGreaterThanOrEqual(2);
});
