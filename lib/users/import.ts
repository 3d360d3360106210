import "server-only";
import { hash } from "@node-rs/argon2";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { decryptField, encryptField } from "@/lib/crypto";
import { toXlsx } from "@/lib/export";
import { hasControlChars } from "@/lib/validation";
import { readSheet, type SheetRow } from "@/lib/uploads/sheet";
import { badgeNoSchema } from "./schemas";
import { generateTemporaryPassword } from "./users";

// Onboarding from a sheet (SYS_ADMIN, API.md "Administration → import"): upload → preview (every
// bad row listed, nothing written) → confirm (all or nothing). Accounts are identities only —
// 民警 OFFICER or 辅警 AUXILIARY; authorisations come from the security administrator. The
// initial passwords are kept encrypted on the UserImport row until the importing administrator
// fetches them once as an .xlsx (audited); the fetch erases them.

export const IMPORT_FIELDS = ["badgeNo", "name", "unit", "kind"] as const;
type Field = (typeof IMPORT_FIELDS)[number];
export const IMPORT_HEADERS_ZH: Record<Field, string> = { badgeNo: "警号", name: "姓名", unit: "单位", kind: "类别" };
type Kind = "OFFICER" | "AUXILIARY";
const KINDS: Record<string, Kind> = { OFFICER: "OFFICER", 民警: "OFFICER", AUXILIARY: "AUXILIARY", 辅警: "AUXILIARY" };

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

// Generated one-time passwords carry ~83 bits of randomness (14 characters of 63), so no
// guessing attack is helped by a slow hash; argon2id at a light cost lets 5,000 accounts be
// created in seconds instead of minutes. The user replaces it at first sign-in (full cost).
const ONE_TIME_HASH = { memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

export type ImportRowError = { row: number; message: string };
export type ImportPreviewRow = { row: number; badgeNo: string; name: string; unitName: string | null; kind: Kind | null; errors: string[] };
export type ImportPreview = { count: number; rows: ImportPreviewRow[]; errors: ImportRowError[] };
type CheckedRow = ImportPreviewRow & { unitId: string | null };

/** The sheet's rows keyed by field; `row` is the spreadsheet row number (header = 1). */
export async function parseUserSheet(data: Buffer, fileName: string): Promise<SheetRow<Field>[]> {
  return readSheet(data, fileName, {
    fields: IMPORT_FIELDS,
    headersZh: IMPORT_HEADERS_ZH,
    maxRows: MAX_IMPORT_ROWS,
    maxBytes: MAX_IMPORT_BYTES,
  });
}

/** Every row checked against the unit tree and the existing accounts; nothing written. */
async function checkRows(rows: Awaited<ReturnType<typeof parseUserSheet>>): Promise<CheckedRow[]> {
  const units = await db.unit.findMany({ select: { id: true, code: true, name: true } });
  const byCode = new Map(units.map((u) => [u.code.toUpperCase(), u]));
  const byName = new Map<string, (typeof units)[number][]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const badgeNos = [...new Set(rows.map((r) => r.cells.badgeNo.toUpperCase()).filter(Boolean))];
  const existing = new Set<string>();
  for (let i = 0; i < badgeNos.length; i += 5000) {
    const found = await db.user.findMany({ where: { badgeNo: { in: badgeNos.slice(i, i + 5000) } }, select: { badgeNo: true } });
    for (const u of found) existing.add(u.badgeNo);
  }
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const errors: string[] = [];
    // NUL and other control characters cannot be stored as text (and have no place in a name)
    if (Object.values(r.cells).some(hasControlChars))
      return { row: r.row, badgeNo: "", name: "", unitName: null, unitId: null, kind: null, errors: ["含有不允许的控制字符"] };
    const badgeNo = r.cells.badgeNo.toUpperCase();
    const parsedBadge = badgeNoSchema.safeParse(badgeNo);
    if (!badgeNo) errors.push("缺少警号");
    else if (!parsedBadge.success) errors.push(`警号 ${badgeNo} 格式不对（4–16 位大写字母或数字）`);
    else if (existing.has(badgeNo)) errors.push(`警号 ${badgeNo} 已有账户`);
    if (badgeNo && seen.has(badgeNo)) errors.push(`警号与第 ${seen.get(badgeNo)} 行重复`);
    else if (badgeNo) seen.set(badgeNo, r.row);
    const name = r.cells.name;
    if (!name) errors.push("缺少姓名");
    else if (name.length > 40) errors.push("姓名超过 40 个字");
    let unit: (typeof units)[number] | undefined;
    if (!r.cells.unit) errors.push("缺少单位");
    else {
      unit = byCode.get(r.cells.unit.toUpperCase());
      if (!unit) {
        const named = byName.get(r.cells.unit) ?? [];
        if (named.length > 1) errors.push(`单位名称“${r.cells.unit}”不唯一，请填写单位编码`);
        else if (!named.length) errors.push(`未知单位“${r.cells.unit}”`);
        else unit = named[0];
      }
    }
    const kind = KINDS[r.cells.kind.toUpperCase()] ?? KINDS[r.cells.kind] ?? null;
    if (!r.cells.kind) errors.push("缺少类别（民警 / 辅警）");
    else if (!kind) errors.push(`类别“${r.cells.kind}”应为 民警(OFFICER) 或 辅警(AUXILIARY)`);
    return { row: r.row, badgeNo, name, unitName: unit?.name ?? null, unitId: unit?.id ?? null, kind, errors };
  });
}

