import { db } from "@/lib/db";
import type { Actor } from "@/lib/access";
import { bookSlot, checkInBooking, completeBooking, createUrgentEntry, markNoShow } from "@/lib/medical/booking";
import { closeDay, createSlot, createTemplate, generateSlots, reopenDay, setSlotCapacity } from "@/lib/medical/mutations";
import { sendMedicalReminders } from "@/lib/medical/reminders";
import { getMedicalStats } from "@/lib/medical/stats";
import { listSlots } from "@/lib/medical/queries";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { consentFor, createMedicalService, createMedicalSlot } from "@/tests/factories/medical";

async function officer(unitId?: string): Promise<Actor> {
  const u = await createUser({ roles: ["OFFICER"], ...(unitId ? { unitId } : {}) });
  await consentFor(u.id);
  return actorOf(u);
}
const liaisonActor = async () => actorOf(await createUser({ roles: ["MEDICAL_LIAISON", "OFFICER"] }));

test("weekly templates generate Shanghai-time slots for a range, skip closed days and never duplicate", async () => {
  const liaison = await liaisonActor();
  const svc = await createMedicalService();
  // Tuesdays 08:30–11:30 in 30-minute slots of 4 seats
  await createTemplate(liaison, { serviceId: svc.id, weekday: 2, startTime: "08:30", endTime: "11:30", slotMinutes: 30, capacity: 4 });
  const now = new Date("2026-11-26T00:00:00Z");
  const first = await generateSlots(liaison, { from: "2027-03-01", to: "2027-03-14", serviceId: svc.id }, now);
  expect(first.created).toBe(12); // two Tuesdays × 6 slots
  const slots = await db.medicalSlot.findMany({ where: { serviceId: svc.id }, orderBy: { startsAt: "asc" } });
  expect(slots[0]!.startsAt.toISOString()).toBe("2027-03-02T00:30:00.000Z"); // 08:30 in Shanghai
  expect(slots[5]!.endsAt.toISOString()).toBe("2027-03-02T03:30:00.000Z");
  expect((await generateSlots(liaison, { from: "2027-03-01", to: "2027-03-14", serviceId: svc.id }, now)).created).toBe(0);
  await db.medicalClosedDay.create({ data: { date: "2027-03-16", reason: "测试停诊" } });
  expect((await generateSlots(liaison, { from: "2027-03-15", to: "2027-03-21", serviceId: svc.id }, now)).created).toBe(0);
  expect(await db.auditLog.count({ where: { action: "medical.slots.generate", actorId: liaison.id } })).toBe(3);
});

describe("closing a day", () => {
  async function dayWithBookings(date: string) {
    const liaison = await liaisonActor();
    const svc = await createMedicalService();
    const empty = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(`${date}T09:00:00+08:00`) });
    const busy = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(`${date}T10:00:00+08:00`), capacity: 3 });
    const a = await officer();
    const b = await officer();
    const ba = await bookSlot(a, { slotId: busy.id });
    const bb = await bookSlot(b, { slotId: busy.id });
    return { liaison, svc, empty, busy, a, b, ba, bb };
  }

  test("CANCEL removes empty slots, closes booked ones, cancels their bookings, frees seats and tells each booker", async () => {
    const d = await dayWithBookings("2027-04-06");
    const res = await closeDay(d.liaison, { date: "2027-04-06", reason: "清明节", existing: "CANCEL" });
    expect(res).toEqual({ removedSlots: 1, closedSlots: 1, cancelled: 2, kept: 0 });
    expect(await db.medicalSlot.findUnique({ where: { id: d.empty.id } })).toBeNull();
    expect(await db.medicalSlot.findUniqueOrThrow({ where: { id: d.busy.id } })).toMatchObject({ closed: true, bookedCount: 0 });
    expect((await db.medicalBooking.findMany({ where: { id: { in: [d.ba.id, d.bb.id] } } })).map((x) => x.status)).toEqual([
      "CANCELLED",
      "CANCELLED",
    ]);
    for (const u of [d.a, d.b]) expect(await db.notification.count({ where: { userId: u.id, kind: "medical.booking.cancelled" } })).toBe(1);
    const c = await officer();
    await expect(bookSlot(c, { slotId: d.busy.id })).rejects.toMatchObject({ code: "SLOT_CLOSED" });
    await expect(closeDay(d.liaison, { date: "2027-04-06", reason: "again", existing: "KEEP" })).rejects.toMatchObject({
      code: "DAY_ALREADY_CLOSED",
    });
    await expect(
      createSlot(d.liaison, {
        service: d.svc.code,
        startsAt: "2027-04-06T14:00:00+08:00",
        endsAt: "2027-04-06T14:30:00+08:00",
        capacity: 2,
      }),
    ).rejects.toMatchObject({ code: "DAY_CLOSED" });
  });

  test("KEEP leaves existing bookings standing, blocks new ones, and tells bookers; reopening lifts the block", async () => {
    const d = await dayWithBookings("2027-04-13");
    const res = await closeDay(d.liaison, { date: "2027-04-13", reason: "院内培训", existing: "KEEP" });
    expect(res).toMatchObject({ cancelled: 0, kept: 2 });
    expect(await db.medicalSlot.findUniqueOrThrow({ where: { id: d.busy.id } })).toMatchObject({ closed: true, bookedCount: 2 });
    expect(await db.notification.count({ where: { userId: d.a.id, kind: "medical.booking.changed" } })).toBe(1);
    const c = await officer();
    await expect(bookSlot(c, { slotId: d.busy.id })).rejects.toMatchObject({ code: "SLOT_CLOSED" });
    const day = await db.medicalClosedDay.findUniqueOrThrow({ where: { date: "2027-04-13" } });
    await reopenDay(d.liaison, day.id);
    await expect(bookSlot(c, { slotId: d.busy.id })).resolves.toMatchObject({ status: "BOOKED" });
  });
});

