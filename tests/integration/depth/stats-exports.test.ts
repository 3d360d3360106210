import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { exportMedicalStats } from "@/lib/medical/stats-export";
import { exportTrainingStats, exportUnitCompliance } from "@/lib/training/stats-export";
import { shanghaiYear } from "@/lib/time";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { createMedicalService, createMedicalSlot } from "@/tests/factories/medical";
import { createTrainingSession } from "@/tests/factories/training";

const csv = async (r: Response) =>
  (await r.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
const year = shanghaiYear(new Date());

test("the training statistics export the page's unit table as CSV and .xlsx, audited; officers are refused", async () => {
  const unit = await createUnit({ name: `导出测试所${Date.now()}` });
  const s = await createTrainingSession({ startsAt: new Date(Date.now() - 3 * 86400_000), status: "COMPLETED" });
  const people = await Promise.all([createUser({ unitId: unit.id }), createUser({ unitId: unit.id })]);
  await db.trainingEnrollment.createMany({
    data: people.map((p, i) => ({
      sessionId: s.id,
      userId: p.id,
      status: "ENROLLED" as const,
      attendance: i === 0 ? ("ATTENDED" as const) : ("ABSENT" as const),
    })),
  });
  const admin = actorOf(await createUser({ roles: ["TRAINING_ADMIN"] }));
  const lines = await csv(await exportTrainingStats(admin, { year: String(year), table: "unit", format: "csv" }));
  expect(lines[0]).toBe("单位,报名人次,出勤人次,出勤率(%)");
  expect(lines).toContain(`${unit.name},2,1,50`);
  const x = await exportTrainingStats(admin, { year: String(year), table: "lecturer" });
  expect(x.headers.get("content-type")).toContain("spreadsheetml");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ArrayBuffer);
  expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, "授课人", "单位", "场次", "评价数", "平均评分"]);
  expect(await db.auditLog.count({ where: { action: "training.stats.export", actorId: admin.id } })).toBe(2);
  await expect(exportTrainingStats(actorOf(await createUser()), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(exportTrainingStats(admin, { table: "people" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
});

test("the unit lead's compliance export lists their subtree only", async () => {
  const unit = await createUnit();
  const other = await createUnit();
  const lead = actorOf(await createUser({ unitId: unit.id, roles: ["OFFICER", "UNIT_LEAD"] }));
  const mine = await createUser({ unitId: unit.id, name: "本所民警" });
  await createUser({ unitId: other.id, name: "外所民警" });
  const lines = await csv(await exportUnitCompliance(lead, { format: "csv" }));
  expect(lines[0]).toBe("警号,姓名,单位,已获学时,要求学时,是否达标");
  expect(lines.some((l) => l.includes(mine.badgeNo) && l.includes("本所民警"))).toBe(true);
  expect(lines.some((l) => l.includes("外所民警"))).toBe(false);
});

test("the hospital statistics export keeps the page's small-group suppression for a unit lead", async () => {
  const unit = await createUnit();
  const lead = actorOf(await createUser({ unitId: unit.id, roles: ["OFFICER", "UNIT_LEAD"] }));
  const liaison = actorOf(await createUser({ roles: ["MEDICAL_LIAISON"] }));
  const svc = await createMedicalService({ name: `导出服务${Date.now()}` });
  const slot = await createMedicalSlot({ serviceId: svc.id, startsAt: new Date(Date.now() - 86400_000), capacity: 10 });
  const people = await Promise.all([1, 2].map(() => createUser({ unitId: unit.id })));
  for (const p of people) {
    await db.medicalBooking.create({
      data: {
        userId: p.id,
        serviceId: svc.id,
        slotId: slot.id,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: "COMPLETED",
        createdById: p.id,
      },
    });
  }
  const leadLines = await csv(await exportMedicalStats(lead, { table: "service", format: "csv" }));
  expect(leadLines[0]).toBe("服务,预约人次,人数,爽约率(%)");
  // two people: under the group minimum of 5, so the unit lead's cells are empty
  expect(leadLines).toContain(`${svc.name},,,`);
  const liaisonLines = await csv(await exportMedicalStats(liaison, { table: "service", format: "csv" }));
  expect(liaisonLines).toContain(`${svc.name},2,2,0`);
  await expect(exportMedicalStats(actorOf(await createUser()), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
});
