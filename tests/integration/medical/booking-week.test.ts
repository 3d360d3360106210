import { db } from "@/lib/db";
import { bookingWeeks } from "@/lib/medical/calendar";
import { listBookableSlots } from "@/lib/medical/queries";
import { shanghaiWeekRange } from "@/lib/time";
import { actorOf, createUser } from "@/tests/factories";
import { createMedicalService, createMedicalSlot } from "@/tests/factories/medical";

test("the booking page's week range returns only that Shanghai week's open future slots of that service, within the horizon", async () => {
  const me = actorOf(await createUser({ roles: ["OFFICER"] }));
  const svc = await createMedicalService();
  const other = await createMedicalService();
  const at = (iso: string, extra: { capacity?: number; closed?: boolean } = {}) =>
    createMedicalSlot({ serviceId: svc.id, startsAt: new Date(iso), ...extra });
  // Wednesday 10:00 in Shanghai; the four-week horizon ends on Wednesday 2027-06-30 10:00
  const now = new Date("2027-06-02T10:00:00+08:00");
  const weeks = bookingWeeks(now);
  expect(weeks).toEqual(["2027-05-31", "2027-06-07", "2027-06-14", "2027-06-21", "2027-06-28"]);

  const past = await at("2027-06-01T09:00:00+08:00");
  const thursday = await at("2027-06-03T09:00:00+08:00");
  const sundayNight = await at("2027-06-06T23:30:00+08:00"); // still the first week in Shanghai (Sunday 15:30 UTC)
  const mondayMidnight = await at("2027-06-07T00:00:00+08:00"); // the second week (Sunday 16:00 UTC)
  const full = await at("2027-06-08T09:00:00+08:00", { capacity: 1 });
  await db.medicalSlot.update({ where: { id: full.id }, data: { bookedCount: 1 } });
  await at("2027-06-09T09:00:00+08:00", { closed: true });
  const lastMinute = await at("2027-06-13T23:30:00+08:00");
  const thirdWeek = await at("2027-06-14T00:00:00+08:00");
  await createMedicalSlot({ serviceId: other.id, startsAt: new Date("2027-06-08T10:00:00+08:00") });
  const beforeHorizon = await at("2027-06-29T09:00:00+08:00");
  await at("2027-07-01T09:00:00+08:00"); // in the last week, but beyond the horizon

  const ids = async (range?: { from: Date; to: Date }) => (await listBookableSlots(me, svc.code, range, now)).map((s) => s.id);
  const week = (monday: string) => {
    const { start, end } = shanghaiWeekRange(monday);
    return { from: start, to: end };
  };
  // a full slot stays on the list (the page shows it as full); closed ones and other services' do not
  expect(await ids(week("2027-06-07"))).toEqual([mondayMidnight.id, full.id, lastMinute.id]);
  expect(await ids(week("2027-05-31"))).toEqual([thursday.id, sundayNight.id]);
  expect(await ids(week("2027-06-28"))).toEqual([beforeHorizon.id]);
  // without a range: the whole horizon, as before
  expect(await ids()).toEqual([thursday.id, sundayNight.id, mondayMidnight.id, full.id, lastMinute.id, thirdWeek.id, beforeHorizon.id]);
  expect(await ids()).not.toContain(past.id);
});