const rowErrors = (checked: CheckedRow[]): ImportRowError[] =>
  checked.filter((r) => r.errors.length).map((r) => ({ row: r.row, message: r.errors.join("；") }));

/** The preview of an upload: every row with its problems (a page shows the first rows, and every bad one). */
export async function previewUserImport(actor: Actor, input: { data: Buffer; fileName: string }): Promise<ImportPreview> {
  assertCan(actor, "users.manage");
  const checked = await checkRows(await parseUserSheet(input.data, input.fileName));
  return {
    count: checked.length,
    rows: checked.map((r) => ({ row: r.row, badgeNo: r.badgeNo, name: r.name, unitName: r.unitName, kind: r.kind, errors: r.errors })),
    errors: rowErrors(checked),
  };
}

function importRejected(rows: ImportRowError[], message?: string) {
  return new AppError("IMPORT_REJECTED", message ?? `有 ${rows.length} 行错误，未创建任何账户`, { extra: { rows } });
}

type PasswordRow = { badgeNo: string; name: string; unitName: string; kind: Kind; password: string };

/**
 * Creates every account of the sheet in one transaction, or none: any bad row rejects the file
 * with every bad row listed (400 IMPORT_REJECTED). Each account gets a one-time password it must
 * change at first sign-in; the passwords wait, encrypted, for one download (downloadImportPasswords).
 */
