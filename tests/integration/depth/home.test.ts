import { db } from "@/lib/db";
import { getHome } from "@/lib/home/queries";
import { dayToDate } from "@/lib/leave/calendar";
import { notify } from "@/lib/notifications/queries";
import { shanghaiDate } from "@/lib/time";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { createMedicalService, createMedicalSlot } from "@/tests/factories/medical";
import { createTrainingSession } from "@/tests/factories/training";

const now = new Date();
const inDays = (d: number) => new Date(now.getTime() + d * 86400_000);

test("an officer sees the next session, waitlist positions, hours and unread notices — and no one else's queues", async () => {
  await db.trainingRequirement.upsert({ where: { role: "OFFICER" }, create: { role: "OFFICER", hours: 40 }, update: { hours: 40 } });
  const me = actorOf(await createUser());
  const soon = await createTrainingSession({ startsAt: inDays(2) });
  const later = await createTrainingSession({ startsAt: inDays(9) });
  const full = await createTrainingSession({ startsAt: inDays(5), capacity: 1 });
  await db.trainingEnrollment.createMany({
    data: [
      { sessionId: later.id, userId: me.id, status: "ENROLLED" },
      { sessionId: soon.id, userId: me.id, status: "ENROLLED" },
      { sessionId: full.id, userId: me.id, status: "WAITLISTED", waitlistPosition: 3 },
    ],
  });
  await notify(db, [me.id], { kind: "t", title: "候补转正", body: "您已转为正式报名" });

  const home = await getHome(me, now);
  expect(home.officer?.nextSession?.id).toBe(soon.id);
  expect(home.officer?.waitlist).toEqual([expect.objectContaining({ id: full.id, position: 3 })]);
  expect(home.officer?.hours).toMatchObject({ required: 40 });
  expect(home.unread.total).toBe(1);
  expect(home.unread.items[0]?.title).toBe("候补转正");
  for (const k of ["unitLead", "lecturer", "trainingAdmin", "liaison", "hr", "sysAdmin", "securityAdmin", "auditAdmin"] as const) {
    expect(home[k]).toBeUndefined();
  }
});

test("a unit lead sees who in the unit is behind and who is away today, never another unit's people", async () => {
  const station = await createUnit();
  const otherStation = await createUnit();
  const lead = actorOf(await createUser({ unitId: station.id, roles: ["OFFICER", "UNIT_LEAD"] }));
  const behind = await createUser({ unitId: station.id, name: "落后民警" });
  const elsewhere = await createUser({ unitId: otherStation.id, name: "外单位民警" });
  const today = dayToDate(shanghaiDate(now));
  const decided = { decidedById: lead.id, decidedAt: now };
  await db.leaveRequest.createMany({
    data: [
      { userId: behind.id, type: "SICK", startsOn: today, endsOn: today, days: 1, status: "APPROVED", ...decided },
      { userId: elsewhere.id, type: "SICK", startsOn: today, endsOn: today, days: 1, status: "APPROVED", ...decided },
    ],
  });

  const home = await getHome(lead, now);
  expect(home.unitLead?.behind.map((p) => p.name)).toContain("落后民警");
  expect(home.unitLead?.behind.map((p) => p.name)).not.toContain("外单位民警");
  expect(home.unitLead?.awayToday.map((a) => a.name)).toEqual(["落后民警"]);
  expect(home.unitLead?.behindCount).toBeGreaterThanOrEqual(1);
});

test("a lecturer sees their next published session (for the QR button), not a draft or someone else's", async () => {
  const lecturer = actorOf(await createUser({ roles: ["OFFICER", "LECTURER"] }));
  const noLectures = actorOf(await createUser({ roles: ["OFFICER", "LECTURER"] }));
  await createTrainingSession({ startsAt: inDays(1), status: "DRAFT", lecturerUserId: lecturer.id });
  const mine = await createTrainingSession({ startsAt: inDays(3), lecturerUserId: lecturer.id });
  await createTrainingSession({ startsAt: inDays(6), lecturerUserId: lecturer.id });
  await createTrainingSession({ startsAt: inDays(2) });
  expect((await getHome(lecturer, now)).lecturer?.next.id).toBe(mine.id);
  expect((await getHome(noLectures, now)).lecturer).toBeNull();
});

