import { db } from "@/lib/db";
import { markAllPresent } from "@/lib/training/attendance-bulk";
import { addShanghaiMonths, copySession } from "@/lib/training/copy";
import { formatShanghai } from "@/lib/time";
import { actorOf, createUser } from "@/tests/factories";
import { createTrainingSession } from "@/tests/factories/training";

const office = async () => actorOf(await createUser({ roles: ["TRAINING_ADMIN", "OFFICER"] }));

describe("copy and repeat a session", () => {
  test("a plain copy is one draft with the same content, lecturers and times", async () => {
    const admin = await office();
    const lecturer = await createUser({ roles: ["OFFICER", "LECTURER"] });
    const s = await createTrainingSession({
      title: "无人机操作",
      lecturerUserId: lecturer.id,
      enrollClosesAt: new Date("2027-03-01T00:00:00Z"),
    });
    const [copy, ...rest] = await copySession(admin, s.id, {});
    expect(rest).toEqual([]);
    expect(copy).toMatchObject({ title: "无人机操作（副本）", status: "DRAFT", startsAt: s.startsAt, endsAt: s.endsAt, enrolledCount: 0 });
    expect(copy!.lecturers).toEqual([expect.objectContaining({ name: "内部授课人", userId: lecturer.id })]);
    expect(copy!.publishedAt).toBeNull();
  });

  test("weekly: N drafts a week apart, each with its enrolment window shifted", async () => {
    const admin = await office();
    const startsAt = new Date("2027-01-05T06:00:00Z"); // Tuesday 14:00 Shanghai
    const s = await createTrainingSession({ startsAt, enrollClosesAt: new Date("2027-01-04T06:00:00Z") });
    const copies = await copySession(admin, s.id, { every: "WEEK", count: "4" });
    expect(copies.map((c) => formatShanghai(c.startsAt))).toEqual([
      "2027-01-12 14:00",
      "2027-01-19 14:00",
      "2027-01-26 14:00",
      "2027-02-02 14:00",
    ]);
    expect(copies.every((c) => c.status === "DRAFT" && c.title === s.title)).toBe(true);
    expect(copies.map((c) => c.enrollClosesAt!.getTime() - c.startsAt.getTime())).toEqual(Array(4).fill(-86400_000));
    expect(copies.map((c) => c.endsAt.getTime() - c.startsAt.getTime())).toEqual(Array(4).fill(2 * 3600_000));
    expect(await db.auditLog.count({ where: { action: "training.session.copy", details: { path: ["from"], equals: s.id } } })).toBe(4);
  });

  test("monthly keeps the Shanghai day and time, clamping to the month's last day", async () => {
    const admin = await office();
    const s = await createTrainingSession({ startsAt: new Date("2027-01-31T01:30:00Z") }); // 31 January 09:30 Shanghai
    const copies = await copySession(admin, s.id, { every: "MONTH", count: 3 });
    expect(copies.map((c) => formatShanghai(c.startsAt))).toEqual(["2027-02-28 09:30", "2027-03-31 09:30", "2027-04-30 09:30"]);
    // late evening in Shanghai is the previous UTC day: the Shanghai date still rules
    expect(formatShanghai(addShanghaiMonths(new Date("2027-05-31T16:30:00Z"), 1))).toBe("2027-07-01 00:30");
  });

  test("only the training office copies; bad counts are refused and nothing is written", async () => {
    const s = await createTrainingSession();
    const officer = actorOf(await createUser());
    await expect(copySession(officer, s.id, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await office();
    const before = await db.trainingSession.count();
    await expect(copySession(admin, s.id, { every: "WEEK", count: 53 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(copySession(admin, s.id, { every: "MONTH", count: 25 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(copySession(admin, s.id, { every: "NONE", count: 2 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(copySession(admin, "nope", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.trainingSession.count()).toBe(before);
  });
});

describe("mark all present", () => {
  async function withRoster() {
    const lecturer = actorOf(await createUser({ roles: ["OFFICER", "LECTURER"] }));
    const s = await createTrainingSession({ startsAt: new Date(Date.now() - 3600_000), lecturerUserId: lecturer.id });
    const [a, b, c, w] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
    await db.trainingEnrollment.createMany({
      data: [
        { sessionId: s.id, userId: a.id, status: "ENROLLED" },
        { sessionId: s.id, userId: b.id, status: "ENROLLED", attendance: "ABSENT", attendanceMethod: "ROSTER" },
        {
          sessionId: s.id,
          userId: c.id,
          status: "ENROLLED",
          attendance: "ATTENDED",
          attendanceMethod: "QR",
          attendedAt: new Date(Date.now() - 1800_000),
        },
        { sessionId: s.id, userId: w.id, status: "WAITLISTED", waitlistPosition: 1 },
      ],
    });
    return { lecturer, s, a, b, c, w };
  }
  const att = async (sessionId: string, userId: string) =>
    db.trainingEnrollment.findUniqueOrThrow({
      where: { sessionId_userId: { sessionId, userId } },
      select: { attendance: true, attendanceMethod: true },
    });

  test("marks every unmarked enrolled person present, keeps explicit marks, skips the waitlist", async () => {
    const { lecturer, s, a, b, c, w } = await withRoster();
    expect(await markAllPresent(lecturer, s.id)).toEqual({ marked: 1 });
    expect(await att(s.id, a.id)).toEqual({ attendance: "ATTENDED", attendanceMethod: "ROSTER_ALL" });
    expect(await att(s.id, b.id)).toMatchObject({ attendance: "ABSENT" });
    expect(await att(s.id, c.id)).toEqual({ attendance: "ATTENDED", attendanceMethod: "QR" });
    expect((await att(s.id, w.id)).attendance).toBeNull();
    expect(await markAllPresent(lecturer, s.id)).toEqual({ marked: 0 });
  });

  test("another lecturer may not; not before two hours ahead of the start", async () => {
    const { s } = await withRoster();
    const other = actorOf(await createUser({ roles: ["OFFICER", "LECTURER"] }));
    await expect(markAllPresent(other, s.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await office();
    const later = await createTrainingSession({ startsAt: new Date(Date.now() + 5 * 3600_000) });
    await expect(markAllPresent(admin, later.id)).rejects.toMatchObject({ code: "ATTENDANCE_NOT_OPEN" });
  });
});
