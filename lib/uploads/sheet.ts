import "server-only";
import { parse } from "csv-parse/sync";
import { validationFailed } from "@/lib/errors";
import { loadXlsx } from "./xlsx";

// The one reader of an uploaded import sheet (.xlsx through loadXlsx, or UTF-8 .csv): header row
// in English or Chinese, required columns checked, blank lines skipped, every cell as trimmed text,
// and `row` the spreadsheet row number (header = 1) so each problem can name its row.

export type SheetRow<F extends string> = { row: number; cells: Record<F, string> };

export const MAX_SHEET_BYTES = 10 * 1024 * 1024;

export function cellText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === "object") {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.result !== undefined) return cellText(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join("");
    if (o.text !== undefined) return String(o.text);
  }
  return v === null || v === undefined ? "" : String(v);
}

export async function readSheet<F extends string>(
  data: Buffer,
  fileName: string,
  spec: { fields: readonly F[]; headersZh: Record<F, string>; optional?: readonly F[]; maxRows: number; maxBytes?: number },
): Promise<SheetRow<F>[]> {
  const maxBytes = spec.maxBytes ?? MAX_SHEET_BYTES;
  if (data.length > maxBytes) throw validationFailed({ file: `文件过大（上限 ${maxBytes / 1024 / 1024} MB）` });
  let table: unknown[][];
  if (/\.xlsx$/i.test(fileName)) {
    const wb = await loadXlsx(data);
    const ws = wb.worksheets[0];
    if (!ws) throw validationFailed({ file: "文件中没有工作表" });
    table = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      table[n - 1] = (row.values as unknown[]).slice(1);
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
  } else if (/\.csv$/i.test(fileName)) {
    try {
      table = parse(data.toString("utf8").replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false, trim: true });
    } catch {
      throw validationFailed({ file: "无法读取该 CSV 文件" });
    }
  } else {
    throw validationFailed({ file: "只支持 .xlsx 或 .csv 文件" });
  }
  const headerMap = new Map<string, F>();
  for (const f of spec.fields) {
    headerMap.set(f.toLowerCase(), f);
    headerMap.set(spec.headersZh[f], f);
  }
  const index = new Map<F, number>();
  (table[0] ?? []).forEach((h, i) => {
    const text = cellText(h).trim();
    const f = headerMap.get(text) ?? headerMap.get(text.toLowerCase());
    if (f && !index.has(f)) index.set(f, i);
  });
  const optional = new Set<F>(spec.optional ?? []);
  const missing = spec.fields.filter((f) => !index.has(f) && !optional.has(f));
  if (missing.length) throw validationFailed({ file: `缺少列：${missing.map((f) => `${spec.headersZh[f]}(${f})`).join("、")}` });
  const rows: SheetRow<F>[] = [];
  for (let i = 1; i < table.length; i++) {
    const line = (table[i] ?? []).map((c) => cellText(c).trim());
    if (line.every((c) => c === "")) continue;
    const cells = Object.fromEntries(spec.fields.map((f) => [f, index.has(f) ? (line[index.get(f)!] ?? "") : ""])) as Record<F, string>;
    rows.push({ row: i + 1, cells });
  }
  if (rows.length > spec.maxRows) throw validationFailed({ file: `一次最多导入 ${spec.maxRows} 行` });
  if (!rows.length) throw validationFailed({ file: "文件中没有数据行" });
  return rows;
}
