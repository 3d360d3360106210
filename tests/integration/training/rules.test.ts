import { db } from "@/lib/db";
import { cancelEnrollmentAsOffice, cancelMyEnrollment, enrolSelf, enrolUnitMembers } from "@/lib/training/enrolment";
import {
  cancelSession,
  completeSession,
  createSession,
  markAttendance,
  publishSession,
  setPolicy,
  setRequirement,
  submitFeedback,
  updateSession,
} from "@/lib/training/mutations";
import { checkInWithToken, issueCheckInToken } from "@/lib/training/checkin";
import { sendTrainingReminders } from "@/lib/training/reminders";
import { getMyTraining, getSession, listRoster, listSessions, listUnitCompliance } from "@/lib/training/queries";
import { getMyCertificate, verifyCertificate } from "@/lib/training/certificates";
import { unsafeListAttendanceForUsers } from "@/lib/training/transcript";
import { signToken } from "@/lib/crypto";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { createTrainingSession, ensureCategories } from "@/tests/factories/training";

async function officer(unitId?: string, roles: ("OFFICER" | "AUXILIARY" | "UNIT_LEAD" | "LECTURER" | "TRAINING_ADMIN")[] = ["OFFICER"]) {
  return actorOf(await createUser({ unitId, roles }));
}
const admin = () => officer(undefined, ["TRAINING_ADMIN", "OFFICER"]);

async function positions(sessionId: string) {
  const rows = await db.trainingEnrollment.findMany({
    where: { sessionId },
    select: { userId: true, status: true, waitlistPosition: true },
  });
  return rows;
}

beforeAll(ensureCategories);

