import { db } from "@/lib/db";
import { commitPayImport } from "@/lib/benefits/pay-import";
import { streamPayLines } from "@/lib/benefits/exports";
import { createAuxiliary, createRecord } from "@/lib/benefits/mutations";
import { getAuxiliary, getPayYear, listRecords } from "@/lib/benefits/queries";
import { checkKeyCanary } from "@/lib/keys/canary";
import { backfillSealsOnce, encryptLegacyPlaintext, prepareStoredData } from "@/lib/keys/maintenance";
import { decryptField } from "@/lib/crypto";
import { createUnit } from "@/tests/factories";
import { createMedicalService } from "@/tests/factories/medical";
import { readOutcome } from "@/lib/medical/outcome";
import { createAuxiliaryProfile, randomIdNumber, sealedPayLine } from "@/tests/factories/benefits";
import { world } from "./helpers";

const csv = (rows: string[]) =>
  Buffer.from(["auxNo,base,levelAllowance,seniorityAllowance,performance,socialInsurance,housingFund,deductions,net", ...rows].join("\n"));

describe("integrity seals over pay lines and case amounts (issue 9 item 8)", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  test("a pay line changed in the database is flagged TAMPERED and left out of the year's totals", async () => {
    const unit = await createUnit({ parentId: w.stationA.id });
    const p = await createAuxiliaryProfile({ unitId: unit.id });
    for (const month of ["2061-01", "2061-02"])
      await commitPayImport(w.hrA, { month, data: csv([`${p.auxNo},3000,500,0,0,0,0,0,3500`]), fileName: "p.csv" });
    const before = await listRecords(w.hrA, { auxiliaryId: p.id, category: "PAY" });
    expect(before.map((r) => r.integrity)).toEqual(["OK", "OK"]);

    // someone with database access raises one net figure (and keeps the CHECK happy)
    await db.$executeRaw`UPDATE "PayLine" SET base = base + 1000, net = net + 1000 WHERE "profileId" = ${p.id} AND month = '2061-02'`;
    const after = await listRecords(w.hrA, { auxiliaryId: p.id, category: "PAY" });
    expect(after.find((r) => r.occurredOn === "2061-02-01")).toMatchObject({ integrity: "TAMPERED", amount: "4500.00" });
    expect(after.find((r) => r.occurredOn === "2061-01-01")!.integrity).toBe("OK");
    const year = await getPayYear(w.hrA, p.id, 2061);
    expect(year.rows.map((r) => r.integrity)).toEqual(["OK", "TAMPERED"]);
    expect(year.totals.net).toBe(350000n); // the genuine line only
    expect(year.tampered).toBe(1);
    // the export says so too
    const exported = await new Response(await streamPayLines(w.hrA, { month: "2061-02" })).text();
    const row = exported.split("\n").find((l) => l.includes(p.auxNo))!;
    expect(row).toContain("4500.00");
    expect(row).toContain("数据校验失败");
    const genuine = await new Response(await streamPayLines(w.hrA, { month: "2061-01" })).text();
    expect(genuine.split("\n").find((l) => l.includes(p.auxNo))).toContain("正常");

    // moving a genuine line to another person is caught too (the seal covers the profile)
    const other = await createAuxiliaryProfile({ unitId: unit.id });
    await db.$executeRaw`UPDATE "PayLine" SET "profileId" = ${other.id} WHERE "profileId" = ${p.id} AND month = '2061-01'`;
    expect((await listRecords(w.hrA, { auxiliaryId: other.id, category: "PAY" }))[0]!.integrity).toBe("TAMPERED");
  });

  test("a case amount changed in the database is flagged TAMPERED", async () => {
    const c = await createRecord(w.hrA, {
      auxiliaryId: w.profA.id,
      category: "COMPENSATION",
      kind: "ILLNESS",
      occurredOn: "2026-05-01",
      title: "住院补助",
      amount: "800",
      details: { reason: "住院治疗两周" },
    });
    const mine = async () => (await listRecords(w.hrA, { auxiliaryId: w.profA.id, category: "COMPENSATION" })).find((r) => r.id === c.id)!;
    expect((await mine()).integrity).toBe("OK");
    await db.$executeRaw`UPDATE "CompensationCase" SET "amountRequested" = 8000 WHERE id = ${c.id}`;
    expect(await mine()).toMatchObject({ integrity: "TAMPERED", amount: "8000.00" });
  });

  test("rows sealed before the seals existed are sealed once; a row inserted behind the app later stays TAMPERED", async () => {
    await prepareStoredData(); // canary, legacy plaintext, the one-time seal backfill
    const unit = await createUnit({ parentId: w.stationA.id });
    const p = await createAuxiliaryProfile({ unitId: unit.id });
    const imp = await db.payImport.create({ data: { month: "2062-01", unitId: unit.id, fileName: "x", rowCount: 1, netTotal: "1" } });
    const line = {
      profileId: p.id,
      importId: imp.id,
      month: "2062-01",
      base: "1",
      levelAllowance: "0",
      seniorityAllowance: "0",
      performance: "0",
      socialInsurance: "0",
      housingFund: "0",
      deductions: "0",
      net: "1",
    };
    await db.payLine.create({ data: line }); // no seal: not written by the application
    expect(await backfillSealsOnce()).toBe(0);
    expect((await listRecords(w.hrA, { auxiliaryId: p.id, category: "PAY" }))[0]!.integrity).toBe("TAMPERED");
    // the same line written by the application is genuine
    await db.payLine.deleteMany({ where: { profileId: p.id } });
    await db.payLine.create({ data: sealedPayLine(line) });
    expect((await listRecords(w.hrA, { auxiliaryId: p.id, category: "PAY" }))[0]!.integrity).toBe("OK");
    expect(await checkKeyCanary()).toBe("OK");
  });
});

