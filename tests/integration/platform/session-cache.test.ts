// The session cache (lib/auth/session-cache.ts) on real PostgreSQL: it serves repeated requests
// from memory, and every change that can end or alter a session — made by our code or by raw SQL
// on another connection — empties it through the database's NOTIFY before the next request.
import pg from "pg";
import { silently } from "@/tests/helpers/sql";
import { db } from "@/lib/db";
import { resolveSession } from "@/lib/auth/sessions";
import {
  cacheGeneration,
  cachedSession,
  rememberSession,
  sessionCacheStats,
  startSessionCache,
  stopSessionCache,
} from "@/lib/auth/session-cache";
import { createUser } from "@/tests/factories";

const sql = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

async function newSession(roles: string[] = ["OFFICER"]) {
  const user = await createUser({ roles: roles as never });
  const s = await db.authSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
  return { user, sessionId: s.id };
}

/** Waits until the cache has heard of a change (NOTIFY delivery), returning how long it took. */
async function heard(since: number, limitMs = 2_000): Promise<number> {
  const t0 = Date.now();
  while (sessionCacheStats().generation === since) {
    if (Date.now() - t0 > limitMs) throw new Error("no change notification arrived");
    await new Promise((r) => setTimeout(r, 2));
  }
  return Date.now() - t0;
}

beforeAll(async () => {
  expect(await startSessionCache()).toBe(true);
});
afterAll(async () => {
  await stopSessionCache();
  await sql.end();
});

test("a session read once is served from memory: a change the database did not announce is not seen", async () => {
  // other test files announce changes too ("*" from a unit or policy change): retry until one
  // attempt ran undisturbed
  for (let attempt = 0; attempt < 10; attempt++) {
    const { sessionId } = await newSession();
    const gen0 = sessionCacheStats().generation;
    expect((await resolveSession(sessionId)).ok).toBe(true);
    await silently(sql, `UPDATE "AuthSession" SET "revokedAt" = now() WHERE id = $1`, [sessionId]);
    const cached = await resolveSession(sessionId);
    if (sessionCacheStats().generation !== gen0) continue;
    expect(cached.ok).toBe(true); // from memory: the silent change was not seen
    return;
  }
  throw new Error("never undisturbed");
});

test.each([
  ["revoked", `UPDATE "AuthSession" SET "revokedAt" = now() WHERE id = $1`, "session", "REVOKED"],
  ["account disabled", `UPDATE "User" SET active = false WHERE id = $1`, "user", "DISABLED"],
  ["session deleted", `DELETE FROM "AuthSession" WHERE id = $1`, "session", "MISSING"],
] as const)("%s by raw SQL on another connection: the next request is refused", async (_label, statement, key, reason) => {
  const { user, sessionId } = await newSession();
  expect((await resolveSession(sessionId)).ok).toBe(true);
  expect((await resolveSession(sessionId)).ok).toBe(true);
  const gen = sessionCacheStats().generation;
  await sql.query(statement, [key === "user" ? user.id : sessionId]);
  const ms = await heard(gen);
  expect(ms).toBeLessThan(1_000);
  const s = await resolveSession(sessionId);
  expect(s.ok ? "OK" : s.reason).toBe(reason);
});

test("no waiting: a change committed on another connection is seen by the very next call, every time", async () => {
  for (let round = 0; round < 20; round++) {
    const { user, sessionId } = await newSession();
    expect((await resolveSession(sessionId)).ok).toBe(true);
    expect((await resolveSession(sessionId)).ok).toBe(true);
    await sql.query(
      round % 2 ? `UPDATE "User" SET active = false WHERE id = $1` : `UPDATE "AuthSession" SET "revokedAt" = now() WHERE "userId" = $1`,
      [user.id],
    );
    const s = await resolveSession(sessionId);
    expect(s.ok ? "OK" : s.reason).toBe(round % 2 ? "DISABLED" : "REVOKED");
  }
});

test("a role change, a password change and a unit rename reach the cached session", async () => {
  const { user, sessionId } = await newSession();
  await resolveSession(sessionId);
  let gen = sessionCacheStats().generation;
  await sql.query(`UPDATE "User" SET roles = ARRAY['OFFICER','UNIT_LEAD']::"Role"[] WHERE id = $1`, [user.id]);
  await heard(gen);
  const after = await resolveSession(sessionId);
  expect(after.ok && after.actor.roles).toEqual(["OFFICER", "UNIT_LEAD"]);

  gen = sessionCacheStats().generation;
  await sql.query(`UPDATE "Credential" SET "mustChange" = true WHERE "userId" = $1`, [user.id]);
  await heard(gen);
  const must = await resolveSession(sessionId);
  expect(must.ok && must.mustChangePassword).toBe(true);

  gen = sessionCacheStats().generation;
  await sql.query(`UPDATE "Unit" SET name = name || '（新）' WHERE id = $1`, [user.unitId]);
  await heard(gen);
  const renamed = await resolveSession(sessionId);
  expect(renamed.ok && renamed.actor.unitName).toMatch(/（新）$/);
});

test("a read that raced a change is not kept", async () => {
  const { sessionId, user } = await newSession();
  // a read begins (generation taken), a change is announced before it finishes, the read ends:
  // what it read may predate the change, so it must not be served later
  const before = cacheGeneration();
  await sql.query(`SELECT pg_notify('jingxin_auth', $1)`, [`s:${sessionId}`]);
  await heard(before);
  rememberSession(sessionId, user.id, { stale: true }, before);
  expect(await cachedSession(sessionId)).toBeUndefined();
  // the same read with the current generation is kept
  rememberSession(sessionId, user.id, { fresh: true }, cacheGeneration());
  expect(await cachedSession(sessionId)).toEqual({ fresh: true });
});

test("when the change feed drops, sessions are read from the database until it is back", async () => {
  const { sessionId } = await newSession();
  await resolveSession(sessionId);
  await sql.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jingxin-session-cache' AND datname = current_database()`,
  );
  const until = Date.now() + 2_000;
  while (sessionCacheStats().live && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  expect(sessionCacheStats()).toEqual(expect.objectContaining({ live: false, entries: 0 }));
  // a change made while the feed is down is seen at once: nothing is served from memory
  await silently(sql, `UPDATE "AuthSession" SET "revokedAt" = now() WHERE id = $1`, [sessionId]);
  const s = await resolveSession(sessionId);
  expect(s.ok ? "OK" : s.reason).toBe("REVOKED");
  // and it reconnects by itself
  const back = Date.now() + 5_000;
  while (!sessionCacheStats().live && Date.now() < back) await new Promise((r) => setTimeout(r, 20));
  expect(sessionCacheStats().live).toBe(true);
});
