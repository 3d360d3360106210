import "server-only";
import { randomBytes } from "node:crypto";
import { assertCan, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db, type Tx } from "@/lib/db";
import { AppError, isForeignKeyViolation, isUniqueViolation } from "@/lib/errors";
import { readSheet, type SheetRow } from "@/lib/uploads/sheet";
import { hasControlChars } from "@/lib/validation";
import { unitSchema } from "./schemas";

// The unit tree from a sheet (SYS_ADMIN, issue 12 item 2), as the user import does it: preview
// (every bad row listed, nothing written) → confirm (all or nothing, audited). A row's parent
// 上级 is the code of an existing unit or of another row in the same sheet, in any order; the
// rows are created parents first with the materialised path (lib/users/units.ts) computed here.

export const UNIT_IMPORT_FIELDS = ["code", "name", "parent", "kind"] as const;
type Field = (typeof UNIT_IMPORT_FIELDS)[number];
export const UNIT_IMPORT_HEADERS_ZH: Record<Field, string> = { code: "代码", name: "名称", parent: "上级", kind: "类别" };
type Kind = "BUREAU" | "STATION" | "BRIGADE" | "TEAM";
const KINDS: Record<string, Kind> = {
  BUREAU: "BUREAU",
  分局: "BUREAU",
  STATION: "STATION",
  派出所: "STATION",
  BRIGADE: "BRIGADE",
  大队: "BRIGADE",
  TEAM: "TEAM",
  警务团队: "TEAM",
};
export const MAX_UNIT_IMPORT_ROWS = 10_000;

export type UnitImportRowError = { row: number; message: string };
export type UnitImportPreviewRow = {
  row: number;
  code: string;
  name: string;
  parentCode: string | null;
  kind: Kind | null;
  errors: string[];
};
export type UnitImportPreview = { count: number; rows: UnitImportPreviewRow[]; errors: UnitImportRowError[] };
type Planned = { row: number; code: string; name: string; kind: Kind; parentCode: string | null };

const codeSchema = unitSchema.shape.code;
const nameSchema = unitSchema.shape.name;

export function parseUnitSheet(data: Buffer, fileName: string): Promise<SheetRow<Field>[]> {
  return readSheet(data, fileName, {
    fields: UNIT_IMPORT_FIELDS,
    headersZh: UNIT_IMPORT_HEADERS_ZH,
    optional: ["parent"],
    maxRows: MAX_UNIT_IMPORT_ROWS,
  });
}

/**
 * Checks every row against the existing tree and the rest of the sheet. Returns the rows with
 * their problems and, when none has any, the creation order (every parent before its children).
 */