describe("stored personal data (issue 9 item 8)", () => {
  test("case reasons are stored encrypted and read back as text; legacy plaintext is encrypted by the start-up step", async () => {
    const w = await world();
    const c = await createRecord(w.hrA, {
      auxiliaryId: w.profA.id,
      category: "COMPENSATION",
      kind: "HARDSHIP",
      occurredOn: "2026-05-02",
      title: "困难补助",
      amount: "300",
      details: { reason: "家属重病" },
    });
    const row = await db.compensationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.reason).toBeNull();
    expect(row.reasonEnc).toMatch(/^v2:/);
    expect(row.reasonEnc).not.toContain("家属");
    const read = async () => (await listRecords(w.hrA, { auxiliaryId: w.profA.id, category: "COMPENSATION" })).find((r) => r.id === c.id)!;
    expect((await read()).details.reason).toBe("家属重病");

    await db.$executeRaw`UPDATE "CompensationCase" SET reason = '旧数据明文', "reasonEnc" = NULL WHERE id = ${c.id}`;
    expect(await encryptLegacyPlaintext()).toBeGreaterThanOrEqual(1);
    const moved = await db.compensationCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(moved.reason).toBeNull();
    expect(decryptField(moved.reasonEnc!)).toBe("旧数据明文");
    expect((await read()).details.reason).toBe("旧数据明文");
  });

  test("liver-check outcomes written before encryption move into outcomeEnc and still read the same", async () => {
    const w = await world();
    const service = await createMedicalService({ code: `LIVER_${Date.now()}` });
    const b = await db.medicalBooking.create({
      data: {
        userId: w.auxA.id,
        serviceId: service.id,
        startsAt: new Date(),
        urgent: true,
        status: "COMPLETED",
        outcome: "ABNORMAL_RECHECK",
        outcomeAt: new Date(),
        createdById: w.auxA.id,
      },
    });
    expect(readOutcome(b)).toBe("ABNORMAL_RECHECK"); // legacy rows read before the step runs
    expect(await encryptLegacyPlaintext()).toBeGreaterThanOrEqual(1);
    const row = await db.medicalBooking.findUniqueOrThrow({ where: { id: b.id }, select: { outcome: true, outcomeEnc: true } });
    expect(row.outcome).toBeNull();
    expect(decryptField(row.outcomeEnc!)).toBe("ABNORMAL_RECHECK");
    expect(readOutcome(row)).toBe("ABNORMAL_RECHECK");
  });

  test("only the birth year is stored beside the masked ID number", async () => {
    const w = await world();
    const p = await createAuxiliary(w.hrA, {
      auxNo: `Y${String(Date.now() % 1e8).padStart(8, "0")}`,
      name: "出生年",
      idNumber: randomIdNumber({ birthYear: 1991 }),
      unitId: w.teamA.id,
      post: "DUTY",
      hireDate: "2020-01-01",
      level: 1,
      status: "ACTIVE",
    });
    expect((await getAuxiliary(w.hrA, p.id)).birthYear).toBe(1991);
    const cols = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'AuxiliaryProfile'`;
    const names = cols.map((c) => c.column_name);
    expect(names).toContain("birthYear");
    expect(names).not.toContain("birthDate");
  });
});
