import { db } from "@/lib/db";
import { bookSlot } from "@/lib/medical/booking";
import { listMyRescheduleTargets, rescheduleMyBooking } from "@/lib/medical/self-reschedule";
import { actorOf, createUser } from "@/tests/factories";
import { consentFor, createMedicalService, createMedicalSlot } from "@/tests/factories/medical";

const day = 86400_000;
async function officer() {
  const u = await createUser();
  await consentFor(u.id);
  return actorOf(u);
}
const seats = async (id: string) => (await db.medicalSlot.findUniqueOrThrow({ where: { id } })).bookedCount;

test("an officer moves their own booking: the new seat is taken, the old one freed, a notice written", async () => {
  const svc = await createMedicalService();
  const [a, b, full] = await Promise.all([
    createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 3 * day) }),
    createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 4 * day) }),
    createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 5 * day), capacity: 1 }),
  ]);
  await db.medicalSlot.update({ where: { id: full.id }, data: { bookedCount: 1 } });
  const me = await officer();
  const booking = await bookSlot(me, { slotId: a.id });
  expect((await listMyRescheduleTargets(me, booking.id)).map((s) => s.id)).toEqual([b.id]);

  const moved = await rescheduleMyBooking(me, booking.id, { slotId: b.id });
  expect(moved).toMatchObject({ id: booking.id, status: "BOOKED", warnings: [] });
  expect(moved.slot?.id).toBe(b.id);
  expect([await seats(a.id), await seats(b.id)]).toEqual([0, 1]);
  expect(await db.notification.count({ where: { userId: me.id, kind: "medical.booking.changed" } })).toBe(1);
  expect(await db.auditLog.count({ where: { action: "medical.booking.reschedule_own", targetId: booking.id } })).toBe(1);

  await expect(rescheduleMyBooking(me, booking.id, { slotId: full.id })).rejects.toMatchObject({ code: "SLOT_FULL" });
  expect(await seats(b.id)).toBe(1);
});

test("someone else's booking is NOT_FOUND; another service's slot, a past slot and a cancelled booking are refused", async () => {
  const svc = await createMedicalService();
  const other = await createMedicalService();
  const [a, b] = await Promise.all([
    createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 3 * day) }),
    createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 4 * day) }),
  ]);
  const foreign = await createMedicalSlot({ serviceId: other.id, startsAt: new Date(Date.now() + 4 * day) });
  const past = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() - day) });
  const me = await officer();
  const stranger = await officer();
  const booking = await bookSlot(me, { slotId: a.id });
  await expect(rescheduleMyBooking(stranger, booking.id, { slotId: b.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(listMyRescheduleTargets(stranger, booking.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(rescheduleMyBooking(me, booking.id, { slotId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(rescheduleMyBooking(me, booking.id, { slotId: past.id })).rejects.toMatchObject({ code: "SLOT_IN_PAST" });
  await db.medicalBooking.update({ where: { id: booking.id }, data: { status: "CANCELLED" } });
  await expect(rescheduleMyBooking(me, booking.id, { slotId: b.id })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
});

test("twenty officers racing for the last seat: exactly one moves, no slot is overbooked", async () => {
  const svc = await createMedicalService();
  const from = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 3 * day), capacity: 30 });
  const to = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 6 * day), capacity: 1 });
  const people = await Promise.all(Array.from({ length: 20 }, () => officer()));
  const bookings = await Promise.all(people.map((p) => bookSlot(p, { slotId: from.id })));
  const out = await Promise.allSettled(people.map((p, i) => rescheduleMyBooking(p, bookings[i]!.id, { slotId: to.id })));
  expect(out.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  expect(new Set(out.flatMap((o) => (o.status === "rejected" ? [(o.reason as { code: string }).code] : [])))).toEqual(
    new Set(["SLOT_FULL"]),
  );
  expect([await seats(from.id), await seats(to.id)]).toEqual([19, 1]);
});

test("a move into another year keeps that year's quota", async () => {
  const svc = await createMedicalService({ yearlyQuota: 1 });
  const me = await officer();
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  // next year already has its one booking (completed), made as data
  const nextYear = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.UTC(year + 1, 0, 20, 2)) });
  const target = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.UTC(year + 1, 0, 21, 2)) });
  await db.medicalBooking.create({
    data: {
      userId: me.id,
      serviceId: svc.id,
      slotId: nextYear.id,
      startsAt: nextYear.startsAt,
      endsAt: nextYear.endsAt,
      status: "COMPLETED",
      createdById: me.id,
    },
  });
  const now = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + 2 * day) });
  const booking = await bookSlot(me, { slotId: now.id });
  if (new Date(now.startsAt.getTime() + 8 * 3600_000).getUTCFullYear() !== year + 1) {
    await expect(rescheduleMyBooking(me, booking.id, { slotId: target.id })).rejects.toMatchObject({ code: "QUOTA_EXCEEDED" });
  }
});
