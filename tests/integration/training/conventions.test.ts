import { db } from "@/lib/db";
import { enrolUnitMembers } from "@/lib/training/enrolment";
import { getMyTraining, listUnitCompliance } from "@/lib/training/queries";
import { UNIT_ENROL_MAX } from "@/lib/training/schemas";
import { getTrainingStats } from "@/lib/training/stats";
import { unsafeListAttendanceForUsers } from "@/lib/training/transcript";
import { setRequirement } from "@/lib/training/mutations";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";
import { rejection } from "@/tests/helpers/errors";

beforeAll(ensureCategories);

describe("unit enrolment input", () => {
  test(`refuses more than ${UNIT_ENROL_MAX} people in one step, before touching anyone`, async () => {
    const station = await createUnit();
    const lead = actorOf(await createUser({ unitId: station.id, roles: ["OFFICER", "UNIT_LEAD"] }));
    const member = await createUser({ unitId: station.id });
    const s = await createTrainingSession();
    const tooMany = [member.id, ...Array.from({ length: UNIT_ENROL_MAX }, (_, i) => `nobody${i}`)];
    const e = await rejection(enrolUnitMembers(lead, s.id, tooMany));
    expect(e).toMatchObject({ code: "VALIDATION_FAILED", status: 400 });
    expect(e.fields?.userIds).toContain(String(UNIT_ENROL_MAX));
    expect(await db.trainingEnrollment.count({ where: { sessionId: s.id } })).toBe(0);
    // exactly the limit passes validation (and then meets the unit-scope rule)
    const atLimit = [member.id, ...Array.from({ length: UNIT_ENROL_MAX - 1 }, (_, i) => `nobody${i}`)];
    expect(await rejection(enrolUnitMembers(lead, s.id, atLimit))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(enrolUnitMembers(lead, s.id, []))).toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("attended credit hours: one rule in stats, transcript, my training and compliance", () => {
  test("credits a session that ended or was closed, never a cancelled one, everywhere alike", async () => {
    const year = 2047; // a year no other test writes to, so the office's totals are ours alone
    const now = new Date("2047-12-20T00:00:00Z");
    const station = await createUnit();
    const officer = await createUser({ unitId: station.id });
    const lead = actorOf(await createUser({ unitId: station.id, roles: ["OFFICER", "UNIT_LEAD"] }));
    const at = (m: number) => new Date(Date.UTC(year, m, 10, 1));
    const closed = await createTrainingSession({ status: "COMPLETED", startsAt: at(2), creditHours: 3 });
    const endedNotClosed = await createTrainingSession({ status: "PUBLISHED", startsAt: at(5), creditHours: 2 });
    const cancelled = await createTrainingSession({ status: "CANCELLED", startsAt: at(7), creditHours: 1.5 });
    const absent = await createTrainingSession({ status: "COMPLETED", startsAt: at(9), creditHours: 4 });
    for (const s of [closed, endedNotClosed, cancelled]) {
      await db.trainingEnrollment.create({ data: { sessionId: s.id, userId: officer.id, status: "ENROLLED", attendance: "ATTENDED" } });
    }
    await db.trainingEnrollment.create({ data: { sessionId: absent.id, userId: officer.id, status: "ENROLLED", attendance: "ABSENT" } });

    const office = actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));
    const stats = await getTrainingStats(office, year, now);
    expect(stats.creditHours).toBe(5);
    expect(stats.sessions).toBe(2); // sessions run: the two closed ones
    expect(stats.attended).toBe(1);
    expect(stats.enrolled).toBe(2);
    expect(stats.attendanceRate).toBe(0.5);

    const transcript = await unsafeListAttendanceForUsers([officer.id], now);
    expect(transcript.map((r) => r.sessionId).sort()).toEqual([closed.id, endedNotClosed.id].sort());
    expect(transcript.reduce((t, r) => t + r.creditHours, 0)).toBe(5);

    const mine = await getMyTraining(actorOf(officer), now);
    expect(mine.creditHours.byYear[String(year)]).toBe(5);
    expect(mine.creditHours.total).toBe(5);
    expect(mine.creditHours.byCategory.LAW_ENFORCEMENT?.hours).toBe(5);

    const row = (await listUnitCompliance(lead, now)).find((r) => r.id === officer.id);
    expect(row?.done).toBe(5);
  });

  test("the required hours are the largest requirement among a person's roles, in my training and compliance alike", async () => {
    const office = actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));
    // roles the other training tests leave alone (they set OFFICER)
    await setRequirement(office, { role: "AUXILIARY", hours: "20" });
    await setRequirement(office, { role: "LECTURER", hours: "30" });
    const station = await createUnit();
    const lead = actorOf(await createUser({ unitId: station.id, roles: ["UNIT_LEAD"] }));
    const aux = actorOf(await createUser({ unitId: station.id, roles: ["AUXILIARY", "LECTURER"] }));
    expect((await getMyTraining(aux)).creditHours.required).toBe(30);
    expect((await listUnitCompliance(lead)).find((r) => r.id === aux.id)?.required).toBe(30);
  });
});
