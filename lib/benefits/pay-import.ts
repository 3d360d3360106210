import "server-only";
import { parse } from "csv-parse/sync";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, forbidden, isUniqueViolation, validationFailed } from "@/lib/errors";
import { loadXlsx } from "@/lib/uploads/xlsx";
import { parseInput } from "@/lib/validation";
import { assertHr } from "./access";
import { sealPayLine } from "./integrity";
import { formatCents, parseCents } from "./money";
import { payImportFormSchema } from "./schemas";
import { unitSubtree } from "@/lib/unit-tree";

export const PAY_FIELDS = [
  "auxNo",
  "base",
  "levelAllowance",
  "seniorityAllowance",
  "performance",
  "socialInsurance",
  "housingFund",
  "deductions",
  "net",
] as const;
type Field = (typeof PAY_FIELDS)[number];
export const PAY_HEADERS_ZH: Record<Field, string> = {
  auxNo: "辅警编号",
  base: "基本工资",
  levelAllowance: "层级津贴",
  seniorityAllowance: "工龄津贴",
  performance: "绩效",
  socialInsurance: "社会保险",
  housingFund: "住房公积金",
  deductions: "其他扣款",
  net: "实发",
};
const HEADER_MAP: Record<string, Field> = Object.fromEntries(
  PAY_FIELDS.flatMap((f) => [
    [f.toLowerCase(), f],
    [PAY_HEADERS_ZH[f], f],
  ]),
) as Record<string, Field>;
const AMOUNT_FIELDS = PAY_FIELDS.filter((f) => f !== "auxNo") as Exclude<Field, "auxNo">[];
export const MAX_ROWS = 20000;

export type RawRow = { row: number; cells: Partial<Record<Field, unknown>> };
export type CheckedRow = {
  row: number;
  auxNo: string;
  profileId: string | null;
  cents: Partial<Record<Exclude<Field, "auxNo">, bigint>>;
  errors: string[];
};
export type RowError = { row: number; message: string };
export type PayPreview = {
  month: string;
  rows: { row: number; auxNo: string; name: string | null; net: string | null; errors: string[] }[];
  errors: RowError[];
  monthImported: boolean;
  total: string;
  count: number;
};

function cellText(v: unknown): unknown {
  if (v && typeof v === "object") {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.result !== undefined) return o.result;
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join("");
    if (o.text !== undefined) return o.text;
  }
  return v;
}

/** Reads a .xlsx or .csv pay sheet into rows keyed by field (row = the spreadsheet row number). */
export async function parsePaySheet(data: Buffer, fileName: string): Promise<RawRow[]> {
  let table: unknown[][];
  if (/\.xlsx$/i.test(fileName)) {
    const wb = await loadXlsx(data);
    const ws = wb.worksheets[0];
    if (!ws) throw validationFailed({ file: "文件中没有工作表" });
    table = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      table[n - 1] = values;
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
  const header = (table[0] ?? []).map((h) => String(h ?? "").trim());
  const index = new Map<Field, number>();
  header.forEach((h, i) => {
    const f = HEADER_MAP[h] ?? HEADER_MAP[h.toLowerCase()];
    if (f && !index.has(f)) index.set(f, i);
  });
  const missing = PAY_FIELDS.filter((f) => !index.has(f));
  if (missing.length) throw validationFailed({ file: `缺少列：${missing.map((f) => `${PAY_HEADERS_ZH[f]}(${f})`).join("、")}` });
  const rows: RawRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const line = table[i] ?? [];
    if (line.every((c) => c === null || c === undefined || String(c).trim() === "")) continue;
    const cells: RawRow["cells"] = {};
    for (const [f, col] of index) cells[f] = line[col];
    rows.push({ row: i + 1, cells });
  }
  if (rows.length > MAX_ROWS) throw validationFailed({ file: `一次最多导入 ${MAX_ROWS} 行` });
  if (!rows.length) throw validationFailed({ file: "文件中没有数据行" });
  return rows;
}

