// Calendar files people import into their phones: a waitlisted place is tentative, every event
// reminds, lines are folded at 75 octets (Chinese text is three octets a character).
import { cancelMyEnrollment, enrolSelf } from "@/lib/training/enrolment";
import { myBookingsIcs, sessionIcs } from "@/lib/training/ics";
import { myBookingsIcs as myVisitsIcs, bookingIcs } from "@/lib/medical/ics";
import { bookSlot, cancelBooking } from "@/lib/medical/booking";
import { foldLines } from "@/lib/ics";
import { actorOf, createUser } from "@/tests/factories";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";
import { consentFor, createMedicalService, createMedicalSlot } from "@/tests/factories/medical";

beforeAll(ensureCategories);

const octets = (s: string) => new TextEncoder().encode(s).length;
function expectFolded(ics: string) {
  const lines = ics.split("\r\n");
  expect(lines.filter((l) => octets(l) > 75)).toEqual([]);
  expect(lines.filter((l) => l.includes("\uFFFD"))).toEqual([]);
}
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

test("a waitlisted session is TENTATIVE, an enrolled one CONFIRMED, both with a reminder", async () => {
  const s = await createTrainingSession({
    capacity: 1,
    title: "警务无人机飞行操作与空域管理专题培训（第三期，含实飞考核与空域申报流程讲解）",
  });
  const [a, b] = [actorOf(await createUser()), actorOf(await createUser())];
  await enrolSelf(a, s.id);
  await enrolSelf(b, s.id);
  const mine = unfold(await sessionIcs(a, s.id));
  expect(mine).toMatch(/STATUS:CONFIRMED/);
  const waiting = await sessionIcs(b, s.id);
  expect(unfold(waiting)).toMatch(/STATUS:TENTATIVE/);
  expect(unfold(waiting)).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT60M[\s\S]*END:VALARM/);
  expectFolded(waiting);
  const all = await myBookingsIcs(b);
  expect(unfold(all)).toContain("【候补】警务无人机飞行操作与空域管理专题培训");
  expectFolded(all);
});

test("hospital bookings export as iCalendar for their owner, never for someone else", async () => {
  const u = await createUser();
  await consentFor(u.id);
  const me = actorOf(u);
  const svc = await createMedicalService({ name: "免费肝脏检查" });
  const slot = await createMedicalSlot({ serviceId: svc.id });
  const booking = await bookSlot(me, { slotId: slot.id });
  const ics = unfold(await myVisitsIcs(me));
  expect(ics).toContain(`UID:medical-${booking.id}@jingxin`);
  expect(ics).toMatch(/SUMMARY:免费肝脏检查 · 鞍山市传染病医院/);
  expect(ics).toMatch(/BEGIN:VALARM/);
  await expect(bookingIcs(actorOf(await createUser()), booking.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
});

test("folding counts octets and never splits a character", () => {
  const line = `DESCRIPTION:${"执法规范化".repeat(40)}`;
  const folded = foldLines(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR`);
  expectFolded(folded);
  expect(unfold(folded)).toBe(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR`);
});

test("my calendars leave out what I cancelled: a cancelled enrolment, a cancelled or past hospital visit", async () => {
  const u = await createUser();
  await consentFor(u.id);
  const me = actorOf(u);
  const kept = await createTrainingSession({ title: `保留的培训${u.id}` });
  const dropped = await createTrainingSession({ title: `已取消报名${u.id}` });
  await enrolSelf(me, kept.id);
  await enrolSelf(me, dropped.id);
  await cancelMyEnrollment(me, dropped.id);
  const training = unfold(await myBookingsIcs(me));
  expect(training).toContain(`保留的培训${u.id}`);
  expect(training).not.toContain(`已取消报名${u.id}`);

  const [svcA, svcB] = [await createMedicalService(), await createMedicalService()];
  const coming = await bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: svcA.id })).id });
  const cancelled = await bookSlot(me, { slotId: (await createMedicalSlot({ serviceId: svcB.id })).id });
  await cancelBooking(me, cancelled.id);
  const visits = unfold(await myVisitsIcs(me));
  expect(visits).toContain(`UID:medical-${coming.id}@jingxin`);
  expect(visits).not.toContain(`UID:medical-${cancelled.id}@jingxin`);
  // once the visit is over it leaves the calendar too
  const later = new Date((coming.endsAt ?? coming.startsAt).getTime() + 60_000);
  expect(unfold(await myVisitsIcs(me, later))).not.toContain(`UID:medical-${coming.id}@jingxin`);
});
