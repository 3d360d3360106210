import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { creditedSql, creditedWhere, isCredited } from "@/lib/training/credit";
import {
  getMyCreditHours,
  getMyCurrentTraining,
  getMyTraining,
  listMyAttended,
  listMyEnrollments,
  listMyMissed,
} from "@/lib/training/queries";
import { MY_HISTORY_PAGE_SIZE, myTrainingPagesSchema } from "@/lib/training/schemas";
import { shanghaiYear } from "@/lib/time";
import { actorOf, createUser } from "@/tests/factories";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";
import { rejection } from "@/tests/helpers/errors";

beforeAll(ensureCategories);

const DAY = 86400_000;
type Status = "ENROLLED" | "WAITLISTED" | "CANCELLED";
type Attendance = "ATTENDED" | "ABSENT" | null;

async function enrol(sessionId: string, userId: string, status: Status = "ENROLLED", attendance: Attendance = "ATTENDED") {
  const waitlistPosition = status === "WAITLISTED" ? (await db.trainingEnrollment.count({ where: { sessionId, status } })) + 1 : null;
  return db.trainingEnrollment.create({ data: { sessionId, userId, status, attendance, waitlistPosition } });
}

describe("the credit rule", () => {
  test("isCredited, its Prisma filter and its SQL credit exactly the same enrolments", async () => {
    const now = new Date();
    const combos: [Status, Attendance][] = (["ENROLLED", "WAITLISTED", "CANCELLED"] as const).flatMap((s) =>
      (["ATTENDED", "ABSENT", null] as const).map((a) => [s, a] as [Status, Attendance]),
    );
    const users = await Promise.all(combos.map(() => createUser()));
    const sessions = [];
    for (const status of ["DRAFT", "PUBLISHED", "COMPLETED", "CANCELLED"] as const)
      for (const startsAt of [new Date(now.getTime() - 2 * DAY), new Date(now.getTime() - 3600_000), new Date(now.getTime() + 2 * DAY)])
        sessions.push(await createTrainingSession({ status, startsAt })); // ended, under way, to come
    for (const s of sessions) for (const [i, [status, attendance]] of combos.entries()) await enrol(s.id, users[i]!.id, status, attendance);
    const userIds = users.map((u) => u.id);

    const rows = await db.trainingEnrollment.findMany({
      where: { userId: { in: userIds } },
      select: { id: true, status: true, attendance: true, session: { select: { status: true, endsAt: true } } },
    });
    expect(rows).toHaveLength(combos.length * sessions.length);
    const byJs = rows.filter((r) => isCredited(r, r.session, now)).map((r) => r.id);
    const byPrisma = (
      await db.trainingEnrollment.findMany({ where: { userId: { in: userIds }, ...creditedWhere(now) }, select: { id: true } })
    ).map((r) => r.id);
    const bySql = (
      await db.$queryRaw<{ id: string }[]>`
        SELECT e.id FROM "TrainingEnrollment" e JOIN "TrainingSession" s ON s.id = e."sessionId"
        WHERE e."userId" IN (${Prisma.join(userIds)}) AND ${creditedSql(now)}`
    ).map((r) => r.id);
    expect(byJs.length).toBe(4); // ENROLLED + ATTENDED, in a COMPLETED session (closed at any time) or an ended PUBLISHED one
    expect(byPrisma.sort()).toEqual([...byJs].sort());
    expect(bySql.sort()).toEqual([...byJs].sort());
  });
});

