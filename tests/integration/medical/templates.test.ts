import { db } from "@/lib/db";
import { bookSlot } from "@/lib/medical/booking";
import { createTemplate, deleteTemplate, generateSlots } from "@/lib/medical/mutations";
import { addDays, shanghaiToday } from "@/lib/time";
import { actorOf, createUser } from "@/tests/factories";
import { consentFor, createMedicalService } from "@/tests/factories/medical";

test("deleting a weekly template keeps the slots it generated and their bookings", async () => {
  const liaison = actorOf(await createUser({ roles: ["MEDICAL_LIAISON", "OFFICER"] }));
  const svc = await createMedicalService();
  const from = addDays(shanghaiToday(), 7);
  const to = addDays(from, 6); // one full week: every weekday once
  const weekday = ((new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const { id } = await createTemplate(liaison, {
    serviceId: svc.id,
    weekday,
    startTime: "09:00",
    endTime: "10:00",
    slotMinutes: 30,
    capacity: 3,
  });
  expect((await generateSlots(liaison, { from, to, serviceId: svc.id })).created).toBe(2);
  const slots = await db.medicalSlot.findMany({ where: { serviceId: svc.id }, orderBy: { startsAt: "asc" } });
  expect(slots.map((s) => s.templateId)).toEqual([id, id]);

  const officer = actorOf(await createUser());
  await consentFor(officer.id);
  const booking = await bookSlot(officer, { slotId: slots[0]!.id });

  await deleteTemplate(liaison, id);
  expect(await db.medicalSlotTemplate.count({ where: { id } })).toBe(0);
  const after = await db.medicalSlot.findMany({ where: { serviceId: svc.id }, orderBy: { startsAt: "asc" } });
  expect(after.map((s) => s.id)).toEqual(slots.map((s) => s.id));
  expect(after.every((s) => s.templateId === null)).toBe(true);
  expect(await db.medicalBooking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
    status: "BOOKED",
    slotId: slots[0]!.id,
  });
  await expect(deleteTemplate(liaison, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
});
