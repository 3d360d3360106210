import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { dayToDate, formatShanghai, SHANGHAI_OFFSET_MS, shanghaiDate } from "@/lib/time";

// Spreadsheet exports for every list. CSV carries a UTF-8 BOM so Excel on Windows opens the
// Chinese text correctly; cells that start with = + - @ are prefixed with ' so a spreadsheet
// never runs them as formulas (CSV injection).
//
// A column says what its cells are, so the .xlsx is a real spreadsheet: dates and times are date
// cells in Shanghai wall-clock time, amounts are numbers, identifiers (badge and auxiliary numbers,
// leading zeros) are text cells, and the header row stays in view. CSV has no cell types: it
// carries the same values as text (dates YYYY-MM-DD, times Shanghai, amounts exact); Excel drops
// leading zeros when it opens a CSV by double-click, so the .xlsx is the file to open in Excel.
export type CellKind = "text" | "date" | "datetime" | "time" | "number" | "money";
type Raw = string | number | Date | null | undefined;
export type Column<T> = { header: string; value: (row: T) => Raw; width?: number; kind?: CellKind };

const FORMULA = /^[=+\-@\t\r]/;
const NUM_FMT: Partial<Record<CellKind, string>> = {
  text: "@",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
  time: "hh:mm",
  money: "#,##0.00",
};

function safeText(v: string): string {
  return FORMULA.test(v) ? `'${v}` : v;
}

/** The CSV text of a cell. */
function csvCell(v: Raw, kind: CellKind | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (v instanceof Date) {
    if (kind === "date") return shanghaiDate(v);
    if (kind === "time") return formatShanghai(v).slice(11);
    return formatShanghai(v);
  }
  if (typeof v === "number") return String(v);
  return kind === "number" || kind === "money" ? v : safeText(v);
}

/** The .xlsx value of a cell: dates as Shanghai wall-clock date values, amounts as numbers. */
function xlsxCell(v: Raw, kind: CellKind | undefined): string | number | Date | null {
  if (v === null || v === undefined || v === "") return null;
  if (kind === "date") {
    const ymd = v instanceof Date ? shanghaiDate(v) : String(v);
    return /^\d{4}-\d{2}-\d{2}$/.test(ymd) ? dayToDate(ymd) : safeText(ymd);
  }
  // Excel has no time zones: a date cell shows its UTC fields, so shift the instant to Shanghai
  if (v instanceof Date) return new Date(v.getTime() + SHANGHAI_OFFSET_MS);
  if (kind === "number" || kind === "money") {
    const n = typeof v === "number" ? v : Number(v);
    return Number.isFinite(n) ? n : safeText(String(v));
  }
  if (typeof v === "number") return kind === "text" ? String(v) : v;
  return safeText(v);
}

export function toCsv<T>(rows: Iterable<T>, columns: Column<T>[]): string {
  const data = [columns.map((c) => c.header)];
  for (const r of rows) data.push(columns.map((c) => csvCell(c.value(r), c.kind)));
  return "\uFEFF" + stringify(data);
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return stringify([cells.map((c) => csvCell(c, undefined))]);
}

/** One row as a CSV line, by its columns (for streamed CSV). */
export function csvRow<T>(row: T, columns: Column<T>[]): string {
  return stringify([columns.map((c) => csvCell(c.value(row), c.kind))]);
}

function defineColumns<T>(ws: ExcelJS.Worksheet, columns: Column<T>[]) {
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.kind && NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  // the header's cells are text whatever their column holds
  head.eachCell((cell) => (cell.numFmt = "@"));
}

const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: "frozen", ySplit: 1, xSplit: 0 }];

export async function toXlsx<T>(rows: Iterable<T>, columns: Column<T>[], sheetName = "Sheet1"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: FROZEN_HEADER });
  defineColumns(ws, columns);
  for (const r of rows) ws.addRow(columns.map((c) => xlsxCell(c.value(r), c.kind)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * An .xlsx written while the rows arrive (batches from a keyset-paginated query), so memory stays
 * bounded however many rows there are. Returns the file as a web stream for a Response.
 */
export function streamXlsx<T>(batches: AsyncIterable<T[]>, columns: Column<T>[], sheetName = "Sheet1"): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: FROZEN_HEADER });
  defineColumns(ws, columns);
  void (async () => {
    try {
      for await (const batch of batches) {
        for (const r of batch) ws.addRow(columns.map((c) => xlsxCell(c.value(r), c.kind))).commit();
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
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

/** A CSV (UTF-8 BOM, header row) written while the rows arrive in batches, like streamXlsx. */
export function streamCsv<T>(batches: AsyncIterable<T[]>, columns: Column<T>[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(enc.encode("\uFEFF" + csvLine(columns.map((c) => c.header))));
          return;
        }
        const next = await it.next();
        if (next.done) return controller.close();
        let chunk = "";
        for (const r of next.value) chunk += csvRow(r, columns);
        controller.enqueue(enc.encode(chunk));
      },
    },
    { highWaterMark: 1 },
  );
}