/** Checks every row against the actor's subtree; returns each row with its problems. */
async function checkRows(actor: Actor, rows: RawRow[]): Promise<{ checked: CheckedRow[]; names: Map<string, string> }> {
  const auxNos = [
    ...new Set(
      rows
        .map((r) =>
          String(r.cells.auxNo ?? "")
            .trim()
            .toUpperCase(),
        )
        .filter(Boolean),
    ),
  ];
  const profiles = await db.auxiliaryProfile.findMany({
    where: { auxNo: { in: auxNos }, unit: unitSubtree(actor.unitPath) },
    select: { id: true, auxNo: true, name: true },
  });
  const byNo = new Map(profiles.map((p) => [p.auxNo, p]));
  const seen = new Map<string, number>();
  const checked = rows.map((r): CheckedRow => {
    const auxNo = String(r.cells.auxNo ?? "")
      .trim()
      .toUpperCase();
    const errors: string[] = [];
    const profile = byNo.get(auxNo);
    if (!auxNo) errors.push("缺少辅警编号");
    else if (!profile) errors.push(`未知辅警编号 ${auxNo}`);
    if (auxNo && seen.has(auxNo)) errors.push(`与第 ${seen.get(auxNo)} 行重复`);
    else if (auxNo) seen.set(auxNo, r.row);
    const cents: CheckedRow["cents"] = {};
    for (const f of AMOUNT_FIELDS) {
      const raw = r.cells[f];
      const c =
        raw === null || raw === undefined || String(raw).trim() === "" ? (f === "net" || f === "base" ? null : 0n) : parseCents(raw);
      if (c === null) errors.push(`${PAY_HEADERS_ZH[f]}不是有效金额`);
      else if (c < 0n) errors.push(`${PAY_HEADERS_ZH[f]}不能为负数`);
      else cents[f] = c;
    }
    if (AMOUNT_FIELDS.every((f) => cents[f] !== undefined && cents[f]! >= 0n)) {
      const expected =
        cents.base! +
        cents.levelAllowance! +
        cents.seniorityAllowance! +
        cents.performance! -
        cents.socialInsurance! -
        cents.housingFund! -
        cents.deductions!;
      if (expected !== cents.net) errors.push(`实发 ${formatCents(cents.net!)} 与各项合计 ${formatCents(expected)} 不符`);
    }
    return { row: r.row, auxNo, profileId: profile?.id ?? null, cents, errors };
  });
  return { checked, names: new Map(profiles.map((p) => [p.id, p.name])) };
}

/**
 * Imports of the same month that overlap the actor's unit subtree: their own unit's, an ancestor's
 * (a bureau-wide import covers the station) or a descendant's. Two sibling stations do not overlap.
 */
function overlapping(actor: Actor) {
  const ancestors = actor.unitPath.split("/").filter(Boolean);
  return { OR: [{ unitId: { in: ancestors } }, { unit: unitSubtree(actor.unitPath) }] };
}

/** The preview: every row checked, nothing written. */
export async function previewPayImport(actor: Actor, input: { month: unknown; data: Buffer; fileName: string }): Promise<PayPreview> {
  assertHr(actor);
  const { month } = parseInput(payImportFormSchema, { month: input.month });
  const rows = await parsePaySheet(input.data, input.fileName);
  const { checked, names } = await checkRows(actor, rows);
  const existing = await db.payImport.findFirst({ where: { month, ...overlapping(actor) }, select: { id: true } });
  let total = 0n;
  for (const r of checked) if (!r.errors.length) total += r.cents.net!;
  return {
    month,
    monthImported: !!existing,
    count: checked.length,
    total: formatCents(total),
    rows: checked.map((r) => ({
      row: r.row,
      auxNo: r.auxNo,
      name: r.profileId ? (names.get(r.profileId) ?? null) : null,
      net: r.cents.net !== undefined ? formatCents(r.cents.net) : null,
      errors: r.errors,
    })),
    errors: checked.filter((r) => r.errors.length).map((r) => ({ row: r.row, message: r.errors.join("；") })),
  };
}

/**
 * Imports a month's pay sheet: all or nothing. Any bad row rejects the whole file with every bad
 * row listed; an imported month is refused unless replace is chosen (audited).
 */