describe("my credit hours", () => {
  test("are summed in SQL by Shanghai year and category, agreeing with the rule applied to my whole history", async () => {
    const now = new Date("2072-06-01T00:00:00Z");
    const me = actorOf(await createUser());
    const other = await createUser();
    const at = (iso: string) => new Date(iso);
    const made = [
      // 2071-12-31 17:30 UTC is 2072-01-01 01:30 in Shanghai: it counts for 2072
      await createTrainingSession({ status: "COMPLETED", startsAt: at("2071-12-31T17:30:00Z"), creditHours: 1.5, category: "DRONE" }),
      await createTrainingSession({ status: "COMPLETED", startsAt: at("2071-12-31T15:00:00Z"), creditHours: 2 }), // 23:00 Shanghai: 2071
      await createTrainingSession({ status: "PUBLISHED", startsAt: at("2072-03-01T01:00:00Z"), creditHours: 3 }), // ended, not closed
      await createTrainingSession({ status: "COMPLETED", startsAt: at("2070-05-01T01:00:00Z"), creditHours: 0.5, category: "HEALTH" }),
      await createTrainingSession({ status: "COMPLETED", startsAt: at("2070-06-01T01:00:00Z"), creditHours: 4, category: "HEALTH" }),
    ];
    for (const s of made) await enrol(s.id, me.id);
    const cancelled = await createTrainingSession({ status: "CANCELLED", startsAt: at("2072-02-01T01:00:00Z"), creditHours: 7 });
    const absent = await createTrainingSession({ status: "COMPLETED", startsAt: at("2072-02-02T01:00:00Z"), creditHours: 8 });
    const future = await createTrainingSession({ status: "PUBLISHED", startsAt: at("2072-07-01T01:00:00Z"), creditHours: 9 });
    await enrol(cancelled.id, me.id);
    await enrol(absent.id, me.id, "ENROLLED", "ABSENT");
    await enrol(future.id, me.id); // checked in early: not yet credited
    await enrol(made[0]!.id, other.id); // someone else's hours are not mine

    const h = await getMyCreditHours(me, now);
    expect(h).toMatchObject({ total: 11, byYear: { 2070: 4.5, 2071: 2, 2072: 4.5 }, thisYear: 4.5, year: 2072 });
    expect(h.byCategory).toEqual({
      LAW_ENFORCEMENT: { name: "执法规范化", nameEn: "Law-enforcement standards", hours: 3 },
      DRONE: { name: "警务无人机", nameEn: "Police drones", hours: 1.5 },
    });

    // the same figures as the rule applied in JS to the whole list
    const credited = (await listMyEnrollments(me)).filter((e) => isCredited(e, e.session, now));
    const byYear: Record<string, number> = {};
    for (const e of credited)
      byYear[shanghaiYear(e.session.startsAt)] = (byYear[shanghaiYear(e.session.startsAt)] ?? 0) + e.session.creditHours;
    expect(h.byYear).toEqual(byYear);
    expect(credited.reduce((t, e) => t + e.session.creditHours, 0)).toBe(h.total);
    // and both callers report them alike (the requirement is another test's to change meanwhile)
    const hours = (c: typeof h) => ({ ...c, required: 0 });
    expect(hours((await getMyTraining(me, now)).creditHours)).toEqual(hours(h));
    expect(hours((await getMyCurrentTraining(me, now)).creditHours)).toEqual(hours(h));
    expect((await getMyCreditHours(actorOf(other), now)).total).toBe(1.5);
  });
});