export async function commitUserImport(
  actor: Actor,
  input: { data: Buffer; fileName: string },
): Promise<{ created: number; importId: string }> {
  assertCan(actor, "users.manage");
  const checked = await checkRows(await parseUserSheet(input.data, input.fileName));
  const bad = rowErrors(checked);
  if (bad.length) throw importRejected(bad);
  const passwords: PasswordRow[] = checked.map((r) => ({
    badgeNo: r.badgeNo,
    name: r.name,
    unitName: r.unitName!,
    kind: r.kind!,
    password: generateTemporaryPassword(),
  }));
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 500) {
    hashes.push(...(await Promise.all(passwords.slice(i, i + 500).map((p) => hash(p.password, ONE_TIME_HASH)))));
  }
  const fileName = input.fileName.slice(0, 200);
  try {
    return await db.$transaction(
      async (tx) => {
        const ids: string[] = [];
        for (let i = 0; i < checked.length; i += 2000) {
          const made = await tx.user.createManyAndReturn({
            data: checked.slice(i, i + 2000).map((r) => ({ badgeNo: r.badgeNo, name: r.name, unitId: r.unitId!, roles: [r.kind!] })),
            select: { id: true, badgeNo: true },
          });
          const idOf = new Map(made.map((u) => [u.badgeNo, u.id]));
          ids.push(...checked.slice(i, i + 2000).map((r) => idOf.get(r.badgeNo)!));
        }
        for (let i = 0; i < ids.length; i += 2000) {
          await tx.credential.createMany({
            data: ids.slice(i, i + 2000).map((userId, k) => ({ userId, passwordHash: hashes[i + k]!, mustChange: true })),
          });
        }
        const imp = await tx.userImport.create({
          data: { importedById: actor.id, fileName, rowCount: checked.length, passwordsEnc: encryptField(JSON.stringify(passwords)) },
          select: { id: true },
        });
        await writeAudit(tx, {
          actor,
          action: "admin.user.import",
          targetType: "UserImport",
          targetId: imp.id,
          target: fileName,
          details: {
            created: checked.length,
            officers: checked.filter((r) => r.kind === "OFFICER").length,
            auxiliaries: checked.filter((r) => r.kind === "AUXILIARY").length,
            badgeNos: checked.map((r) => r.badgeNo),
          },
        });
        return { created: checked.length, importId: imp.id };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (e) {
    // another administrator created one of these badge numbers since the check
    if (isUniqueViolation(e)) throw importRejected([], "部分警号刚刚已被创建，未创建任何账户；请重新预览");
    throw e;
  }
}

export type UserImportDto = { id: string; fileName: string; rowCount: number; createdAt: Date; downloadedAt: Date | null };

/** The importing administrator's own imports, newest first, with whether their passwords were fetched. */
export async function listUserImports(actor: Actor): Promise<UserImportDto[]> {
  assertCan(actor, "users.manage");
  return db.userImport.findMany({
    where: { importedById: actor.id },
    select: { id: true, fileName: true, rowCount: true, createdAt: true, downloadedAt: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}

/**
 * The initial passwords of an import as an .xlsx, once: the fetch erases them in the same
 * transaction that reads them (row locked, so two simultaneous fetches give one file), audited.
 * Only the administrator who imported may fetch (another gets NOT_FOUND); a second fetch is 410
 * ALREADY_DOWNLOADED — reset the password of an account whose sheet was lost.
 */
export async function downloadImportPasswords(actor: Actor, importId: string): Promise<{ file: Buffer; fileName: string }> {
  assertCan(actor, "users.manage");
  const passwords = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ passwordsEnc: string | null; fileName: string }[]>`
      SELECT "passwordsEnc", "fileName" FROM "UserImport" WHERE id = ${importId} AND "importedById" = ${actor.id} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw notFound("导入记录");
    if (!row.passwordsEnc) throw new AppError("ALREADY_DOWNLOADED", "初始密码表只能下载一次，已被下载；如有遗失请逐个重置密码");
    await tx.userImport.update({ where: { id: importId }, data: { passwordsEnc: null, downloadedAt: new Date() } });
    const list = JSON.parse(decryptField(row.passwordsEnc)) as PasswordRow[];
    await writeAudit(tx, {
      actor,
      action: "admin.user.import.passwords",
      targetType: "UserImport",
      targetId: importId,
      target: row.fileName,
      details: { accounts: list.length },
    });
    return list;
  });
  const file = await toXlsx(
    passwords,
    [
      { header: "警号", value: (p) => p.badgeNo, kind: "text", width: 14 },
      { header: "姓名", value: (p) => p.name, width: 12 },
      { header: "单位", value: (p) => p.unitName, width: 24 },
      { header: "类别", value: (p) => (p.kind === "AUXILIARY" ? "辅警" : "民警"), width: 8 },
      { header: "初始密码（首次登录须修改）", value: (p) => p.password, kind: "text", width: 22 },
    ],
    "初始密码",
  );
  return { file, fileName: `初始密码-${importId}.xlsx` };
}
