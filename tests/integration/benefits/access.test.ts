import { rejection } from "@/tests/helpers/errors";
import { db } from "@/lib/db";
import { getAuxiliary, listAuxiliaries, listRecords } from "@/lib/benefits/queries";
import { createRecord, updateAuxiliary, revealIdNumber } from "@/lib/benefits/mutations";
import { world } from "./helpers";

const page = { page: 1, pageSize: 100, sort: "auxNo" as const, dir: "asc" as const };

describe("who sees which auxiliary officers", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  test("HR lists only profiles in their unit subtree (sub-units included)", async () => {
    const ids = (await listAuxiliaries(w.hrA, page)).items.map((i) => i.id);
    expect(ids).toContain(w.profA.id);
    expect(ids).not.toContain(w.profB.id);
    const rootIds = (await listAuxiliaries(w.hrRoot, page)).items.map((i) => i.id);
    expect(rootIds).toEqual(expect.arrayContaining([w.profA.id, w.profB.id]));
  });

  test("HR gets NOT_FOUND for a profile outside their subtree, and cannot change it", async () => {
    await expect(getAuxiliary(w.hrA, w.profB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before = await db.auxiliaryProfile.findUniqueOrThrow({ where: { id: w.profB.id } });
    const err = await rejection(
      updateAuxiliary(w.hrA, w.profB.id, {
        auxNo: before.auxNo,
        name: "改名",
        unitId: w.stationA.id,
        post: "DUTY",
        hireDate: "2020-01-01",
        level: 2,
        status: "ACTIVE",
      }),
    );
    expect(err.code).toBe("NOT_FOUND");
    expect((await db.auxiliaryProfile.findUniqueOrThrow({ where: { id: w.profB.id } })).name).toBe(before.name);
    await expect(revealIdNumber(w.hrA, w.profB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await rejection(createRecord(w.hrA, { auxiliaryId: w.profB.id, category: "AWARD", occurredOn: "2026-01-01", title: "嘉奖" }))).code,
    ).toBe("NOT_FOUND");
  });

  test("HR cannot move a profile to a unit outside their subtree", async () => {
    const p = await db.auxiliaryProfile.findUniqueOrThrow({ where: { id: w.profA.id } });
    const err = await rejection(
      updateAuxiliary(w.hrA, p.id, {
        auxNo: p.auxNo,
        name: p.name,
        unitId: w.stationB.id,
        post: "DUTY",
        hireDate: "2020-01-01",
        level: 1,
        status: "ACTIVE",
      }),
    );
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.fields?.unitId).toBeDefined();
  });

  test("an auxiliary officer sees only themself; another id is NOT_FOUND", async () => {
    expect((await getAuxiliary(w.auxA, w.profA.id)).id).toBe(w.profA.id);
    await expect(getAuxiliary(w.auxA, w.profB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listAuxiliaries(w.auxA, page)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("an auxiliary officer's records are their own whatever auxiliaryId says", async () => {
    await createRecord(w.hrRoot, { auxiliaryId: w.profB.id, category: "AWARD", occurredOn: "2026-02-01", title: "乙的嘉奖" });
    await createRecord(w.hrRoot, { auxiliaryId: w.profA.id, category: "AWARD", occurredOn: "2026-02-02", title: "甲的嘉奖" });
    const mine = await listRecords(w.auxA, { auxiliaryId: w.profB.id });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.auxiliaryId === w.profA.id)).toBe(true);
    expect(mine.map((r) => r.title)).not.toContain("乙的嘉奖");
  });

  test("officers and non-HR administrators are FORBIDDEN", async () => {
    for (const actor of [w.officer, w.sysAdmin]) {
      await expect(listAuxiliaries(actor, page)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getAuxiliary(actor, w.profA.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listRecords(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(
        (await rejection(createRecord(actor, { auxiliaryId: w.profA.id, category: "AWARD", occurredOn: "2026-01-01", title: "x" }))).code,
      ).toBe("FORBIDDEN");
    }
  });

  test("roster filters by unit subtree, level, status and hire year and sorts", async () => {
    const res = await listAuxiliaries(w.hrRoot, { ...page, unitId: w.stationA.id });
    expect(res.items.map((i) => i.id)).toEqual([w.profA.id]);
    expect((await listAuxiliaries(w.hrRoot, { ...page, hireYear: 2020, unitId: w.stationB.id })).items.map((i) => i.id)).toEqual([
      w.profB.id,
    ]);
    expect((await listAuxiliaries(w.hrRoot, { ...page, hireYear: 2019, unitId: w.stationB.id })).total).toBe(0);
    expect((await listAuxiliaries(w.hrRoot, { ...page, status: "LEFT", unitId: w.stationB.id })).total).toBe(0);
  });
});

test("HR reading someone's pay lines is audited; the officer reading their own is not", async () => {
  const { world } = await import("./helpers");
  const w = await world();
  const imp = await db.payImport.create({
    data: { month: "2098-01", unitId: w.profA.unitId, fileName: "x", rowCount: 1, netTotal: "1.00" },
  });
  await db.payLine.create({
    data: {
      profileId: w.profA.id,
      importId: imp.id,
      month: "2098-01",
      base: "1.00",
      levelAllowance: "0",
      seniorityAllowance: "0",
      performance: "0",
      socialInsurance: "0",
      housingFund: "0",
      deductions: "0",
      net: "1.00",
    },
  });
  await listRecords(w.hrA, { auxiliaryId: w.profA.id, category: "PAY" });
  expect(await db.auditLog.count({ where: { action: "benefits.pay.read", actorId: w.hrA.id, targetId: w.profA.id } })).toBe(1);
  await listRecords(w.auxA, { category: "PAY" });
  expect(await db.auditLog.count({ where: { action: "benefits.pay.read", actorId: w.auxA.id } })).toBe(0);
});

test("a record is deleted only by HR of the person's subtree, and the deletion is audited", async () => {
  const { world } = await import("./helpers");
  const { deleteRecord } = await import("@/lib/benefits/mutations");
  const w = await world();
  const rec = await createRecord(w.hrRoot, {
    auxiliaryId: w.profB.id,
    category: "LEAVE",
    occurredOn: "2026-05-01",
    title: "年休假",
    details: { days: "5" },
  });
  await expect(deleteRecord(w.hrA, rec.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(deleteRecord(w.auxB, rec.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  await deleteRecord(w.hrRoot, rec.id);
  expect(await db.benefitRecord.count({ where: { id: rec.id } })).toBe(0);
  expect(await db.auditLog.count({ where: { action: "benefits.record.delete", targetId: rec.id } })).toBe(1);
});
