import ExcelJS from "exceljs";
import { rejection } from "@/tests/helpers/errors";
import { db } from "@/lib/db";
import { commitPayImport, previewPayImport } from "@/lib/benefits/pay-import";
import { exportPayTemplate, streamPayLines } from "@/lib/benefits/exports";
import { getPayYear } from "@/lib/benefits/queries";
import { createUnit } from "@/tests/factories";
import { createAuxiliaryProfile, sealedPayLine } from "@/tests/factories/benefits";
import { world } from "./helpers";

const EN = "auxNo,base,levelAllowance,seniorityAllowance,performance,socialInsurance,housingFund,deductions,net";
const ZH = "辅警编号,基本工资,层级津贴,工龄津贴,绩效,社会保险,住房公积金,其他扣款,实发";
const line = (auxNo: string, net = "3950.30") => `${auxNo},3000.10,500.10,200.10,800,300,200,50,${net}`;
const csv = (rows: string[], header = EN) => Buffer.from([header, ...rows].join("\n"), "utf8");
let monthSeq = 0;
const nextMonth = () => `20${String(30 + Math.floor(monthSeq / 12)).padStart(2, "0")}-${String((monthSeq++ % 12) + 1).padStart(2, "0")}`;

describe("pay sheet import", () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world();
  });

  test("imports a CSV with Chinese headers exactly to the cent", async () => {
    const month = nextMonth();
    const res = await commitPayImport(w.hrA, { month, data: csv([line(w.profA.auxNo)], ZH), fileName: "pay.csv" });
    expect(res.imported).toBe(1);
    const l = await db.payLine.findUniqueOrThrow({ where: { profileId_month: { profileId: w.profA.id, month } } });
    expect(l.net.toFixed(2)).toBe("3950.30");
    expect(l.base.toFixed(2)).toBe("3000.10");
    const audit = await db.auditLog.findFirst({ where: { action: "benefits.pay.import", target: month } });
    expect(audit?.actorId).toBe(w.hrA.id);
  });

  test("0.1 + 0.2 style sums are checked exactly, not in floating point", async () => {
    const unit = await createUnit({ parentId: w.stationA.id });
    const p = await createAuxiliaryProfile({ unitId: unit.id });
    const month = nextMonth();
    // 0.10 + 0.20 = 0.30 exactly; in doubles it is 0.30000000000000004
    const ok = `${p.auxNo},0.1,0.2,0,0,0,0,0,0.3`;
    expect((await commitPayImport(w.hrA, { month, data: csv([ok]), fileName: "p.csv" })).imported).toBe(1);
    const bad = `${p.auxNo},0.1,0.2,0,0,0,0,0,0.31`;
    const err = await rejection(commitPayImport(w.hrA, { month: nextMonth(), data: csv([bad]), fileName: "p.csv" }));
    expect(err.code).toBe("IMPORT_REJECTED");
    expect((err.extra!.rows as { message: string }[])[0]!.message).toMatch(/实发 0.31 与各项合计 0.30 不符/);
  });

  test("a 5,000-row sheet with one bad row writes nothing and lists that row", async () => {
    const unit = await createUnit({ parentId: w.stationA.id });
    const people = await Promise.all(Array.from({ length: 50 }, () => createAuxiliaryProfile({ unitId: unit.id })));
    // 5,000 rows over 50 people would be duplicates, so use distinct months per import: one row per person per file
    // is the rule; here the big file has 5,000 distinct people.
    const many = await db.auxiliaryProfile.createManyAndReturn({
      data: Array.from({ length: 4950 }, (_, i) => ({
        auxNo: `B${String(i).padStart(6, "0")}${String(monthSeq).padStart(2, "0")}`.slice(0, 10),
        name: `批量${i}`,
        idNumberEnc: "x",
        idNumberHash: `h-${Date.now()}-${i}`,
        idNumberMasked: "2103**********0000",
        gender: "MALE" as const,
        birthYear: 1990,
        unitId: unit.id,
        post: "DUTY" as const,
        hireDate: new Date("2020-01-01"),
        level: 1,
        levelSince: new Date("2020-01-01"),
      })),
      select: { auxNo: true },
    });
    const auxNos = [...people.map((p) => p.auxNo), ...many.map((m) => m.auxNo)];
    expect(auxNos).toHaveLength(5000);
    const rows = auxNos.map((n) => line(n));
    rows[3120] = line(auxNos[3120]!, "3950.31");
    const month = nextMonth();
    const err = await rejection(commitPayImport(w.hrA, { month, data: csv(rows), fileName: "big.csv" }));
    expect(err.code).toBe("IMPORT_REJECTED");
    expect(err.extra!.rows).toEqual([{ row: 3122, message: expect.stringContaining("实发") }]);
    expect(await db.payLine.count({ where: { month } })).toBe(0);
    expect(await db.payImport.count({ where: { month } })).toBe(0);
    rows[3120] = line(auxNos[3120]!);
    const t0 = Date.now();
    expect((await commitPayImport(w.hrA, { month, data: csv(rows), fileName: "big.csv" })).imported).toBe(5000);
    expect(Date.now() - t0).toBeLessThan(20000);
    expect(await db.payLine.count({ where: { month } })).toBe(5000);
  }, 120_000); // 5,000 people made and imported twice; beside the other Jest worker on two shared cores it can pass a minute

  test("every bad row is listed: unknown number, out-of-subtree number, duplicate, negative, bad amount", async () => {
    const month = nextMonth();
    const rows = [
      line(w.profA.auxNo),
      line("Z99999"),
      line(w.profB.auxNo), // exists, but not in HR A's subtree
      line(w.profA.auxNo),
      `${w.profA.auxNo},3000,-1,0,0,0,0,0,2999`,
      `${w.profA.auxNo},3000.123,0,0,0,0,0,0,3000.12`,
    ];
    const preview = await previewPayImport(w.hrA, { month, data: csv(rows), fileName: "x.csv" });
    expect(preview.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
    const err = await rejection(commitPayImport(w.hrA, { month, data: csv(rows), fileName: "x.csv" }));
    const listed = err.extra!.rows as { row: number; message: string }[];
    expect(listed.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(listed[0]!.message).toMatch(/未知辅警编号/);
    expect(listed[1]!.message).toMatch(/未知辅警编号/);
    expect(listed[2]!.message).toMatch(/重复/);
    expect(listed[3]!.message).toMatch(/负数/);
    expect(listed[4]!.message).toMatch(/有效金额/);
    expect(await db.payImport.count({ where: { month } })).toBe(0);
  });

  test("a month already imported is refused unless replace is chosen, which is audited", async () => {
    const month = nextMonth();
    await commitPayImport(w.hrA, { month, data: csv([line(w.profA.auxNo)]), fileName: "a.csv" });
    expect((await previewPayImport(w.hrA, { month, data: csv([line(w.profA.auxNo)]), fileName: "a.csv" })).monthImported).toBe(true);
    const replaced = `${w.profA.auxNo},3000.10,500.10,200.10,850,300,200,0,4050.30`;
    const err = await rejection(commitPayImport(w.hrA, { month, data: csv([replaced]), fileName: "b.csv" }));
    expect(err.code).toBe("MONTH_ALREADY_IMPORTED");
    expect(err.status).toBe(409);
    expect((await db.payLine.findFirstOrThrow({ where: { month } })).net.toFixed(2)).toBe("3950.30");
    expect((await commitPayImport(w.hrA, { month, replace: "true", data: csv([replaced]), fileName: "b.csv" })).imported).toBe(1);
    expect((await db.payLine.findFirstOrThrow({ where: { month } })).net.toFixed(2)).toBe("4050.30");
    expect(await db.payLine.count({ where: { month } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "benefits.pay.replace", target: month } })).toBe(1);
  });

  test("two concurrent imports of the same month: exactly one wins", async () => {
    const month = nextMonth();
    const results = await Promise.allSettled(
      [0, 1, 2, 3].map(() => commitPayImport(w.hrA, { month, data: csv([line(w.profA.auxNo)]), fileName: "c.csv" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("MONTH_ALREADY_IMPORTED");
    expect(await db.payLine.count({ where: { month } })).toBe(1);
  });

  test("reads .xlsx sheets with English headers and numeric cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("工资");
    ws.addRow(EN.split(","));
    ws.addRow([w.profA.auxNo, 3000.1, 500.1, 200.1, 800, 300, 200, 50, 3950.3]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const month = nextMonth();
    expect((await commitPayImport(w.hrA, { month, data, fileName: "pay.xlsx" })).imported).toBe(1);
  });

  test("a year's totals are exact sums of the lines", async () => {
    const unit = await createUnit({ parentId: w.stationA.id });
    const p = await createAuxiliaryProfile({ unitId: unit.id });
    for (const m of ["2029-01", "2029-02", "2029-03"]) {
      const key = { unitId: unit.id, month: m };
      await db.payImport.upsert({
        where: { unitId_month: key },
        update: {},
        create: { ...key, fileName: "t", rowCount: 1, netTotal: "0" },
      });
      const imp = await db.payImport.findUniqueOrThrow({ where: { unitId_month: key } });
      await db.payLine.create({
        data: sealedPayLine({
          profileId: p.id,
          importId: imp.id,
          month: m,
          base: "0.10",
          levelAllowance: "0.20",
          seniorityAllowance: "0",
          performance: "0",
          socialInsurance: "0",
          housingFund: "0",
          deductions: "0",
          net: "0.30",
        }),
      });
    }
    const y = await getPayYear(w.hrA, p.id, 2029);
    expect(y.rows).toHaveLength(3);
    expect(y.totals.net).toBe(90n);
    expect(y.totals.base).toBe(30n);
  });

  test("the pay-line export streams in batches and covers every line in scope", async () => {
    const stream = await streamPayLines(w.hrA, { batchSize: 700 });
    const reader = stream.getReader();
    let chunks = 0;
    let text = "";
    const dec = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += dec.decode(value);
    }
    const lines = text.trim().split("\n");
    const expected = await db.payLine.count({ where: { profile: { unit: { path: { startsWith: w.hrA.unitPath } } } } });
    expect(lines.length - 1).toBe(expected);
    expect(chunks).toBeGreaterThan(expected / 700);
    expect(text).not.toContain(w.profB.auxNo);
  });

  test("the pay-line export is an .xlsx too: amounts are numbers, auxiliary numbers text", async () => {
    const stream = await streamPayLines(w.hrA, { batchSize: 700, format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await new Response(stream).arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const expected = await db.payLine.count({ where: { profile: { unit: { path: { startsWith: w.hrA.unitPath } } } } });
    expect(ws.actualRowCount - 1).toBe(expected);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const row = ws.getRow(2);
    expect(typeof row.getCell(2).value).toBe("string");
    expect(typeof row.getCell(11).value).toBe("number");
  });

  test("the downloadable template, filled in, imports as it is", async () => {
    const tpl = (await exportPayTemplate(w.hrA, "xlsx")) as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 3)).toEqual(["辅警编号", "姓名"]);
    ws.eachRow((row, n) => {
      if (n === 1) return;
      [3000.1, 500.1, 200.1, 800, 300, 200, 50, 3950.3].forEach((v, k) => (row.getCell(3 + k).value = v));
    });
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const month = nextMonth();
    const res = await commitPayImport(w.hrA, { month, data: filled, fileName: "template.xlsx" });
    expect(res.imported).toBe(ws.rowCount - 1);
    expect(await db.payLine.count({ where: { month, profile: { unit: { NOT: { path: { startsWith: w.hrA.unitPath } } } } } })).toBe(0);
  });

  test("non-HR cannot import", async () => {
    expect(
      (await rejection(commitPayImport(w.officer, { month: nextMonth(), data: csv([line(w.profA.auxNo)]), fileName: "x.csv" }))).code,
    ).toBe("FORBIDDEN");
    await expect(
      commitPayImport(w.auxA, { month: nextMonth(), data: csv([line(w.profA.auxNo)]), fileName: "x.csv" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
