import { bookSlot } from "@/lib/medical/booking";
import { enrolSelf } from "@/lib/training/enrolment";
import { approveLeaveRequest, cancelLeaveRequest, createLeaveRequest } from "@/lib/leave/mutations";
import { findApprovedLeave } from "@/lib/leave/queries";
import { createUnit } from "@/tests/factories";
import { createLeavePerson } from "@/tests/factories/leave";
import { consentFor, createMedicalService, createMedicalSlot } from "@/tests/factories/medical";
import { createTrainingSession } from "@/tests/factories/training";

// Shanghai days of instants: 2030-03-05T01:00Z is 09:00 on 5 March in Shanghai.
const at = (day: string, hour: number) => new Date(Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`));
const before = new Date("2030-01-02T00:00:00Z");

async function onLeave(from: string, to: string) {
  const unit = await createUnit();
  const lead = await createLeavePerson({ unitId: unit.id, roles: ["OFFICER", "UNIT_LEAD"] });
  const me = await createLeavePerson({ unitId: unit.id });
  const r = await createLeaveRequest(me, { type: "PERSONAL", from, to });
  return { me, lead, r };
}

test("enrolling in a session during my approved leave works and carries ON_LEAVE; pending leave or other days do not", async () => {
  const { me, lead, r } = await onLeave("2030-03-04", "2030-03-06");
  const during = await createTrainingSession({ startsAt: at("2030-03-05", 9), endsAt: at("2030-03-05", 11) });
  const after = await createTrainingSession({ startsAt: at("2030-03-07", 9), endsAt: at("2030-03-07", 11) });
  const lateNight = await createTrainingSession({ startsAt: at("2030-03-03", 22), endsAt: at("2030-03-03", 23) });
  // pending is not yet leave
  expect((await enrolSelf(me, during.id, before)).warnings).toEqual([]);
  const again = await createTrainingSession({ startsAt: at("2030-03-06", 14), endsAt: at("2030-03-06", 16) });
  await approveLeaveRequest(lead, r.id, {}, before);
  const e = await enrolSelf(me, again.id, before);
  expect(e).toMatchObject({ status: "ENROLLED", warnings: ["ON_LEAVE"] });
  expect((await enrolSelf(me, after.id, before)).warnings).toEqual([]);
  // 22:00 on 3 March Shanghai is 14:00Z: still the day before the leave
  expect((await enrolSelf(me, lateNight.id, before)).warnings).toEqual([]);
  expect(await findApprovedLeave(me.id, at("2030-03-06", 0), at("2030-03-06", 23))).toMatchObject({ from: "2030-03-04", to: "2030-03-06" });
});

test("booking a hospital slot during my approved leave works and carries ON_LEAVE, until the leave is cancelled", async () => {
  const { me, lead, r } = await onLeave("2030-04-08", "2030-04-09");
  await consentFor(me.id);
  await approveLeaveRequest(lead, r.id, {}, before);
  const svc = await createMedicalService();
  const svc2 = await createMedicalService();
  const slot = await createMedicalSlot({ serviceId: svc.id, startsAt: at("2030-04-09", 8) });
  const b = await bookSlot(me, { slotId: slot.id }, before);
  expect(b).toMatchObject({ status: "BOOKED", warnings: ["ON_LEAVE"] });
  await cancelLeaveRequest(me, r.id, before);
  const slot2 = await createMedicalSlot({ serviceId: svc2.id, startsAt: at("2030-04-09", 9) });
  expect((await bookSlot(me, { slotId: slot2.id }, before)).warnings).toEqual([]);
});
