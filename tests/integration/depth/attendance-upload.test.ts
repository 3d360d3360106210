import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { importAttendance } from "@/lib/training/attendance-upload";
import { actorOf, createUser } from "@/tests/factories";
import { createTrainingSession } from "@/tests/factories/training";

async function roster() {
  const lecturer = actorOf(await createUser({ roles: ["OFFICER", "LECTURER"] }));
  const s = await createTrainingSession({ startsAt: new Date(Date.now() - 3600_000), lecturerUserId: lecturer.id });
  const [a, b, c, w] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  await db.trainingEnrollment.createMany({
    data: [
      { sessionId: s.id, userId: a.id, status: "ENROLLED" },
      { sessionId: s.id, userId: b.id, status: "ENROLLED" },
      { sessionId: s.id, userId: c.id, status: "ENROLLED" },
      { sessionId: s.id, userId: w.id, status: "WAITLISTED", waitlistPosition: 1 },
    ],
  });
  return { lecturer, s, a, b, c, w };
}
const csv = (text: string) => ({ data: Buffer.from(`\uFEFF${text}`), fileName: "签到表.csv" });
const att = async (sessionId: string, userId: string) =>
  (await db.trainingEnrollment.findUniqueOrThrow({ where: { sessionId_userId: { sessionId, userId } } })).attendance;

test("a signed sheet as CSV marks present and absent; people not on it keep their state", async () => {
  const { lecturer, s, a, b, c } = await roster();
  const r = await importAttendance(lecturer, s.id, csv(`警号,姓名,考勤\n${a.badgeNo.toLowerCase()},甲,\n${b.badgeNo},乙,缺勤\n`));
  expect(r).toEqual({ marked: 2, present: 1, absent: 1 });
  expect([await att(s.id, a.id), await att(s.id, b.id), await att(s.id, c.id)]).toEqual(["ATTENDED", "ABSENT", null]);
  expect(await db.auditLog.count({ where: { action: "training.attendance.upload", targetId: s.id } })).toBe(1);
});

test("an .xlsx sheet works too", async () => {
  const { lecturer, s, a, c } = await roster();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("签到");
  ws.addRow(["序号", "警号"]);
  ws.addRow([1, a.badgeNo]);
  ws.addRow([2, c.badgeNo]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  expect(await importAttendance(lecturer, s.id, { data, fileName: "sheet.xlsx" })).toEqual({ marked: 2, present: 2, absent: 0 });
  expect(await att(s.id, c.id)).toBe("ATTENDED");
});

test("every bad row is reported and nothing is marked", async () => {
  const { lecturer, s, a, w } = await roster();
  const stranger = await createUser();
  const p = importAttendance(
    lecturer,
    s.id,
    csv(`警号,考勤\n${a.badgeNo},出勤\n${a.badgeNo},出勤\n${w.badgeNo},\n${stranger.badgeNo},\nNOPE1,\n${a.badgeNo},迟到\n`),
  );
  await expect(p).rejects.toMatchObject({ code: "IMPORT_REJECTED", status: 400 });
  const rows = ((await p.catch((e) => e)) as { extra: { rows: { row: number; message: string }[] } }).extra.rows;
  expect(rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
  expect(rows[0]!.message).toContain("重复");
  expect(rows[1]!.message).toContain("不是正式报名");
  expect(rows[2]!.message).toContain("未报名");
  expect(rows[4]!.message).toContain("迟到");
  expect(await att(s.id, a.id)).toBeNull();
});

test("no 警号 column, a wrong file type, another lecturer: refused", async () => {
  const { lecturer, s } = await roster();
  await expect(importAttendance(lecturer, s.id, csv("姓名\n张三\n"))).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: { file: expect.any(String) },
  });
  await expect(importAttendance(lecturer, s.id, { data: Buffer.from("x"), fileName: "a.pdf" })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
  });
  const other = actorOf(await createUser({ roles: ["OFFICER", "LECTURER"] }));
  await expect(importAttendance(other, s.id, csv("警号\nX\n"))).rejects.toMatchObject({ code: "FORBIDDEN" });
});