describe("my attended and missed history", () => {
  test("pages newest first, page 2 holding the next rows and none twice, over every year", async () => {
    const now = new Date();
    const me = actorOf(await createUser());
    const attended: string[] = [];
    const missed: string[] = [];
    for (let i = 0; i < 23; i++) {
      // two sessions start at the same moment: the order between them must still be stable
      const startsAt = new Date(now.getTime() - (i === 6 ? 6 : i + 1) * 40 * DAY);
      const s = await createTrainingSession({ status: "COMPLETED", startsAt });
      attended.push((await enrol(s.id, me.id)).id);
    }
    for (let i = 0; i < 12; i++) {
      const s = await createTrainingSession({ status: "COMPLETED", startsAt: new Date(now.getTime() - (i + 1) * 50 * DAY) });
      missed.push((await enrol(s.id, me.id, "ENROLLED", "ABSENT")).id);
    }

    const pages = [];
    for (const p of [1, 2, 3]) pages.push(await listMyAttended(me, p, now));
    expect(pages.map((p) => p.items.length)).toEqual([MY_HISTORY_PAGE_SIZE, MY_HISTORY_PAGE_SIZE, 3]);
    expect(pages.every((p) => p.total === 23 && p.pageSize === MY_HISTORY_PAGE_SIZE)).toBe(true);
    const seen = pages.flatMap((p) => p.items.map((e) => e.id));
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual([...attended].sort());
    const starts = pages.flatMap((p) => p.items.map((e) => e.session.startsAt.getTime()));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(pages[0]!.items[0]).toMatchObject({ id: attended[0], session: { creditHours: 2 } });
    expect(seen.filter((id) => missed.includes(id))).toEqual([]);
    const past = await listMyAttended(me, 4, now); // past the end: empty, not an error, and still the whole count
    expect(past.items).toEqual([]);
    expect(past.total).toBe(pages[0]!.total);

    const m1 = await listMyMissed(me, 1);
    const m2 = await listMyMissed(me, 2);
    expect([m1.total, m1.items.length, m2.items.length]).toEqual([12, 10, 2]);
    expect([...m1.items, ...m2.items].map((e) => e.id)).toEqual(missed);

    expect(await rejection(listMyAttended(me, 0, now))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(myTrainingPagesSchema.parse({ attended: "2", missed: "x" })).toEqual({ attended: 2, missed: 1 });
    expect(myTrainingPagesSchema.parse({})).toEqual({ attended: 1, missed: 1 });
  });

  test("show only my own enrolments", async () => {
    const now = new Date();
    const me = actorOf(await createUser());
    const colleague = actorOf(await createUser());
    const shared = await createTrainingSession({ status: "COMPLETED", startsAt: new Date(now.getTime() - 10 * DAY) });
    const theirs = await createTrainingSession({ status: "COMPLETED", startsAt: new Date(now.getTime() - 11 * DAY) });
    const theirsMissed = await createTrainingSession({ status: "COMPLETED", startsAt: new Date(now.getTime() - 12 * DAY) });
    const theirsNext = await createTrainingSession({ startsAt: new Date(now.getTime() + 3 * DAY) });
    const mine = await enrol(shared.id, me.id);
    await enrol(shared.id, colleague.id);
    await enrol(theirs.id, colleague.id);
    await enrol(theirsMissed.id, colleague.id, "ENROLLED", "ABSENT");
    await enrol(theirsNext.id, colleague.id, "ENROLLED", null);

    expect((await listMyAttended(me, 1, now)).items.map((e) => e.id)).toEqual([mine.id]);
    expect((await listMyMissed(me, 1)).total).toBe(0);
    const current = await getMyCurrentTraining(me, now);
    expect([current.upcoming, current.waitlisted, current.pendingCredit].flat()).toEqual([]);
    expect(current.toRate.map((e) => e.id)).toEqual([mine.id]);
    expect((await listMyAttended(colleague, 1, now)).total).toBe(2);
    expect((await getMyCurrentTraining(colleague, now)).upcoming.map((e) => e.session.id)).toEqual([theirsNext.id]);
  });
});

describe("my current lists", () => {
  test("read only upcoming and recent enrolments, and match the lists drawn from my whole history", async () => {
    const now = new Date();
    const me = actorOf(await createUser());
    const rater = await createUser();
    const ago = (d: number) => new Date(now.getTime() - d * DAY);
    const oldUnrated = await createTrainingSession({ status: "COMPLETED", startsAt: ago(90) });
    const recentUnrated = await createTrainingSession({ status: "COMPLETED", startsAt: ago(20) });
    const recentRated = await createTrainingSession({ status: "COMPLETED", startsAt: ago(10) });
    const recentAbsent = await createTrainingSession({ status: "COMPLETED", startsAt: ago(5) });
    const underWay = await createTrainingSession({ startsAt: new Date(now.getTime() - 3600_000), creditHours: 1.5 });
    const soon = await createTrainingSession({ startsAt: new Date(now.getTime() + 2 * DAY) });
    const later = await createTrainingSession({ startsAt: new Date(now.getTime() + 9 * DAY) });
    const full = await createTrainingSession({ startsAt: new Date(now.getTime() + 4 * DAY) });
    const called = await createTrainingSession({ status: "CANCELLED", startsAt: new Date(now.getTime() + 5 * DAY) });
    for (const s of [oldUnrated, recentUnrated, recentRated, underWay]) await enrol(s.id, me.id);
    await enrol(recentAbsent.id, me.id, "ENROLLED", "ABSENT");
    await db.trainingFeedback.create({ data: { sessionId: recentRated.id, userId: me.id, rating: 5 } });
    await db.trainingFeedback.create({ data: { sessionId: recentUnrated.id, userId: rater.id, rating: 3 } }); // not mine
    await enrol(later.id, me.id, "ENROLLED", null);
    await enrol(soon.id, me.id, "ENROLLED", null);
    await enrol(full.id, rater.id, "WAITLISTED", null);
    await enrol(full.id, me.id, "WAITLISTED", null);
    await enrol(called.id, me.id, "ENROLLED", null);

    const current = await getMyCurrentTraining(me, now);
    const ids = (l: { session: { id: string } }[]) => l.map((e) => e.session.id);
    expect(ids(current.upcoming)).toEqual([underWay.id, soon.id, later.id]);
    expect(ids(current.waitlisted)).toEqual([full.id]);
    expect(current.waitlisted[0]!.waitlistPosition).toBe(2);
    expect(ids(current.pendingCredit)).toEqual([underWay.id]);
    expect(ids(current.toRate)).toEqual([underWay.id, recentUnrated.id]); // checked in already counts

    const whole = await getMyTraining(me, now);
    for (const k of ["upcoming", "waitlisted", "pendingCredit", "toRate"] as const) expect(ids(current[k])).toEqual(ids(whole[k]));
  });
});
