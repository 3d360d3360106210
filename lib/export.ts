import "server-only";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";

// Spreadsheet exports for every list. CSV carries a UTF-8 BOM so Excel on Windows opens the
// Chinese text correctly; cells that start with = + - @ are prefixed with ' so a spreadsheet
// never runs them as formulas (CSV injection).
export type Column<T> = { header: string; value: (row: T) => string | number | null | undefined; width?: number };

const FORMULA = /^[=+\-@\t\r]/;
function safeCell(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  return FORMULA.test(v) ? `'${v}` : v;
}

export function toCsv<T>(rows: Iterable<T>, columns: Column<T>[]): string {
  const data = [columns.map((c) => c.header)];
  for (const r of rows) data.push(columns.map((c) => String(safeCell(c.value(r)))));
  return "\uFEFF" + stringify(data);
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return stringify([cells.map((c) => String(safeCell(c)))]);
}

export async function toXlsx<T>(rows: Iterable<T>, columns: Column<T>[], sheetName = "Sheet1"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => safeCell(c.value(r))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A download response with a Chinese file name (RFC 5987). */
export function fileResponse(body: BodyInit, filename: string, type: "csv" | "xlsx"): Response {
  const contentType = type === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="export.${type}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "no-store",
    },
  });
}
