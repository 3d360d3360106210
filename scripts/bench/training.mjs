// Training scenarios for `npm run bench` (harness: scripts/bench.mjs).
// enrol:spread — each client enrols into a different fresh session each time (capacity never the limit)
// enrol:hot    — every client enrols into / cancels from ONE 20-seat session (row-lock contention)
// enrol:sqlFloor — the same enrolment transaction straight through pg
// browse / session / me — the pages, server-rendered, on the large data set
import { randomBytes } from "node:crypto";

const day = (d) => new Date(Date.now() + d * 86400_000).toISOString();

export async function run(ctx) {
  const { signIn, load, loadSql, pgQuery, clients } = ctx;
  const admin = await signIn("010001");
  const mk = async (capacity) => {
    const c = await admin.req("POST", "/api/v1/training/sessions", {
      body: {
        title: `压测-${randomBytes(3).toString("hex")}`,
        category: "OTHER",
        venue: "压测",
        startsAt: day(30),
        endsAt: day(30.1),
        capacity,
        creditHours: 1,
      },
    });
    await admin.req("POST", `/api/v1/training/sessions/${c.data.id}/publish`);
    return c.data.id;
  };
  const spread = [];
  for (let i = 0; i < 300; i++) spread.push(await mk(1000));
  const hot = await mk(20);
  const out = {};
  const next = new Map();
  out["enrol:spread"] = await load("POST enrol (spread)", {
    clients,
    requests: (c) => {
      const k = next.get(c) ?? 0;
      next.set(c, k + 1);
      return k < spread.length ? { method: "POST", path: `/api/v1/training/sessions/${spread[k]}/enrollments` } : null;
    },
  });
  const state = new Map();
  out["enrol:hot"] = await load("POST/DELETE enrol (one hot session)", {
    clients,
    requests: (c) => {
      const enrolled = state.get(c) ?? false;
      state.set(c, !enrolled);
      return enrolled
        ? { method: "DELETE", path: `/api/v1/training/sessions/${hot}/enrollments/me` }
        : { method: "POST", path: `/api/v1/training/sessions/${hot}/enrollments` };
    },
  });

  // the raw transaction: lock the session, check, insert, bump the counter, audit — as lib/training/enrolment.ts does
  const users = (await pgQuery(`SELECT id FROM "User" WHERE "badgeNo" LIKE 'L%' ORDER BY "badgeNo" LIMIT 5000`)).rows.map((r) => r.id);
  const floorSessions = [];
  for (let i = 0; i < 50; i++) {
    const id = `bf${randomBytes(6).toString("hex")}`;
    await pgQuery(
      `INSERT INTO "TrainingSession" (id, title, "categoryCode", venue, "startsAt", "endsAt", capacity, "creditHours", status, "publishedAt", "updatedAt") VALUES ($1, 'floor', 'OTHER', 'x', now() + interval '30 days', now() + interval '31 days', 100000, 1, 'PUBLISHED', now(), now())`,
      [id],
    );
    floorSessions.push(id);
  }
  out["enrol:sqlFloor"] = await loadSql("pg enrol transaction", {
    run: async (c, i) => {
      const sid = floorSessions[i % floorSessions.length];
      const uid = users[Math.floor(i / floorSessions.length) % users.length];
      await c.query("BEGIN");
      const s = (
        await c.query(
          `SELECT id, status, capacity, "enrolledCount", "waitlistCount", "startsAt" FROM "TrainingSession" WHERE id = $1 FOR UPDATE`,
          [sid],
        )
      ).rows[0];
      const ex = await c.query(`SELECT id FROM "TrainingEnrollment" WHERE "sessionId" = $1 AND "userId" = $2`, [sid, uid]);
      if (ex.rowCount) {
        await c.query("ROLLBACK");
        return;
      }
      await c.query(
        `INSERT INTO "TrainingEnrollment" (id, "sessionId", "userId", status, "createdAt", "updatedAt") VALUES ($1, $2, $3, 'ENROLLED', now(), now())`,
        [`bfe${randomBytes(8).toString("hex")}`, sid, uid],
      );
      await c.query(`UPDATE "TrainingSession" SET "enrolledCount" = $2, "updatedAt" = now() WHERE id = $1`, [sid, s.enrolledCount + 1]);
      await c.query(
        `INSERT INTO "AuditLog" ("actorId", action, "targetType", outcome) VALUES ($1, 'training.enrollment.create', 'TrainingEnrollment', 'SUCCESS')`,
        [uid],
      );
      await c.query("COMMIT");
    },
  });
  const one =
    (await pgQuery(`SELECT id FROM "TrainingSession" WHERE id LIKE 'lt%' AND status = 'PUBLISHED' ORDER BY "startsAt" LIMIT 1`)).rows[0]
      ?.id ?? hot;
  out.browse = await load("GET /training", { clients, requests: () => ({ path: "/training" }) });
  out.session = await load("GET /training/[id]", { clients, requests: () => ({ path: `/training/${one}` }) });
  out.me = await load("GET /training/me", { clients, requests: () => ({ path: "/training/me" }) });
  return out;
}
