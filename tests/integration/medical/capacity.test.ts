import path from "node:path";
import { db } from "@/lib/db";
import { runWorker } from "@/tests/helpers/worker";
import { bookSlot, cancelBooking, createUrgentEntry } from "@/lib/medical/booking";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { consentFor, createMedicalService, createMedicalSlot } from "@/tests/factories/medical";

async function consentingOfficers(n: number) {
  const unit = await createUnit();
  const users = [];
  for (let i = 0; i < n; i++) {
    const u = await createUser({ unitId: unit.id, roles: ["OFFICER"] });
    await consentFor(u.id);
    users.push(actorOf(u));
  }
  return users;
}

const codeOf = (e: unknown) => (e as { code?: string }).code;

async function seatsTaken(slotId: string) {
  const [slot, active] = await Promise.all([
    db.medicalSlot.findUniqueOrThrow({ where: { id: slotId } }),
    db.medicalBooking.count({ where: { slotId, status: { not: "CANCELLED" } } }),
  ]);
  return { counter: slot.bookedCount, rows: active, capacity: slot.capacity };
}

test("200 concurrent bookings of a 20-seat slot book exactly 20 and refuse the rest as SLOT_FULL", async () => {
  const actors = await consentingOfficers(200);
  const svc = await createMedicalService();
  const slot = await createMedicalSlot({ serviceId: svc.id, capacity: 20 });
  const results = await Promise.allSettled(actors.map((a) => bookSlot(a, { slotId: slot.id })));
  const ok = results.filter((r) => r.status === "fulfilled");
  const refused = results.filter((r) => r.status === "rejected").map((r) => codeOf((r as PromiseRejectedResult).reason));
  expect(ok).toHaveLength(20);
  expect(refused).toHaveLength(180);
  expect(new Set(refused)).toEqual(new Set(["SLOT_FULL"]));
  expect(await seatsTaken(slot.id)).toEqual({ counter: 20, rows: 20, capacity: 20 });
}, 120_000);

function bookInWorker(slotId: string, actors: unknown[]) {
  return runWorker<{ id?: string; error?: string }[]>(path.join(__dirname, "book-worker.ts"), [slotId, JSON.stringify(actors)], {
    poolSize: 10,
  });
}

test("bookings from two OS processes sharing the database never exceed the slot's capacity", async () => {
  const actors = await consentingOfficers(120);
  const svc = await createMedicalService();
  const slot = await createMedicalSlot({ serviceId: svc.id, capacity: 15 });
  const [a, b] = await Promise.all([bookInWorker(slot.id, actors.slice(0, 60)), bookInWorker(slot.id, actors.slice(60))]);
  const all = [...a, ...b];
  expect(all.filter((r) => r.id)).toHaveLength(15);
  expect(all.filter((r) => r.error === "SLOT_FULL")).toHaveLength(105);
  expect(await seatsTaken(slot.id)).toEqual({ counter: 15, rows: 15, capacity: 15 });
}, 180_000);

test("one person firing 20 concurrent bookings at different slots of a service gets exactly one", async () => {
  const [actor] = await consentingOfficers(1);
  const svc = await createMedicalService();
  const slots = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() + (2 + i) * 86400_000), capacity: 3 }),
    ),
  );
  const results = await Promise.allSettled(slots.map((s) => bookSlot(actor!, { slotId: s.id })));
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  const codes = results.filter((r) => r.status === "rejected").map((r) => codeOf((r as PromiseRejectedResult).reason));
  expect(new Set(codes)).toEqual(new Set(["ACTIVE_BOOKING_EXISTS"]));
  expect(await db.medicalBooking.count({ where: { userId: actor!.id, serviceId: svc.id } })).toBe(1);
  const counters = await db.medicalSlot.aggregate({ where: { serviceId: svc.id }, _sum: { bookedCount: true } });
  expect(counters._sum.bookedCount).toBe(1);
});

test("the database itself refuses a second active booking for the same person and service", async () => {
  const [actor] = await consentingOfficers(1);
  const svc = await createMedicalService();
  const s1 = await createMedicalSlot({ serviceId: svc.id });
  const s2 = await createMedicalSlot({ serviceId: svc.id });
  const row = (slotId: string) => ({
    userId: actor!.id,
    serviceId: svc.id,
    slotId,
    startsAt: new Date(Date.now() + 86400_000),
    createdById: actor!.id,
  });
  await db.medicalBooking.create({ data: row(s1.id) });
  await expect(db.medicalBooking.create({ data: row(s2.id) })).rejects.toBeTruthy();
});

test("a cancellation frees its seat at once for the next person", async () => {
  const [a, b] = await consentingOfficers(2);
  const svc = await createMedicalService();
  const slot = await createMedicalSlot({ serviceId: svc.id, capacity: 1 });
  const booking = await bookSlot(a!, { slotId: slot.id });
  await expect(bookSlot(b!, { slotId: slot.id })).rejects.toMatchObject({ code: "SLOT_FULL" });
  await cancelBooking(a!, booking.id);
  expect((await db.medicalSlot.findUniqueOrThrow({ where: { id: slot.id } })).bookedCount).toBe(0);
  await expect(bookSlot(b!, { slotId: slot.id })).resolves.toMatchObject({ status: "BOOKED" });
});

test("urgent entries bypass a full slot's capacity and are counted apart from it", async () => {
  const [a] = await consentingOfficers(1);
  const hurt = await createUser({ roles: ["OFFICER"] });
  const liaison = actorOf(await createUser({ roles: ["MEDICAL_LIAISON"] }));
  const svc = await createMedicalService();
  const slot = await createMedicalSlot({ serviceId: svc.id, capacity: 1 });
  await bookSlot(a!, { slotId: slot.id });
  const urgent = await createUrgentEntry(liaison, {
    badgeNo: hurt.badgeNo,
    service: svc.code,
    startsAt: slot.startsAt.toISOString(),
    reason: "执勤中受伤",
  });
  expect(urgent).toMatchObject({ urgent: true, status: "BOOKED", slot: null });
  expect((await db.medicalSlot.findUniqueOrThrow({ where: { id: slot.id } })).bookedCount).toBe(1);
  const audit = await db.auditLog.findFirst({ where: { action: "medical.urgent.create", targetId: urgent.id } });
  expect(audit).toMatchObject({ actorId: liaison.id, target: hurt.badgeNo });
  // an officer cannot name anyone else
  await expect(createUrgentEntry(a!, { badgeNo: hurt.badgeNo, reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
});