test("capacity can shrink only down to the seats already taken", async () => {
  const liaison = await liaisonActor();
  const svc = await createMedicalService();
  const slot = await createMedicalSlot({ serviceId: svc.id, capacity: 3 });
  await bookSlot(await officer(), { slotId: slot.id });
  await bookSlot(await officer(), { slotId: slot.id });
  await expect(setSlotCapacity(liaison, slot.id, { capacity: 1 })).rejects.toMatchObject({ code: "CAPACITY_BELOW_BOOKED" });
  await setSlotCapacity(liaison, slot.id, { capacity: 2 });
  await expect(bookSlot(await officer(), { slotId: slot.id })).rejects.toMatchObject({ code: "SLOT_FULL" });
});

test("the day-before reminder goes out once per booking, however often it runs", async () => {
  const svc = await createMedicalService();
  const now = new Date("2026-12-07T10:00:00+08:00");
  const tomorrow = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date("2026-12-08T09:00:00+08:00") });
  const later = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date("2026-12-09T09:00:00+08:00") });
  const a = await officer();
  const b = await officer();
  const c = await officer();
  await bookSlot(a, { slotId: tomorrow.id }, new Date("2026-12-01T00:00:00Z"));
  const cancelled = await bookSlot(b, { slotId: tomorrow.id }, new Date("2026-12-01T00:00:00Z"));
  await db.medicalBooking.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
  await bookSlot(c, { slotId: later.id }, new Date("2026-12-01T00:00:00Z"));
  const runs = await Promise.all([sendMedicalReminders(now), sendMedicalReminders(now), sendMedicalReminders(now)]);
  expect(runs.map((r) => r.sent).reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
  await sendMedicalReminders(now);
  const count = (userId: string) => db.notification.count({ where: { userId, kind: "medical.booking.reminder" } });
  expect(await count(a.id)).toBe(1);
  expect(await count(b.id)).toBe(0);
  expect(await count(c.id)).toBe(0);
  expect(await db.auditLog.count({ where: { action: "medical.reminders.send", target: "2026-12-08" } })).toBe(1);
});