test("the training office sees drafts, full sessions and sessions over but not closed", async () => {
  const admin = actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));
  const draft = await createTrainingSession({ startsAt: inDays(1), status: "DRAFT" });
  const full = await createTrainingSession({ startsAt: inDays(2), capacity: 1 });
  await db.trainingSession.update({ where: { id: full.id }, data: { enrolledCount: 1, waitlistCount: 2 } });
  const open = await createTrainingSession({ startsAt: inDays(2), capacity: 10 });
  const over = await createTrainingSession({ startsAt: inDays(-2) });
  const closed = await createTrainingSession({ startsAt: inDays(-3), status: "COMPLETED" });

  const ta = (await getHome(admin, now)).trainingAdmin!;
  const ids = (g: { items: { id: string }[] }) => g.items.map((s) => s.id);
  expect(ids(ta.drafts)).toContain(draft.id);
  expect(ids(ta.full)).toEqual(expect.arrayContaining([full.id]));
  expect(ids(ta.full)).not.toContain(open.id);
  expect(ta.full.items.find((s) => s.id === full.id)?.waitlistCount).toBe(2);
  expect(ids(ta.toClose)).toContain(over.id);
  expect(ids(ta.toClose)).not.toContain(closed.id);
  expect(ta.drafts.total).toBeGreaterThanOrEqual(1);
});

test("each administrator gets only their own queue (三权分立)", async () => {
  const sys = actorOf(await createUser({ roles: ["SYS_ADMIN"] }));
  const sec = actorOf(await createUser({ roles: ["SECURITY_ADMIN"] }));
  const aud = actorOf(await createUser({ roles: ["AUDIT_ADMIN"] }));
  const locked = await createUser();
  await db.credential.update({ where: { userId: locked.id }, data: { lockedUntil: inDays(1) } });

  const s = await getHome(sys, now);
  expect(s.sysAdmin?.activeUsers).toBeGreaterThan(0);
  expect([s.securityAdmin, s.auditAdmin, s.officer, s.hr]).toEqual([undefined, undefined, undefined, undefined]);
  const c = await getHome(sec, now);
  expect(c.securityAdmin?.lockedAccounts).toBeGreaterThanOrEqual(1);
  expect([c.sysAdmin, c.auditAdmin]).toEqual([undefined, undefined]);
  const a = await getHome(aud, now);
  expect(a.auditAdmin).toMatchObject({ refusalsToday: expect.any(Number), failuresToday: expect.any(Number) });
  expect([a.sysAdmin, a.securityAdmin]).toEqual([undefined, undefined]);
});

test("HR and the liaison get their to-do summaries", async () => {
  const hr = actorOf(await createUser({ roles: ["HR", "OFFICER"] }));
  const liaison = actorOf(await createUser({ roles: ["MEDICAL_LIAISON", "OFFICER"] }));
  const h = (await getHome(hr, now)).hr!;
  expect(h).toMatchObject({ casesToApprove: 0, month: shanghaiDate(now).slice(0, 7), thisMonthImported: false });
  const l = (await getHome(liaison, now)).liaison!;
  expect(l.date).toBe(shanghaiDate(now));
  // the board counts the whole bureau, and other test files book today: a day of its own here
  const day = new Date("2093-05-20T02:00:00Z");
  expect((await getHome(liaison, day)).liaison).toMatchObject({ date: "2093-05-20", counts: { booked: 0, urgent: 0 }, slots: 0 });
  const svc = await createMedicalService();
  const slot = await createMedicalSlot({ serviceId: svc.id, startsAt: day, capacity: 3 });
  const officer = await createUser();
  await db.medicalBooking.create({
    data: {
      userId: officer.id,
      serviceId: svc.id,
      slotId: slot.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      status: "BOOKED",
      createdById: officer.id,
    },
  });
  await db.medicalSlot.update({ where: { id: slot.id }, data: { bookedCount: 1 } });
  expect((await getHome(liaison, day)).liaison).toMatchObject({ counts: { booked: 1, urgent: 0 }, slots: 1, freeSeats: 2 });
});