describe("enrolment", () => {
  test("enrols while seats remain, then waitlists in first-come order", async () => {
    const s = await createTrainingSession({ capacity: 1 });
    const [a, b, c] = [await officer(), await officer(), await officer()];
    expect(await enrolSelf(a, s.id)).toMatchObject({ status: "ENROLLED", waitlistPosition: null });
    expect(await enrolSelf(b, s.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(await enrolSelf(c, s.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2 });
  });

  test("refuses a second enrolment of the same officer", async () => {
    const s = await createTrainingSession();
    const a = await officer();
    await enrolSelf(a, s.id);
    await expect(enrolSelf(a, s.id)).rejects.toMatchObject({ code: "ALREADY_ENROLLED" });
    expect(await db.trainingEnrollment.count({ where: { sessionId: s.id } })).toBe(1);
  });

  test("refuses enrolment in draft, cancelled, started, completed and closed-window sessions", async () => {
    const a = await officer();
    const draft = await createTrainingSession({ status: "DRAFT" });
    const cancelled = await createTrainingSession({ status: "CANCELLED" });
    const started = await createTrainingSession({ startsAt: new Date(Date.now() - 600_000) });
    const completed = await createTrainingSession({ status: "COMPLETED", startsAt: new Date(Date.now() - 86400_000) });
    const closed = await createTrainingSession({ enrollClosesAt: new Date(Date.now() - 1000) });
    const notYet = await createTrainingSession({ enrollOpensAt: new Date(Date.now() + 86400_000) });
    await expect(enrolSelf(a, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const adm = await admin();
    await expect(enrolSelf(adm, draft.id)).rejects.toMatchObject({ code: "SESSION_NOT_OPEN" });
    for (const s of [cancelled, started, completed, closed, notYet])
      await expect(enrolSelf(a, s.id)).rejects.toMatchObject({ code: "SESSION_NOT_OPEN" });
    expect(await db.trainingEnrollment.count({ where: { userId: { in: [a.id, adm.id] } } })).toBe(0);
  });

  test("enforces audience limits by unit subtree and by role on the server", async () => {
    const station = await createUnit();
    const team = await createUnit({ parentId: station.id });
    const other = await createUnit();
    const s = await createTrainingSession({ audienceUnitIds: [station.id] });
    expect((await enrolSelf(await officer(team.id), s.id)).status).toBe("ENROLLED");
    await expect(enrolSelf(await officer(other.id), s.id)).rejects.toMatchObject({ code: "NOT_IN_AUDIENCE" });
    const auxOnly = await createTrainingSession({ audienceRoles: ["AUXILIARY"] });
    await expect(enrolSelf(await officer(), auxOnly.id)).rejects.toMatchObject({ code: "NOT_IN_AUDIENCE" });
    expect((await enrolSelf(await officer(undefined, ["AUXILIARY"]), auxOnly.id)).status).toBe("ENROLLED");
  });

  test("writes an audit entry for every enrolment", async () => {
    const s = await createTrainingSession();
    const a = await officer();
    const r = await enrolSelf(a, s.id);
    expect(await db.auditLog.count({ where: { action: "training.enrollment.create", targetId: r.id, actorId: a.id } })).toBe(1);
  });

  test("the no-show policy (when switched on) suspends booking after N misses", async () => {
    const adm = await admin();
    const a = await officer();
    for (let i = 0; i < 2; i++) {
      const past = await createTrainingSession({ status: "COMPLETED", startsAt: new Date(Date.now() - (i + 2) * 86400_000) });
      await db.trainingEnrollment.create({ data: { sessionId: past.id, userId: a.id, status: "ENROLLED", attendance: "ABSENT" } });
    }
    const s = await createTrainingSession();
    await setPolicy(adm, { noShowEnabled: true, noShowLimit: 2, noShowWindowDays: 90, suspendDays: 30 });
    try {
      await expect(enrolSelf(a, s.id)).rejects.toMatchObject({ code: "BOOKING_SUSPENDED" });
    } finally {
      await setPolicy(adm, { noShowEnabled: false, noShowLimit: 3, noShowWindowDays: 90, suspendDays: 30 });
    }
    expect((await enrolSelf(a, s.id)).status).toBe("ENROLLED");
  });
});

describe("cancellation and the waitlist", () => {
  test("cancelling an enrolled seat promotes the head of the waitlist in the same transaction and notifies them", async () => {
    const s = await createTrainingSession({ capacity: 1 });
    const [a, b, c] = [await officer(), await officer(), await officer()];
    await enrolSelf(a, s.id);
    await enrolSelf(b, s.id);
    await enrolSelf(c, s.id);
    await cancelMyEnrollment(a, s.id);
    const rows = await positions(s.id);
    expect(rows.find((r) => r.userId === b.id)).toMatchObject({ status: "ENROLLED", waitlistPosition: null });
    expect(rows.find((r) => r.userId === c.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(await db.notification.count({ where: { userId: b.id, kind: "training.promoted" } })).toBe(1);
    const session = await db.trainingSession.findUniqueOrThrow({ where: { id: s.id } });
    expect([session.enrolledCount, session.waitlistCount]).toEqual([1, 1]);
    expect(await db.auditLog.count({ where: { action: "training.enrollment.promote", details: { path: ["userId"], equals: b.id } } })).toBe(
      1,
    );
  });

  test("a waitlisted cancellation closes the gap", async () => {
    const s = await createTrainingSession({ capacity: 1 });
    const people = [await officer(), await officer(), await officer(), await officer()];
    for (const p of people) await enrolSelf(p, s.id);
    await cancelMyEnrollment(people[2]!, s.id); // position 2 of 3
    const w = (await positions(s.id)).filter((r) => r.status === "WAITLISTED").sort((x, y) => x.waitlistPosition! - y.waitlistPosition!);
    expect(w.map((r) => [r.userId, r.waitlistPosition])).toEqual([
      [people[1]!.id, 1],
      [people[3]!.id, 2],
    ]);
  });

  test("no change after the cut-off except by the office", async () => {
    const s = await createTrainingSession({ startsAt: new Date(Date.now() + 3 * 3600_000), cancelCutoffHours: 24 });
    const a = await officer();
    await enrolSelf(a, s.id);
    await expect(cancelMyEnrollment(a, s.id)).rejects.toMatchObject({ code: "CANCELLATION_CLOSED" });
    expect((await positions(s.id))[0]!.status).toBe("ENROLLED");
    await cancelEnrollmentAsOffice(await admin(), s.id, a.id, "调岗");
    expect((await positions(s.id))[0]!.status).toBe("CANCELLED");
  });

  test("an officer may enrol again after cancelling, at the end of the queue", async () => {
    const s = await createTrainingSession({ capacity: 1 });
    const [a, b] = [await officer(), await officer()];
    await enrolSelf(a, s.id);
    await cancelMyEnrollment(a, s.id);
    await enrolSelf(b, s.id);
    expect(await enrolSelf(a, s.id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
  });

  test("concurrent cancellations and enrolments keep positions gap-free", async () => {
    const s = await createTrainingSession({ capacity: 5 });
    const first = await Promise.all(Array.from({ length: 20 }, () => officer()));
    for (const p of first) await enrolSelf(p, s.id);
    const late = await Promise.all(Array.from({ length: 10 }, () => officer()));
    await Promise.all([...first.slice(0, 12).map((p) => cancelMyEnrollment(p, s.id)), ...late.map((p) => enrolSelf(p, s.id))]);
    const rows = await positions(s.id);
    expect(rows.filter((r) => r.status === "ENROLLED")).toHaveLength(5);
    const w = rows
      .filter((r) => r.status === "WAITLISTED")
      .map((r) => r.waitlistPosition!)
      .sort((x, y) => x - y);
    expect(w).toEqual(Array.from({ length: 30 - 12 - 5 }, (_, i) => i + 1));
  }, 60_000);
});

describe("the training office", () => {
  test("creates a draft with defaults, publishes it, rejects invalid input with fields", async () => {
    const adm = await admin();
    const start = new Date(Date.now() + 10 * 86400_000);
    const s = await createSession(adm, {
      title: "执法规范化专题",
      category: "LAW_ENFORCEMENT",
      venue: "分局会议室",
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7200_000).toISOString(),
      capacity: 30,
      creditHours: 2,
      lecturers: [{ name: "张教授", affiliation: "辽宁警察学院" }],
    });
    expect(s).toMatchObject({ status: "DRAFT", cancelCutoffHours: 24, enrollOpensAt: null });
    expect((await publishSession(adm, s.id)).status).toBe("PUBLISHED");
    await expect(publishSession(adm, s.id)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    const err = await createSession(adm, { title: "" }).catch((e) => e);
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.fields.title).toBeTruthy();
    await expect(createSession(await officer(), { title: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await db.auditLog.count({ where: { targetId: s.id, action: { in: ["training.session.create", "training.session.publish"] } } }),
    ).toBe(2);
  });

  test("raising capacity promotes the waitlist at once; lowering below enrolled is refused", async () => {
    const adm = await admin();
    const s = await createTrainingSession({ capacity: 2 });
    const people = await Promise.all(Array.from({ length: 5 }, () => officer()));
    for (const p of people) await enrolSelf(p, s.id);
    await expect(updateSession(adm, s.id, { capacity: 1 })).rejects.toMatchObject({ code: "CAPACITY_BELOW_ENROLLED" });
    const after = await updateSession(adm, s.id, { capacity: 4 });
    expect([after.enrolledCount, after.waitlistCount]).toEqual([4, 1]);
    const w = (await positions(s.id)).filter((r) => r.status === "WAITLISTED");
    expect(w).toEqual([{ userId: people[4]!.id, status: "WAITLISTED", waitlistPosition: 1 }]);
  });

  test("cancelling a session needs a reason, notifies everyone booked with it and writes an audit entry", async () => {
    const adm = await admin();
    const s = await createTrainingSession({ capacity: 1 });
    const [a, b] = [await officer(), await officer()];
    await enrolSelf(a, s.id);
    await enrolSelf(b, s.id);
    for (const raw of [{}, { reason: "" }, { reason: "   " }, undefined]) {
      await expect(cancelSession(adm, s.id, raw)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    }
    expect((await db.trainingSession.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("PUBLISHED");
    await cancelSession(adm, s.id, { reason: "讲师临时公差" });
    expect((await db.notification.findFirstOrThrow({ where: { userId: a.id, kind: "training.cancelled" } })).body).toContain(
      "讲师临时公差",
    );
    expect(await db.notification.count({ where: { userId: { in: [a.id, b.id] }, kind: "training.cancelled" } })).toBe(2);
    await expect(enrolSelf(await officer(), s.id)).rejects.toMatchObject({ code: "SESSION_NOT_OPEN" });
    expect(await db.auditLog.count({ where: { targetId: s.id, action: "training.session.cancel" } })).toBe(1);
  });

  test("moving a session notifies everyone booked; a title edit does not", async () => {
    const adm = await admin();
    const s = await createTrainingSession({ capacity: 1 });
    const [a, b] = [await officer(), await officer()];
    await enrolSelf(a, s.id);
    await enrolSelf(b, s.id);
    await updateSession(adm, s.id, { title: "新标题", venue: s.venue, startsAt: s.startsAt.toISOString() });
    expect(await db.notification.count({ where: { userId: { in: [a.id, b.id] }, kind: "training.changed" } })).toBe(0);
    await updateSession(adm, s.id, {
      venue: "汤岗子派出所会议室",
      startsAt: new Date(s.startsAt.getTime() + 3600_000).toISOString(),
      endsAt: new Date(s.endsAt.getTime() + 3600_000).toISOString(),
    });
    expect(await db.notification.count({ where: { userId: { in: [a.id, b.id] }, kind: "training.changed" } })).toBe(2);
    expect(await db.auditLog.count({ where: { targetId: s.id, action: "training.session.update" } })).toBe(2);
    await expect(updateSession(await officer(), s.id, { title: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("officers see only published sessions; drafts answer NOT_FOUND", async () => {
    const draft = await createTrainingSession({ status: "DRAFT" });
    const a = await officer();
    await expect(getSession(a, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await listSessions(a, { page: 1, pageSize: 100, status: "DRAFT" });
    expect(list.items.find((s) => s.id === draft.id)).toBeUndefined();
  });
});

describe("attendance", () => {
  test("only enrolled officers can be marked, by the session's lecturer or the office", async () => {
    const lecturer = await officer(undefined, ["OFFICER", "LECTURER"]);
    const otherLecturer = await officer(undefined, ["LECTURER"]);
    const s = await createTrainingSession({
      capacity: 1,
      startsAt: new Date(Date.now() + 3600_000),
      cancelCutoffHours: 0,
      lecturerUserId: lecturer.id,
    });
    const [a, b] = [await officer(), await officer()];
    await enrolSelf(a, s.id);
    await enrolSelf(b, s.id); // waitlisted
    await markAttendance(lecturer, s.id, { userId: a.id, present: true });
    await expect(markAttendance(lecturer, s.id, { userId: b.id, present: true })).rejects.toMatchObject({ code: "NOT_ENROLLED" });
    await expect(markAttendance(otherLecturer, s.id, { userId: a.id, present: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listRoster(otherLecturer, s.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listRoster(lecturer, s.id)).map((r) => r.status)).toEqual(["ENROLLED", "WAITLISTED"]);
    expect(await db.auditLog.count({ where: { action: "training.attendance.mark", details: { path: ["userId"], equals: a.id } } })).toBe(1);
  });

  test("QR check-in marks ATTENDED once; expired, forged and other-session tokens are refused", async () => {
    const lecturer = await officer(undefined, ["LECTURER"]);
    const s = await createTrainingSession({ startsAt: new Date(Date.now() + 1800_000), cancelCutoffHours: 0, lecturerUserId: lecturer.id });
    const other = await createTrainingSession({ lecturerUserId: lecturer.id });
    const a = await officer();
    const outsider = await officer();
    await enrolSelf(a, s.id);
    const now = new Date();
    const { token } = await issueCheckInToken(lecturer, s.id, now);
    await expect(checkInWithToken(a, other.id, token, now)).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    await expect(checkInWithToken(a, s.id, token + "x", now)).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    await expect(checkInWithToken(a, "x\u0000y", token, now)).rejects.toMatchObject({ code: "INVALID_TOKEN" }); // refused, not a database error
    await expect(
      checkInWithToken(a, s.id, signToken("training-checkin-forged", { s: s.id, exp: now.getTime() + 60_000 }), now),
    ).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    await expect(checkInWithToken(a, s.id, token, new Date(now.getTime() + 121_000))).rejects.toMatchObject({ code: "TOKEN_EXPIRED" });
    await expect(checkInWithToken(outsider, s.id, token, now)).rejects.toMatchObject({ code: "NOT_ENROLLED" });
    expect(await checkInWithToken(a, s.id, token, now)).toMatchObject({ alreadyAttended: false });
    expect(await checkInWithToken(a, s.id, token, now)).toMatchObject({ alreadyAttended: true });
    expect(await db.auditLog.count({ where: { action: "training.attendance.qr", actorId: a.id, outcome: "SUCCESS" } })).toBe(1);
    await expect(issueCheckInToken(a, s.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const later = await createTrainingSession({ lecturerUserId: lecturer.id }); // a week away
    await expect(issueCheckInToken(lecturer, later.id)).rejects.toMatchObject({ code: "ATTENDANCE_NOT_OPEN" });
  });

  test("credit after class: attendance may be taken early, hours and the certificate come once the session has ended", async () => {
    const adm = await admin();
    const s = await createTrainingSession({ startsAt: new Date(Date.now() + 3600_000), cancelCutoffHours: 0, creditHours: 3 });
    const a = await officer();
    const { id } = await enrolSelf(a, s.id);
    await expect(submitFeedback(a, s.id, { rating: 5 })).rejects.toMatchObject({ code: "NOT_ATTENDED" });
    await markAttendance(adm, s.id, { userId: a.id, present: true }); // an hour before the start: allowed
    // not yet: no certificate, no hours, no education record
    await expect(getMyCertificate(a, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await unsafeListAttendanceForUsers([a.id])).toEqual([]);
    const before = await getMyTraining(a);
    expect(before.creditHours.total).toBe(0);
    expect(before.pendingCredit.map((e) => e.id)).toEqual([id]);
    await submitFeedback(a, s.id, { rating: 4, comment: "很实用" });
    await expect(submitFeedback(a, s.id, { rating: 5 })).rejects.toMatchObject({ code: "FEEDBACK_EXISTS" });
    // once the session has ended
    const after = new Date(s.endsAt.getTime() + 60_000);
    const cert = await getMyCertificate(a, id, after);
    expect(await verifyCertificate(cert.token, after)).toMatchObject({ name: a.name, creditHours: 3 });
    expect(await verifyCertificate(cert.token)).toBeNull(); // the same token before the end proves nothing
    expect(await verifyCertificate(cert.token.slice(0, -2) + "xx", after)).toBeNull();
    await expect(getMyCertificate(await officer(), id, after)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getMyTraining(a, after)).creditHours.total).toBe(3);
    const rows = await unsafeListAttendanceForUsers([a.id], after);
    expect(rows).toEqual([
      expect.objectContaining({ userId: a.id, sessionId: s.id, category: "LAW_ENFORCEMENT", categoryName: "执法规范化", creditHours: 3 }),
    ]);
  });

  test("the lecturer closes a session that has started: credit at once, the unmarked absent; others may not close it", async () => {
    const lecturer = await officer(undefined, ["OFFICER", "LECTURER"]);
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const s = await createTrainingSession({ startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600_000), lecturerUserId: lecturer.id });
    const [a, b] = [await officer(), await officer()];
    const { id } = await enrolSelf(a, s.id, new Date(startsAt.getTime() - 3600_000));
    await enrolSelf(b, s.id, new Date(startsAt.getTime() - 3600_000));
    await markAttendance(lecturer, s.id, { userId: a.id, present: true });
    await expect(getMyCertificate(a, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completeSession(await officer(undefined, ["OFFICER", "LECTURER"]), s.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeSession(a, s.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await completeSession(lecturer, s.id);
    expect((await getMyCertificate(a, id)).creditHours).toBe(2);
    expect((await db.trainingEnrollment.findFirstOrThrow({ where: { sessionId: s.id, userId: b.id } })).attendance).toBe("ABSENT");
  });
});

describe("unit lead and reminders", () => {
  test("a unit lead enrols members of their unit in one step (same rules) and cannot reach other units", async () => {
    const station = await createUnit();
    const lead = await officer(station.id, ["OFFICER", "UNIT_LEAD"]);
    const [m1, m2] = [await officer(station.id), await officer(station.id)];
    const stranger = await officer();
    const s = await createTrainingSession({ capacity: 1 });
    const out = await enrolUnitMembers(lead, s.id, [m1.id, m2.id]);
    expect(out.map((o) => o.result?.status).sort()).toEqual(["ENROLLED", "WAITLISTED"]);
    expect(await db.notification.count({ where: { userId: { in: [m1.id, m2.id] }, kind: "training.enrolled_by_lead" } })).toBe(2);
    await expect(enrolUnitMembers(lead, s.id, [stranger.id])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(enrolUnitMembers(m1, s.id, [m2.id])).rejects.toMatchObject({ code: "FORBIDDEN" });
    const again = await enrolUnitMembers(lead, s.id, [m1.id]);
    expect(again[0]!.error?.code).toBe("ALREADY_ENROLLED");
    const compliance = await listUnitCompliance(lead);
    expect(compliance.map((c) => c.id).sort()).toEqual([lead.id, m1.id, m2.id].sort());
  });

  test("the unit lead sees who is behind on this year's required hours", async () => {
    const adm = await admin();
    await setRequirement(adm, { role: "OFFICER", hours: 4 });
    const station = await createUnit();
    const lead = await officer(station.id, ["OFFICER", "UNIT_LEAD"]);
    const [done, behind] = [await officer(station.id), await officer(station.id)];
    const s = await createTrainingSession({ startsAt: new Date(Date.now() + 3600_000), cancelCutoffHours: 0, creditHours: 4 });
    await enrolSelf(done, s.id);
    await markAttendance(adm, s.id, { userId: done.id, present: true });
    // checked in an hour early: the hours count once the session has ended
    expect((await listUnitCompliance(lead)).find((r) => r.id === done.id)).toMatchObject({ done: 0, behind: true });
    const rows = await listUnitCompliance(lead, new Date(s.endsAt.getTime() + 60_000));
    expect(rows.find((r) => r.id === done.id)).toMatchObject({ done: 4, required: 4, behind: false });
    expect(rows.find((r) => r.id === behind.id)).toMatchObject({ done: 0, required: 4, behind: true });
    expect(rows[0]!.behind).toBe(true); // the behind come first
    await expect(listUnitCompliance(done)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the day-before reminder is sent once per enrolled officer however often it runs", async () => {
    const now = new Date();
    const s = await createTrainingSession({ startsAt: new Date(now.getTime() + 20 * 3600_000) });
    const far = await createTrainingSession({ startsAt: new Date(now.getTime() + 72 * 3600_000) });
    const [a, b] = [await officer(), await officer()];
    await enrolSelf(a, s.id);
    await enrolSelf(b, far.id);
    await Promise.all([sendTrainingReminders(now), sendTrainingReminders(now)]);
    await sendTrainingReminders(new Date(now.getTime() + 3600_000));
    expect(await db.notification.count({ where: { userId: a.id, kind: "training.reminder" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: b.id, kind: "training.reminder" } })).toBe(0);
  });
});