export async function commitPayImport(
  actor: Actor,
  input: { month: unknown; replace?: unknown; data: Buffer; fileName: string },
): Promise<{ imported: number; replaced: boolean }> {
  assertHr(actor);
  const { month, replace } = parseInput(payImportFormSchema, { month: input.month, replace: input.replace });
  const rows = await parsePaySheet(input.data, input.fileName);
  const { checked } = await checkRows(actor, rows);
  const bad = checked.filter((r) => r.errors.length);
  if (bad.length) {
    throw new AppError("IMPORT_REJECTED", `工资表有 ${bad.length} 行错误，未导入任何数据`, {
      extra: { rows: bad.map((r) => ({ row: r.row, message: r.errors.join("；") })) },
    });
  }
  let netTotal = 0n;
  for (const r of checked) netTotal += r.cents.net!;
  const c = (v: bigint) => formatCents(v);
  try {
    return await db.$transaction(
      async (tx) => {
        // One import of a month at a time per database, so two overlapping units cannot both pass the check.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pay-import'), hashtext(${month}))`;
        const others = await tx.payImport.findMany({ where: { month, ...overlapping(actor) }, select: { id: true, unitId: true } });
        const existing = others.find((o) => o.unitId === actor.unitId) ?? null;
        if (others.some((o) => o.unitId !== actor.unitId))
          throw new AppError("MONTH_ALREADY_IMPORTED", `${month} 的工资已由上级或下级单位导入，不能重复导入`);
        let importId: string;
        if (existing) {
          if (!replace) throw new AppError("MONTH_ALREADY_IMPORTED", `${month} 的工资已导入；如需覆盖请选择替换`);
          await tx.$queryRaw`SELECT id FROM "PayImport" WHERE id = ${existing.id} FOR UPDATE`;
          const foreign = await tx.payLine.count({
            where: { importId: existing.id, profile: { unit: { NOT: unitSubtree(actor.unitPath) } } },
          });
          if (foreign) throw forbidden("该月工资包含本单位以外人员，不能替换");
          const removed = await tx.payLine.deleteMany({ where: { importId: existing.id } });
          await tx.payImport.update({
            where: { id: existing.id },
            data: {
              fileName: input.fileName.slice(0, 200),
              rowCount: checked.length,
              netTotal: c(netTotal),
              importedById: actor.id,
              replacedAt: new Date(),
            },
          });
          importId = existing.id;
          await writeAudit(tx, {
            actor,
            action: "benefits.pay.replace",
            targetType: "PayImport",
            targetId: importId,
            target: month,
            details: { removedLines: removed.count, rows: checked.length },
          });
        } else {
          const imp = await tx.payImport.create({
            data: {
              month,
              unitId: actor.unitId,
              fileName: input.fileName.slice(0, 200),
              rowCount: checked.length,
              netTotal: c(netTotal),
              importedById: actor.id,
            },
          });
          importId = imp.id;
        }
        for (let i = 0; i < checked.length; i += 2000) {
          await tx.payLine.createMany({
            data: checked.slice(i, i + 2000).map((r) => {
              const line = {
                profileId: r.profileId!,
                month,
                base: c(r.cents.base!),
                levelAllowance: c(r.cents.levelAllowance!),
                seniorityAllowance: c(r.cents.seniorityAllowance!),
                performance: c(r.cents.performance!),
                socialInsurance: c(r.cents.socialInsurance!),
                housingFund: c(r.cents.housingFund!),
                deductions: c(r.cents.deductions!),
                net: c(r.cents.net!),
              };
              return { ...line, importId, seal: sealPayLine(line) };
            }),
          });
        }
        await writeAudit(tx, {
          actor,
          action: "benefits.pay.import",
          targetType: "PayImport",
          targetId: importId,
          target: month,
          details: { rows: checked.length, netTotal: c(netTotal), replaced: !!existing, file: input.fileName.slice(0, 200) },
        });
        return { imported: checked.length, replaced: !!existing };
      },
      { timeout: 60000, maxWait: 10000 },
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("MONTH_ALREADY_IMPORTED", `${month} 的工资已导入；如需覆盖请选择替换`);
    throw e;
  }
}

/** Import history of the actor's subtree: station HR sees its own unit's imports, not the bureau's. */
export async function listPayImports(actor: Actor) {
  assertHr(actor);
  const rows = await db.payImport.findMany({
    where: { unit: unitSubtree(actor.unitPath) },
    orderBy: [{ month: "desc" }, { createdAt: "desc" }],
    take: 36,
    include: { importedBy: { select: { name: true } }, unit: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    rowCount: r.rowCount,
    netTotal: r.netTotal.toFixed(2),
    importedBy: r.importedBy?.name ?? null,
    unit: r.unit.name,
    at: r.updatedAt,
    replaced: !!r.replacedAt,
  }));
}
