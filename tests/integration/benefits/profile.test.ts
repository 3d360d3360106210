import { rejection } from "@/tests/helpers/errors";
import { db } from "@/lib/db";
import { createAuxiliary, revealIdNumber, updateAuxiliary } from "@/lib/benefits/mutations";
import { getAuxiliary, listAuxiliaries } from "@/lib/benefits/queries";
import { exportRoster } from "@/lib/benefits/exports";
import { makeIdNumber } from "@/lib/benefits/idcard";
import { nextAuxNo, randomIdNumber } from "@/tests/factories/benefits";
import { createUser, DEMO_PASSWORD } from "@/tests/factories";
import { world } from "./helpers";

describe("auxiliary profiles and ID numbers", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  const input = (over: Record<string, unknown> = {}) => ({
    auxNo: nextAuxNo(),
    name: "赵新人",
    idNumber: randomIdNumber(),
    unitId: w.teamA.id,
    post: "DUTY",
    hireDate: "2024-07-01",
    level: 1,
    ...over,
  });

  test("a bad check digit is refused with fields.idNumber and nothing is written", async () => {
    const good = makeIdNumber("210302", "19950101", 21);
    const bad = good.slice(0, 17) + (good[17] === "5" ? "6" : "5");
    const auxNo = nextAuxNo();
    const err = await rejection(createAuxiliary(w.hrA, input({ auxNo, idNumber: bad })));
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.fields?.idNumber).toMatch(/校验码/);
    expect(JSON.stringify(err)).not.toContain(bad);
    expect(await db.auxiliaryProfile.count({ where: { auxNo } })).toBe(0);
  });

  test("the ID number is stored encrypted, shown masked and a duplicate is detected by its blind index", async () => {
    const idNumber = makeIdNumber("210303", "19920612", 37);
    const p = await createAuxiliary(w.hrA, input({ idNumber }));
    const row = await db.auxiliaryProfile.findUniqueOrThrow({ where: { id: p.id } });
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(row.idNumberMasked).toBe(`2103**********${idNumber.slice(-4)}`);
    expect(row.gender).toBe("MALE");
    const dto = await getAuxiliary(w.hrA, p.id);
    expect(JSON.stringify(dto)).not.toContain(idNumber);
    const dup = await rejection(createAuxiliary(w.hrRoot, input({ idNumber, unitId: w.stationB.id })));
    expect(dup.fields?.idNumber).toMatch(/已登记/);
  });

  test("revealing the full number is HR-only and writes an audit entry without the number", async () => {
    const idNumber = makeIdNumber("210304", "19880808", 42);
    const p = await createAuxiliary(w.hrA, input({ idNumber }));
    expect(await revealIdNumber(w.hrA, p.id)).toBe(idNumber);
    const audit = await db.auditLog.findMany({ where: { action: "benefits.id_number.reveal", targetId: p.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(w.hrA.id);
    expect(JSON.stringify(audit.map((a) => ({ ...a, id: String(a.id), seq: String(a.seq) })))).not.toContain(idNumber);
    await expect(revealIdNumber(w.auxA, w.profA.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("create and update write audit entries; an AUXILIARY account with the same number is linked", async () => {
    const auxNo = nextAuxNo();
    const user = await createUser({ badgeNo: auxNo, roles: ["AUXILIARY"], unitId: w.teamA.id });
    const p = await createAuxiliary(w.hrA, input({ auxNo }));
    expect((await db.auxiliaryProfile.findUniqueOrThrow({ where: { id: p.id } })).userId).toBe(user.id);
    await updateAuxiliary(w.hrA, p.id, {
      auxNo,
      name: "赵新人",
      unitId: w.stationA.id,
      post: "CIVILIAN",
      hireDate: "2024-07-01",
      level: 2,
      status: "ACTIVE",
    });
    const actions = (await db.auditLog.findMany({ where: { targetId: p.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["benefits.profile.create", "benefits.profile.update"]);
  });

  test("duplicate 辅警编号 is a field error", async () => {
    const auxNo = nextAuxNo();
    await createAuxiliary(w.hrA, input({ auxNo }));
    expect((await rejection(createAuxiliary(w.hrA, input({ auxNo })))).fields?.auxNo).toBeDefined();
  });

  test("exports mask ID numbers unless the audited full option is used", async () => {
    const idNumber = makeIdNumber("210311", "19900101", 55);
    await createAuxiliary(w.hrA, input({ idNumber, name: "导出测试" }));
    const masked = String(await exportRoster(w.hrA, { q: "导出测试" }, "csv", false));
    expect(masked).toContain(`2103**********${idNumber.slice(-4)}`);
    expect(masked).not.toContain(idNumber);
    const full = String(await exportRoster(w.hrA, { q: "导出测试" }, "csv", { reason: "年度核对社保信息", password: DEMO_PASSWORD }));
    expect(full).toContain(idNumber);
    const audit = await db.auditLog.findFirst({ where: { action: "benefits.roster.export_full", actorId: w.hrA.id } });
    expect(audit).not.toBeNull();
    expect(JSON.stringify({ ...audit, id: String(audit!.id), seq: String(audit!.seq) })).not.toContain(idNumber);
  });

  test("the roster API DTO carries only the masked number", async () => {
    const res = await listAuxiliaries(w.hrRoot, { page: 1, pageSize: 100, sort: "auxNo", dir: "asc" });
    for (const item of res.items) {
      expect(Object.keys(item)).not.toContain("idNumberEnc");
      expect(item.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    }
  });
});
