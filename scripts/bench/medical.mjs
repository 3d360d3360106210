// Green-channel scenarios for `npm run bench` (harness: scripts/bench.mjs).
// book:spread   — each client books a slot and cancels it, over many roomy slots (capacity never the limit)
// book:hot      — every client books / cancels in ONE 20-seat slot (row-lock contention; SLOT_FULL is expected)
// book:sqlFloor — the same booking transaction straight through pg
// dayBoard      — the liaison's day board page on the busiest day of the large data set
// dayBoard:sqlFloor — the day's bookings with person, unit and service through pg
// calendar      — an officer's booking page (free slots, eligibility, my bookings)
import { randomBytes } from "node:crypto";

export async function run(ctx) {
  const { signIn, load, loadSql, pgQuery, clients } = ctx;
  const liaison = await signIn("030001");
  const base = Date.now() + 40 * 86400_000;
  const mkSlot = async (capacity, k) => {
    const startsAt = new Date(base + k * 60_000 + Math.floor(Math.random() * 1e6) * 1000).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 30 * 60_000).toISOString();
    const r = await liaison.req("POST", "/api/v1/medical/slots", { body: { service: "FAST_TRACK", startsAt, endsAt, capacity } });
    return r.data.id;
  };
  const roomy = [];
  for (let i = 0; i < 100; i++) roomy.push(await mkSlot(500, i));
  const hot = await mkSlot(20, 1000);
  const { data: consent } = await clients[0].req("GET", "/api/v1/medical/consent");
  for (const c of clients) await c.req("POST", "/api/v1/medical/consent", { body: { version: consent.current.version } });

  const out = {};
  const held = new Map();
  const bookOrCancel = (slotFor) => async (c, i) => {
    const id = held.get(c);
    if (id) {
      held.delete(c);
      return { method: "POST", path: `/api/v1/medical/bookings/${id}/cancel` };
    }
    return { method: "POST", path: "/api/v1/medical/bookings", body: { slotId: slotFor(i) } };
  };
  const track = (r, spec) => {
    if (spec.path === "/api/v1/medical/bookings" && r.status === 201) held.set(spec.client, r.data.id);
    return r.status < 400 || (r.status === 409 && ["SLOT_FULL", "ACTIVE_BOOKING_EXISTS"].includes(r.data?.error?.code));
  };
  const withClient = (fn) => async (c, i) => ({ ...(await fn(c, i)), client: c });
  out["book:spread"] = await load("POST book / cancel (spread)", {
    clients,
    requests: withClient(bookOrCancel((i) => roomy[i % roomy.length])),
    expect: track,
  });
  for (const [c, id] of held) await c.req("POST", `/api/v1/medical/bookings/${id}/cancel`);
  held.clear();
  out["book:hot"] = await load("POST book / cancel (one hot slot)", {
    clients,
    requests: withClient(bookOrCancel(() => hot)),
    expect: track,
  });
  for (const [c, id] of held) await c.req("POST", `/api/v1/medical/bookings/${id}/cancel`);

  // the raw booking transaction as lib/medical/booking.ts runs it
  const users = (await pgQuery(`SELECT id FROM "User" WHERE "badgeNo" LIKE 'L%' ORDER BY "badgeNo" LIMIT 5000`)).rows.map((r) => r.id);
  const hospital = (await pgQuery(`SELECT id FROM "MedicalHospital" LIMIT 1`)).rows[0].id;
  const floor = [];
  for (let i = 0; i < 50; i++) {
    const svc = `bms${randomBytes(6).toString("hex")}`;
    await pgQuery(
      `INSERT INTO "MedicalService" (id, code, name, "hospitalId", active, "updatedAt") VALUES ($1, $2, 'floor', $3, false, now())`,
      [svc, `BENCH_${svc.toUpperCase()}`, hospital],
    );
    const slot = `bml${randomBytes(6).toString("hex")}`;
    await pgQuery(
      `INSERT INTO "MedicalSlot" (id, "serviceId", "startsAt", "endsAt", capacity, "updatedAt") VALUES ($1, $2, now() + interval '30 days', now() + interval '30 days 30 minutes', 100000, now())`,
      [slot, svc],
    );
    floor.push({ svc, slot });
  }
  await pgQuery(
    `INSERT INTO "MedicalConsent" (id, "userId", version, "updatedAt") SELECT 'bmc' || md5(id || random()::text), id, 1, now() FROM "User" WHERE id = ANY($1) AND NOT EXISTS (SELECT 1 FROM "MedicalConsent" c WHERE c."userId" = "User".id AND c."withdrawnAt" IS NULL)`,
    [users],
  );
  out["book:sqlFloor"] = await loadSql("pg booking transaction", {
    run: async (c, i) => {
      const { svc, slot } = floor[i % floor.length];
      const uid = users[Math.floor(i / floor.length) % users.length];
      await c.query("BEGIN");
      await c.query(`SELECT id, "startsAt", closed FROM "MedicalSlot" WHERE id = $1`, [slot]);
      await c.query(`SELECT id FROM "MedicalConsent" WHERE "userId" = $1 AND "withdrawnAt" IS NULL AND version = 1 LIMIT 1 FOR SHARE`, [
        uid,
      ]);
      await c.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`medical:${uid}:${svc}`]);
      const ex = await c.query(
        `SELECT id FROM "MedicalBooking" WHERE "userId" = $1 AND "serviceId" = $2 AND urgent = false AND status IN ('BOOKED','CHECKED_IN') LIMIT 1`,
        [uid, svc],
      );
      if (ex.rowCount) {
        await c.query("ROLLBACK");
        return;
      }
      const seat = await c.query(
        `UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" + 1, "updatedAt" = now() WHERE id = $1 AND "bookedCount" < capacity AND closed = false RETURNING id`,
        [slot],
      );
      if (!seat.rowCount) {
        await c.query("ROLLBACK");
        return;
      }
      const id = `bmb${randomBytes(8).toString("hex")}`;
      await c.query(
        `INSERT INTO "MedicalBooking" (id, "userId", "serviceId", "slotId", "startsAt", status, "createdById", "updatedAt") VALUES ($1, $2, $3, $4, now() + interval '30 days', 'BOOKED', $2, now())`,
        [id, uid, svc, slot],
      );
      await c.query(
        `INSERT INTO "AuditLog" ("actorId", action, "targetType", "targetId", outcome) VALUES ($1, 'medical.booking.create', 'MedicalBooking', $2, 'SUCCESS')`,
        [uid, id],
      );
      await c.query(
        `INSERT INTO "Notification" (id, "userId", kind, title, body) VALUES ($1, $2, 'medical.booking.confirmed', '预约成功', 'x')`,
        [`bmn${randomBytes(8).toString("hex")}`, uid],
      );
      await c.query("COMMIT");
    },
  });

  // the busiest day of the large data set, and the same read straight through pg
  const busy = (
    await pgQuery(
      `SELECT to_char("startsAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d, count(*) AS n FROM "MedicalBooking" WHERE id LIKE 'lmb%' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    )
  ).rows[0]?.d;
  const desks = [];
  for (let i = 0; i < Math.min(10, clients.length); i++) desks.push(await signIn("030001"));
  if (busy) {
    out.dayBoard = await load("GET /medical/manage (day board)", {
      clients: desks,
      requests: () => ({ path: `/medical/manage?date=${busy}` }),
    });
    out["dayBoard:sqlFloor"] = await loadSql("pg day board read", {
      concurrency: desks.length,
      run: async (c) => {
        await c.query(
          `SELECT b.id, b.status, b.urgent, b."startsAt", u.name, u."badgeNo", un.name AS unit, s.name AS service, b."noteCipher" IS NOT NULL AS "hasNote"
          FROM "MedicalBooking" b JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId" JOIN "MedicalService" s ON s.id = b."serviceId"
          WHERE b."startsAt" >= $1::date - interval '8 hours' AND b."startsAt" < $1::date + interval '16 hours' ORDER BY b."startsAt"`,
          [busy],
        );
        await c.query(
          `SELECT id, "startsAt", capacity, "bookedCount" FROM "MedicalSlot" WHERE "startsAt" >= $1::date - interval '8 hours' AND "startsAt" < $1::date + interval '16 hours'`,
          [busy],
        );
      },
    });
  }
  out.calendar = await load("GET /medical (book page)", { clients, requests: () => ({ path: "/medical?service=LIVER_CHECK" }) });
  // the floor's rows are not real bookings: remove them so statistics stay meaningful
  await pgQuery(`DELETE FROM "Notification" WHERE id LIKE 'bmn%'`);
  await pgQuery(`DELETE FROM "MedicalBooking" WHERE id LIKE 'bmb%'`);
  await pgQuery(`DELETE FROM "MedicalSlot" WHERE id LIKE 'bml%'`);
  await pgQuery(`DELETE FROM "MedicalService" WHERE id LIKE 'bms%'`);
  return out;
}
