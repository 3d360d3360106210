// Exports are spreadsheets people work in: real date cells in Shanghai time, numbers for amounts,
// identifiers as text (leading zeros), the header row frozen; CSV carries the same values as text.
import ExcelJS from "exceljs";
import { streamXlsx, toCsv, toXlsx, type Column } from "@/lib/export";

type Row = { badge: string; at: Date; on: string; amount: string; n: number };
const rows: Row[] = [{ badge: "000123", at: new Date("2026-12-03T01:30:00Z"), on: "2026-12-04", amount: "1234.50", n: 3 }];
const columns: Column<Row>[] = [
  { header: "警号", value: (r) => r.badge, kind: "text" },
  { header: "时间", value: (r) => r.at, kind: "datetime" },
  { header: "日期", value: (r) => r.on, kind: "date" },
  { header: "时刻", value: (r) => r.at, kind: "time" },
  { header: "金额", value: (r) => r.amount, kind: "money" },
  { header: "人数", value: (r) => r.n, kind: "number" },
  { header: "备注", value: () => "=HYPERLINK(1)" },
];

async function load(buf: ArrayBuffer | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  return wb.worksheets[0]!;
}

function expectTyped(ws: ExcelJS.Worksheet) {
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  const r = ws.getRow(2);
  expect(r.getCell(1).value).toBe("000123");
  expect(r.getCell(1).numFmt).toBe("@");
  // 01:30 UTC is 09:30 in Shanghai: the date cell shows Shanghai wall-clock time
  expect(r.getCell(2).value).toEqual(new Date("2026-12-03T09:30:00Z"));
  expect(r.getCell(2).numFmt).toBe("yyyy-mm-dd hh:mm");
  expect(r.getCell(3).value).toEqual(new Date("2026-12-04T00:00:00Z"));
  expect(r.getCell(3).numFmt).toBe("yyyy-mm-dd");
  expect(r.getCell(4).numFmt).toBe("hh:mm");
  expect(r.getCell(5).value).toBe(1234.5);
  expect(r.getCell(5).numFmt).toBe("#,##0.00");
  expect(r.getCell(6).value).toBe(3);
  expect(r.getCell(7).value).toBe("'=HYPERLINK(1)");
}

test("xlsx cells are typed: Shanghai date cells, numbers, text identifiers, frozen header, no formulas", async () => {
  expectTyped(await load(await toXlsx(rows, columns, "名单")));
});

test("the streamed xlsx is the same spreadsheet", async () => {
  async function* batches() {
    yield rows;
    yield [];
  }
  const buf = Buffer.from(await new Response(streamXlsx(batches(), columns, "名单")).arrayBuffer());
  expectTyped(await load(buf));
});

test("CSV carries the same values as text, times in Shanghai, leading zeros kept in the text", () => {
  const csv = toCsv(rows, columns);
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv.split("\n")[1]).toBe("000123,2026-12-03 09:30,2026-12-04,09:30,1234.50,3,'=HYPERLINK(1)");
});