describe("statistics", () => {
  test("unit leads see only their subtree with groups under five people suppressed; the liaison sees exact figures; no personal data", async () => {
    const root = await createUnit();
    const station = await createUnit({ parentId: root.id });
    const small = await createUnit({ parentId: root.id });
    const liaison = await liaisonActor();
    const lead = actorOf(await createUser({ roles: ["UNIT_LEAD"], unitId: station.id }));
    const svc = await createMedicalService({ name: "统计测试服务" });
    const year = 2031;
    const slotAt = (h: number, cap = 10) =>
      createMedicalSlot({
        serviceId: svc.id,
        startsAt: new Date(`${year}-03-04T${String(h).padStart(2, "0")}:00:00+08:00`),
        capacity: cap,
      });
    const s1 = await slotAt(9);
    const bookedAt = new Date(`${year}-01-01T00:00:00Z`);
    const stationPeople = await Promise.all(Array.from({ length: 6 }, () => officer(station.id)));
    const ids = [];
    for (const p of stationPeople) ids.push((await bookSlot(p, { slotId: s1.id }, bookedAt)).id);
    for (const id of ids.slice(0, 4)) {
      await checkInBooking(liaison, id);
      await completeBooking(liaison, id);
    }
    await markNoShow(liaison, ids[4]!, new Date(s1.endsAt.getTime() + 60_000));
    const s2 = await slotAt(10);
    for (let i = 0; i < 2; i++) await bookSlot(await officer(small.id), { slotId: s2.id }, bookedAt);

    const mine = await getMedicalStats(lead, { year });
    expect(mine.scope).toBe("UNIT");
    const row = mine.byService.find((r) => r.key === svc.code)!;
    expect(row).toMatchObject({ bookings: 6, people: 6 });
    expect(row.noShowRate).toBeCloseTo(1 / 5);
    expect(mine.byUnit.map((u) => u.key)).toEqual([station.id]);

    // a lead above both units: the small group is suppressed, the rest shown
    const rootLead = actorOf(await createUser({ roles: ["UNIT_LEAD"], unitId: root.id }));
    const above = await getMedicalStats(rootLead, { year });
    expect(above.byUnit.find((u) => u.key === small.id)).toMatchObject({ bookings: null, people: null, noShowRate: null });
    expect(above.byUnit.find((u) => u.key === station.id)).toMatchObject({ bookings: 6 });
    expect(above.total).toMatchObject({ bookings: 8, people: 8 });
    // the liaison sees every booking row by row on the day board: nothing is suppressed for them
    const all = await getMedicalStats(liaison, { year });
    expect(all.byUnit.find((u) => u.key === small.id)).toMatchObject({ bookings: 2, people: 2 });
    expect(all.byUnit.find((u) => u.key === station.id)).toMatchObject({ bookings: 6 });
    expect(all.total.bookings).toBeGreaterThanOrEqual(8);
    expect(all.byService.find((r) => r.key === svc.code)).toMatchObject({ bookings: 8, people: 8 });
    expect(JSON.stringify(all)).not.toMatch(new RegExp(stationPeople.map((p) => p.badgeNo).join("|")));

    const officerOnly = await officer();
    await expect(getMedicalStats(officerOnly)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("urgent entries are outside quotas and capacity but still shown as urgent", async () => {
    const liaison = await liaisonActor();
    const hurt = await createUser({ roles: ["OFFICER"] });
    const svc = await createMedicalService({ yearlyQuota: 1 });
    const u1 = await createUrgentEntry(liaison, { badgeNo: hurt.badgeNo, service: svc.code, reason: "执勤受伤" });
    const u2 = await createUrgentEntry(liaison, { badgeNo: hurt.badgeNo, service: svc.code, reason: "复诊" });
    expect([u1.urgent, u2.urgent]).toEqual([true, true]);
    await expect(createUrgentEntry(liaison, { badgeNo: "no-such-badge", reason: "x" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});

test("officers see only open future slots; the liaison sees closed and past ones too", async () => {
  const liaison = await liaisonActor();
  const me = await officer();
  const svc = await createMedicalService();
  const open = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 2 * 86400_000) });
  const closed = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 3 * 86400_000), closed: true });
  const past = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() - 2 * 86400_000) });
  const from = new Date(Date.now() - 5 * 86400_000).toISOString();
  const ids = async (a: Actor) => (await listSlots(a, { service: svc.code, from })).items.map((s) => s.id).sort();
  expect(await ids(me)).toEqual([open.id]);
  expect(await ids(liaison)).toEqual([open.id, closed.id, past.id].sort());
  await expect(
    createSlot(liaison, { service: svc.code, startsAt: "2027-05-01T10:00:00+08:00", endsAt: "2027-05-01T09:00:00+08:00", capacity: 2 }),
  ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { endsAt: expect.any(String) } });
  const made = await createSlot(liaison, {
    service: svc.code,
    startsAt: "2027-05-01T10:00:00+08:00",
    endsAt: "2027-05-01T10:30:00+08:00",
    capacity: 2,
  });
  expect(made.startsAt.toISOString()).toBe("2027-05-01T02:00:00.000Z");
  await expect(
    createSlot(liaison, { service: svc.code, startsAt: "2027-05-01T10:00:00+08:00", endsAt: "2027-05-01T10:30:00+08:00", capacity: 2 }),
  ).rejects.toMatchObject({ code: "SLOT_EXISTS" });
  await expect(
    createSlot(me, { service: svc.code, startsAt: "2027-05-02T10:00:00+08:00", endsAt: "2027-05-02T10:30:00+08:00", capacity: 2 }),
  ).rejects.toMatchObject({ code: "FORBIDDEN" });
});