async function checkUnitRows(client: Tx | typeof db, rows: SheetRow<Field>[]) {
  const existing = await client.unit.findMany({ select: { id: true, code: true, path: true } });
  const existingByCode = new Map(existing.map((u) => [u.code.toUpperCase(), u]));
  const firstRowOf = new Map<string, number>(); // code → index into rows (first occurrence)
  const out: UnitImportPreviewRow[] = rows.map((r, i) => {
    const errors: string[] = [];
    if (Object.values(r.cells).some(hasControlChars))
      return { row: r.row, code: "", name: "", parentCode: null, kind: null, errors: ["含有不允许的控制字符"] };
    const code = r.cells.code.toUpperCase();
    if (!code) errors.push("缺少代码");
    else if (!codeSchema.safeParse(code).success) errors.push(`代码 ${code} 格式不对（2–32 位大写字母、数字或连字符）`);
    else if (existingByCode.has(code)) errors.push(`代码 ${code} 的单位已存在`);
    if (code && firstRowOf.has(code)) errors.push(`代码与第 ${rows[firstRowOf.get(code)!]!.row} 行重复`);
    else if (code) firstRowOf.set(code, i);
    const name = r.cells.name;
    if (!name) errors.push("缺少名称");
    else if (!nameSchema.safeParse(name).success) errors.push("名称超过 60 个字");
    const kind = KINDS[r.cells.kind.toUpperCase()] ?? KINDS[r.cells.kind] ?? null;
    if (!r.cells.kind) errors.push("缺少类别（分局 / 派出所 / 大队 / 警务团队）");
    else if (!kind) errors.push(`类别“${r.cells.kind}”应为 分局(BUREAU)、派出所(STATION)、大队(BRIGADE) 或 警务团队(TEAM)`);
    const parentCode = r.cells.parent.toUpperCase() || null;
    return { row: r.row, code, name, parentCode, kind, errors };
  });
  // Parents: an existing unit, or a row of this sheet; following sheet parents must end at an
  // existing unit or at a top-level row, never come back to a row already on the way (a cycle).
  for (const r of out) {
    if (!r.parentCode || !r.code) continue;
    if (r.parentCode === r.code) r.errors.push("上级不能是自己");
    else if (!existingByCode.has(r.parentCode) && !firstRowOf.has(r.parentCode)) r.errors.push(`未知上级单位“${r.parentCode}”`);
  }
  const state = new Map<number, "visiting" | "done">();
  const order: number[] = [];
  for (let start = 0; start < out.length; start++) {
    if (state.has(start) || firstRowOf.get(out[start]!.code) !== start) continue;
    const chain: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && !state.has(i)) {
      state.set(i, "visiting");
      chain.push(i);
      const p: string | null = out[i]!.parentCode;
      i = p && p !== out[i]!.code && !existingByCode.has(p) ? firstRowOf.get(p) : undefined;
    }
    if (i !== undefined && state.get(i) === "visiting") {
      const loop = chain.slice(chain.indexOf(i));
      const names = [...loop, i].map((k) => out[k]!.code).join(" → ");
      for (const k of loop) out[k]!.errors.push(`上级关系成环：${names}`);
    }
    for (const k of chain.reverse()) {
      state.set(k, "done");
      order.push(k);
    }
  }
  const errors = out.filter((r) => r.errors.length).map((r) => ({ row: r.row, message: r.errors.join("；") }));
  const planned: Planned[] = errors.length
    ? []
    : order.map((k) => {
        const r = out[k]!;
        return { row: r.row, code: r.code, name: r.name, kind: r.kind!, parentCode: r.parentCode };
      });
  return { rows: out, errors, planned, existingByCode };
}

export async function previewUnitImport(actor: Actor, input: { data: Buffer; fileName: string }): Promise<UnitImportPreview> {
  assertCan(actor, "units.manage");
  const { rows, errors } = await checkUnitRows(db, await parseUnitSheet(input.data, input.fileName));
  return { count: rows.length, rows, errors };
}

const rejected = (rows: UnitImportRowError[], message?: string) =>
  new AppError("IMPORT_REJECTED", message ?? `有 ${rows.length} 行错误，未创建任何单位`, { extra: { rows } });

/** Creates every unit of the sheet in one transaction, or none (400 IMPORT_REJECTED with every bad row). */
export async function commitUnitImport(actor: Actor, input: { data: Buffer; fileName: string }): Promise<{ created: number }> {
  assertCan(actor, "units.manage");
  const sheet = await parseUnitSheet(input.data, input.fileName);
  const fileName = input.fileName.slice(0, 200);
  try {
    return await db.$transaction(
      async (tx) => {
        // checked inside the transaction, so the parents' paths read here are the ones written under
        const { errors, planned, existingByCode } = await checkUnitRows(tx, sheet);
        if (errors.length) throw rejected(errors);
        const pathOf = new Map<string, { id: string; path: string }>(existingByCode);
        const data = planned.map((p) => {
          const id = `u${randomBytes(8).toString("hex")}`;
          const parent = p.parentCode ? pathOf.get(p.parentCode)! : null;
          const path = `${parent?.path ?? "/"}${id}/`;
          pathOf.set(p.code, { id, path });
          return { id, code: p.code, name: p.name, kind: p.kind, parentId: parent?.id ?? null, path };
        });
        for (let i = 0; i < data.length; i += 2000) await tx.unit.createMany({ data: data.slice(i, i + 2000) });
        await writeAudit(tx, {
          actor,
          action: "admin.unit.import",
          targetType: "Unit",
          target: fileName,
          details: { created: data.length, codes: data.map((d) => d.code) },
        });
        return { created: data.length };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (e) {
    // another administrator created one of these codes, or removed a parent, since the check
    if (isUniqueViolation(e) || isForeignKeyViolation(e)) throw rejected([], "单位表刚刚被他人修改，未创建任何单位；请重新预览");
    throw e;
  }
}
