import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db, type Tx } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { readSheet, type SheetRow } from "@/lib/uploads/sheet";
import { findControlChars, fieldErrors } from "@/lib/validation";
import { assertHr } from "./access";
import { idFields } from "./mutations";
import { createProfileSchema, type CreateProfileInput } from "./schemas";
import { dayToDate } from "@/lib/time";
import { unitSubtree } from "@/lib/unit-tree";

// Auxiliary profiles from a sheet (HR, issue 12 item 2), the way the user import works: preview
// (every bad row listed, nothing written) → confirm (all or nothing, audited). Each row passes the
// single create's own schema (createProfileSchema, ID checksum included) and is stored exactly as
// createAuxiliary stores it (idFields: encrypted, blind-indexed, masked). Units only in the HR
// officer's subtree; 辅警编号 and 身份证号 unique within the sheet and against every profile.

export const AUX_IMPORT_FIELDS = [
  "auxNo",
  "name",
  "idNumber",
  "unit",
  "post",
  "hireDate",
  "level",
  "batch",
  "contractStart",
  "contractEnd",
  "phone",
] as const;
type Field = (typeof AUX_IMPORT_FIELDS)[number];
export const AUX_IMPORT_HEADERS_ZH: Record<Field, string> = {
  auxNo: "辅警编号",
  name: "姓名",
  idNumber: "身份证号",
  unit: "单位",
  post: "岗位",
  hireDate: "入职日期",
  level: "层级",
  batch: "招聘批次",
  contractStart: "合同开始",
  contractEnd: "合同结束",
  phone: "联系电话",
};
const OPTIONAL: Field[] = ["batch", "contractStart", "contractEnd", "phone"];
const POSTS: Record<string, "DUTY" | "CIVILIAN"> = { DUTY: "DUTY", 勤务: "DUTY", CIVILIAN: "CIVILIAN", 文职: "CIVILIAN" };
export const MAX_AUX_IMPORT_ROWS = 10_000;

export type AuxImportRowError = { row: number; message: string };
export type AuxImportPreviewRow = {
  row: number;
  auxNo: string;
  name: string;
  idNumberMasked: string | null;
  unitName: string | null;
  errors: string[];
};
export type AuxImportPreview = { count: number; rows: AuxImportPreviewRow[]; errors: AuxImportRowError[] };
type Checked = AuxImportPreviewRow & { input: CreateProfileInput | null; id: ReturnType<typeof idFields> | null };

export function parseAuxSheet(data: Buffer, fileName: string): Promise<SheetRow<Field>[]> {
  return readSheet(data, fileName, {
    fields: AUX_IMPORT_FIELDS,
    headersZh: AUX_IMPORT_HEADERS_ZH,
    optional: OPTIONAL,
    maxRows: MAX_AUX_IMPORT_ROWS,
  });
}

const fieldLabel = (k: string) => AUX_IMPORT_HEADERS_ZH[(k === "unitId" ? "unit" : k) as Field] ?? k;

async function findIn<T>(keys: string[], find: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += 5000) out.push(...(await find(keys.slice(i, i + 5000))));
  return out;
}

async function checkAuxRows(client: Tx | typeof db, actor: Actor, rows: SheetRow<Field>[]): Promise<Checked[]> {
  const units = await client.unit.findMany({
    where: unitSubtree(actor.unitPath),
    select: { id: true, code: true, name: true },
  });
  const byCode = new Map(units.map((u) => [u.code.toUpperCase(), u]));
  const byName = new Map<string, (typeof units)[number][]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);

  const checked: Checked[] = rows.map((r) => {
    const base = {
      row: r.row,
      auxNo: r.cells.auxNo.toUpperCase(),
      name: r.cells.name,
      idNumberMasked: null,
      unitName: null,
      input: null,
      id: null,
    };
    if (findControlChars(r.cells)) return { ...base, auxNo: "", name: "", errors: ["含有不允许的控制字符"] };
    const errors: string[] = [];
    let unit: (typeof units)[number] | undefined;
    if (!r.cells.unit) errors.push("缺少单位");
    else {
      unit = byCode.get(r.cells.unit.toUpperCase());
      const named = unit ? [] : (byName.get(r.cells.unit) ?? []);
      if (!unit && named.length > 1) errors.push(`单位名称“${r.cells.unit}”不唯一，请填写单位编码`);
      else if (!unit && !named.length) errors.push(`单位“${r.cells.unit}”不存在或不在本单位及下级单位中`);
      else unit ??= named[0];
    }
    const post = POSTS[r.cells.post.toUpperCase()] ?? POSTS[r.cells.post];
    if (r.cells.post && !post) errors.push(`岗位“${r.cells.post}”应为 勤务(DUTY) 或 文职(CIVILIAN)`);
    const parsed = createProfileSchema.safeParse({
      auxNo: base.auxNo,
      name: r.cells.name,
      idNumber: r.cells.idNumber,
      unitId: unit?.id ?? "?",
      post: post ?? (r.cells.post ? "DUTY" : undefined),
      hireDate: r.cells.hireDate,
      level: r.cells.level,
      batch: r.cells.batch,
      contractStart: r.cells.contractStart,
      contractEnd: r.cells.contractEnd,
      phone: r.cells.phone,
    });
    if (!parsed.success)
      for (const [k, m] of Object.entries(fieldErrors(parsed.error)))
        errors.push(k === "post" ? "缺少岗位（勤务 / 文职）" : m.includes(fieldLabel(k)) ? m : `${fieldLabel(k)}：${m}`);
    const id = parsed.success ? idFields(parsed.data.idNumber) : null;
    return {
      ...base,
      unitName: unit?.name ?? null,
      idNumberMasked: id?.idNumberMasked ?? null,
      input: parsed.success ? parsed.data : null,
      id,
      errors,
    };
  });

  // duplicates within the sheet, then against every stored profile (the blind index, never the plain number)
  const seenNo = new Map<string, number>();
  const seenId = new Map<string, number>();
  for (const c of checked) {
    if (c.auxNo && seenNo.has(c.auxNo)) c.errors.push(`辅警编号与第 ${seenNo.get(c.auxNo)} 行重复`);
    else if (c.auxNo) seenNo.set(c.auxNo, c.row);
    if (c.id && seenId.has(c.id.idNumberHash)) c.errors.push(`身份证号与第 ${seenId.get(c.id.idNumberHash)} 行重复`);
    else if (c.id) seenId.set(c.id.idNumberHash, c.row);
  }
  const takenNos = new Set(
    (
      await findIn([...seenNo.keys()], (chunk) =>
        client.auxiliaryProfile.findMany({ where: { auxNo: { in: chunk } }, select: { auxNo: true } }),
      )
    ).map((p) => p.auxNo),
  );
  const takenIds = new Set(
    (
      await findIn([...seenId.keys()], (chunk) =>
        client.auxiliaryProfile.findMany({ where: { idNumberHash: { in: chunk } }, select: { idNumberHash: true } }),
      )
    ).map((p) => p.idNumberHash),
  );
  for (const c of checked) {
    if (takenNos.has(c.auxNo)) c.errors.push(`辅警编号 ${c.auxNo} 已存在`);
    if (c.id && takenIds.has(c.id.idNumberHash)) c.errors.push("该身份证号已登记");
  }
  return checked;
}

const rowErrors = (checked: Checked[]): AuxImportRowError[] =>
  checked.filter((r) => r.errors.length).map((r) => ({ row: r.row, message: r.errors.join("；") }));

/** What the preview shows of a checked row: not the parsed input, not the ID number's stored forms. */
function toPreviewRow(c: Checked): AuxImportPreviewRow {
  const rest: Partial<Checked> = { ...c };
  delete rest.input;
  delete rest.id;
  return rest as AuxImportPreviewRow;
}

export async function previewAuxImport(actor: Actor, input: { data: Buffer; fileName: string }): Promise<AuxImportPreview> {
  assertHr(actor);
  const checked = await checkAuxRows(db, actor, await parseAuxSheet(input.data, input.fileName));
  return { count: checked.length, rows: checked.map(toPreviewRow), errors: rowErrors(checked) };
}

const rejected = (rows: AuxImportRowError[], message?: string) =>
  new AppError("IMPORT_REJECTED", message ?? `有 ${rows.length} 行错误，未导入任何辅警档案`, { extra: { rows } });

/**
 * Files every profile of the sheet in one transaction, or none. Like createAuxiliary, a profile
 * is linked to the AUXILIARY account with the same number when that account has no profile yet.
 */
export async function commitAuxImport(
  actor: Actor,
  input: { data: Buffer; fileName: string },
): Promise<{ created: number; linked: number }> {
  assertHr(actor);
  const sheet = await parseAuxSheet(input.data, input.fileName);
  const fileName = input.fileName.slice(0, 200);
  try {
    return await db.$transaction(
      async (tx) => {
        const checked = await checkAuxRows(tx, actor, sheet);
        const bad = rowErrors(checked);
        if (bad.length) throw rejected(bad);
        const accounts = await findIn(
          checked.map((c) => c.auxNo),
          (chunk) =>
            tx.user.findMany({
              where: { badgeNo: { in: chunk }, roles: { has: "AUXILIARY" }, auxiliaryProfile: null },
              select: { id: true, badgeNo: true },
            }),
        );
        const accountOf = new Map(accounts.map((a) => [a.badgeNo, a.id]));
        const data = checked.map(({ input: p, id }) => ({
          auxNo: p!.auxNo,
          name: p!.name,
          idNumberEnc: id!.idNumberEnc,
          idNumberHash: id!.idNumberHash,
          idNumberMasked: id!.idNumberMasked,
          gender: id!.gender,
          birthYear: id!.birthYear,
          unitId: p!.unitId,
          post: p!.post,
          batch: p!.batch ?? null,
          hireDate: dayToDate(p!.hireDate),
          contractStart: p!.contractStart ? dayToDate(p!.contractStart) : null,
          contractEnd: p!.contractEnd ? dayToDate(p!.contractEnd) : null,
          level: p!.level,
          levelSince: dayToDate(p!.hireDate),
          status: p!.status,
          phone: p!.phone ?? null,
          userId: accountOf.get(p!.auxNo) ?? null,
        }));
        for (let i = 0; i < data.length; i += 1000) await tx.auxiliaryProfile.createMany({ data: data.slice(i, i + 1000) });
        await writeAudit(tx, {
          actor,
          action: "benefits.profile.import",
          targetType: "AuxiliaryProfile",
          target: fileName,
          details: { created: data.length, linkedAccounts: accountOf.size, auxNos: data.map((d) => d.auxNo) },
        });
        return { created: data.length, linked: accountOf.size };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw rejected([], "部分辅警编号或身份证号刚刚已被登记，未导入任何档案；请重新预览");
    throw e;
  }
}
