import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { decryptField } from "@/lib/crypto";
import { checkPayLine } from "./integrity";
import { db } from "@/lib/db";
import { csvLine, csvRow, streamXlsx, toCsv, toXlsx, type Column } from "@/lib/export";
import { assertHr } from "./access";
import { iterateRoster, type ProfileRow } from "./queries";
import type { RosterQuery } from "./schemas";
import { PAY_HEADERS_ZH } from "./pay-import";
import { listEntitlements } from "./equipment";
import { getCampaign } from "./campaigns";
import { listCandidates } from "./promotion";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertStepUp } from "@/lib/auth/step-up";
import { unitSubtreeSql } from "@/lib/unit-tree";
import { HOUR_MS } from "@/lib/time";

const POST = { DUTY: "勤务", CIVILIAN: "文职" } as const;
const STATUS = { ACTIVE: "在岗", LEFT: "离岗" } as const;

/** Full ID numbers leave the system at most this often per person (per rolling hour). */
export const FULL_EXPORT_LIMIT_PER_HOUR = 3;

const fullExportSchema = z.object({
  reason: z.string("请写明导出事由").trim().min(4, "请写明导出事由（至少 4 个字）").max(200, "事由不超过 200 字"),
});

/** Full ID numbers: a reason, the password again (and the second factor where enrolled). */
export type FullExportRequest = { reason: string; password: string; otp?: string };

/**
 * The roster as a spreadsheet. ID numbers are masked unless `full` carries a reason and a
 * successful step-up (lib/auth/step-up.ts); full exports are rate-limited per person and audited
 * (one entry naming the reason and how many numbers left the system).
 */
export async function exportRoster(
  actor: Actor,
  q: Partial<RosterQuery>,
  format: "csv" | "xlsx",
  full: false | FullExportRequest,
): Promise<Buffer | string> {
  assertHr(actor);
  let reason: string | undefined;
  if (full) {
    reason = parseInput(fullExportSchema, full).reason;
    const recent = await db.auditLog.count({
      where: { action: "benefits.roster.export_full", actorId: actor.id, outcome: "SUCCESS", at: { gt: new Date(Date.now() - HOUR_MS) } },
    });
    if (recent >= FULL_EXPORT_LIMIT_PER_HOUR) {
      await writeAudit(db, { actor, action: "benefits.roster.export_full", outcome: "DENIED", details: { reason: "rate_limited" } });
      throw new AppError("RATE_LIMITED", `完整身份证号每小时最多导出 ${FULL_EXPORT_LIMIT_PER_HOUR} 次，请稍后再试`);
    }
    await assertStepUp(actor, full, "benefits.roster.export_full");
  }
  const rows: (ProfileRow & { idText: string })[] = [];
  const encById = new Map<string, string>();
  for await (const r of iterateRoster(actor, q)) rows.push({ ...r, idText: r.idNumberMasked });
  if (full) {
    const enc = await db.auxiliaryProfile.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      select: { id: true, idNumberEnc: true },
    });
    for (const e of enc) encById.set(e.id, e.idNumberEnc);
    for (const r of rows) r.idText = decryptField(encById.get(r.id)!);
  }
  await writeAudit(db, {
    actor,
    action: full ? "benefits.roster.export_full" : "benefits.roster.export",
    target: `${rows.length} 人`,
    details: { format, rows: rows.length, fullIdNumbers: !!full, ...(reason ? { reason } : {}) },
  });
  const columns: Column<(typeof rows)[number]>[] = [
    { header: "辅警编号", value: (r) => r.auxNo, kind: "text" },
    { header: "姓名", value: (r) => r.name },
    { header: "身份证号", value: (r) => r.idText, width: 22, kind: "text" },
    { header: "单位", value: (r) => r.unit.name, width: 20 },
    { header: "岗位", value: (r) => POST[r.post] },
    { header: "层级", value: (r) => r.level, kind: "number" },
    { header: "入职日期", value: (r) => r.hireDate, width: 12, kind: "date" },
    { header: "招聘批次", value: (r) => r.batch },
    { header: "状态", value: (r) => STATUS[r.status] },
  ];
  return format === "csv" ? toCsv(rows, columns) : toXlsx(rows, columns, "辅警花名册");
}

const PAY_KEYS = [
  "base",
  "levelAllowance",
  "seniorityAllowance",
  "performance",
  "socialInsurance",
  "housingFund",
  "deductions",
  "net",
] as const;

type PayLineRow = { id: string; profileId: string; seal: string | null; month: string; auxNo: string; name: string } & Record<
  (typeof PAY_KEYS)[number],
  string
>;

/** Pay lines in scope in keyset-paginated batches (on the primary key), amounts as exact text. */
async function* payLineBatches(actor: Actor, month: string | null, batch: number): AsyncGenerator<PayLineRow[]> {
  let cursor = "";
  for (;;) {
    const rows = await db.$queryRaw<PayLineRow[]>`
      SELECT l.id, l."profileId", l.seal, l.month, p."auxNo", p.name, l.base::text AS base, l."levelAllowance"::text AS "levelAllowance", l."seniorityAllowance"::text AS "seniorityAllowance",
             l.performance::text AS performance, l."socialInsurance"::text AS "socialInsurance", l."housingFund"::text AS "housingFund", l.deductions::text AS deductions, l.net::text AS net
      FROM "PayLine" l JOIN "AuxiliaryProfile" p ON p.id = l."profileId" JOIN "Unit" u ON u.id = p."unitId"
      WHERE ${unitSubtreeSql("u.path", actor.unitPath)} AND (${month}::text IS NULL OR l.month = ${month}) AND l.id > ${cursor}
      ORDER BY l.id LIMIT ${batch}`;
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

const PAY_LINE_COLUMNS: Column<PayLineRow>[] = [
  { header: "月份", value: (r) => r.month, kind: "text" },
  { header: "辅警编号", value: (r) => r.auxNo, kind: "text" },
  { header: "姓名", value: (r) => r.name },
  ...PAY_KEYS.map((k) => ({ header: PAY_HEADERS_ZH[k], value: (r: PayLineRow) => r[k], width: 12, kind: "money" as const })),
  // a line changed behind the application leaves the system flagged, not as genuine
  { header: "数据校验", value: (r) => (checkPayLine(r) === "OK" ? "正常" : "数据校验失败"), kind: "text" },
];

/**
 * Every pay line in scope as CSV or .xlsx, streamed: read in keyset-paginated batches and written
 * to the stream as the client pulls, so memory stays bounded whatever the number of lines.
 */
export async function streamPayLines(
  actor: Actor,
  opts: { month?: string; batchSize?: number; format?: "csv" | "xlsx" } = {},
): Promise<ReadableStream<Uint8Array>> {
  assertHr(actor);
  const format = opts.format ?? "csv";
  await writeAudit(db, {
    actor,
    action: "benefits.pay.export",
    target: opts.month ?? "全部",
    details: { month: opts.month ?? null, format },
  });
  const batches = payLineBatches(actor, opts.month ?? null, opts.batchSize ?? 2000);
  if (format === "xlsx") return streamXlsx(batches, PAY_LINE_COLUMNS, "工资明细");
  const enc = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(enc.encode("\uFEFF" + csvLine(PAY_LINE_COLUMNS.map((c) => c.header))));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        let chunk = "";
        for (const r of next.value) chunk += csvRow(r, PAY_LINE_COLUMNS);
        controller.enqueue(enc.encode(chunk));
      },
    },
    { highWaterMark: 1 },
  );
}

export async function exportEquipmentDue(actor: Actor, format: "csv" | "xlsx"): Promise<Buffer | string> {
  assertHr(actor);
  const rows = (await listEntitlements(actor, { withinDays: 90 }))
    .filter((d) => d.state !== "OK")
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  const state = { OWED: "应发未发", DUE_SOON: "90天内到期", OK: "未到期" } as const;
  const columns: Column<(typeof rows)[number]>[] = [
    { header: "辅警编号", value: (r) => r.auxNo, kind: "text" },
    { header: "姓名", value: (r) => r.name },
    { header: "单位", value: (r) => r.unitName, width: 20 },
    { header: "物品", value: (r) => r.itemName, width: 14 },
    { header: "数量", value: (r) => r.quantity, kind: "number" },
    { header: "尺码", value: (r) => r.size, kind: "text" },
    { header: "上次发放", value: (r) => r.lastIssuedOn, width: 12, kind: "date" },
    { header: "应发日期", value: (r) => r.dueOn, width: 12, kind: "date" },
    { header: "状态", value: (r) => state[r.state] },
  ];
  return format === "csv" ? toCsv(rows, columns) : toXlsx(rows, columns, "被装到期清单");
}

/** One campaign's visits. */
export async function exportCampaign(actor: Actor, campaignId: string, format: "csv" | "xlsx"): Promise<Buffer | string> {
  const c = await getCampaign(actor, campaignId);
  const columns: Column<(typeof c.visits)[number]>[] = [
    { header: "走访日期", value: (v) => v.visitedOn, width: 12, kind: "date" },
    { header: "辅警编号", value: (v) => v.profile.auxNo, kind: "text" },
    { header: "姓名", value: (v) => v.profile.name },
    { header: "单位", value: (v) => v.profile.unitName, width: 20 },
    { header: "走访对象", value: (v) => v.visitee },
    { header: "走访人", value: (v) => v.visitors, width: 20 },
    { header: "事由", value: (v) => v.reason, width: 20 },
    { header: "慰问品", value: (v) => v.gift },
    { header: "慰问金", value: (v) => v.amount, kind: "money" },
  ];
  return format === "csv" ? toCsv(c.visits, columns) : toXlsx(c.visits, columns, c.name.slice(0, 30));
}

/** The promotion candidate list with each person's reasons. */
export async function exportCandidates(actor: Actor, format: "csv" | "xlsx"): Promise<Buffer | string> {
  const rows = await listCandidates(actor);
  const columns: Column<(typeof rows)[number]>[] = [
    { header: "辅警编号", value: (r) => r.auxNo, kind: "text" },
    { header: "姓名", value: (r) => r.name },
    { header: "单位", value: (r) => r.unitName, width: 20 },
    { header: "层级", value: (r) => r.level, kind: "number" },
    { header: "任现层级起", value: (r) => r.levelSince, width: 12, kind: "date" },
    { header: "任职年限", value: (r) => r.years, kind: "number" },
    { header: "最近考核", value: (r) => r.lastAssessment },
    { header: "符合条件", value: (r) => (r.eligible ? "是" : "否") },
    { header: "原因", value: (r) => r.reasons.join("；"), width: 40 },
  ];
  return format === "csv" ? toCsv(rows, columns) : toXlsx(rows, columns, "晋升候选");
}

/** A pay-sheet template: the headers the import reads, one row per active person in scope (姓名 is ignored on import). */
export async function exportPayTemplate(actor: Actor, format: "csv" | "xlsx"): Promise<Buffer | string> {
  assertHr(actor);
  const rows: ProfileRow[] = [];
  for await (const r of iterateRoster(actor, { status: "ACTIVE" })) rows.push(r);
  rows.sort((a, b) => (a.auxNo < b.auxNo ? -1 : 1));
  const columns: Column<ProfileRow>[] = [
    { header: PAY_HEADERS_ZH.auxNo, value: (r) => r.auxNo, kind: "text" },
    { header: "姓名", value: (r) => r.name },
    ...PAY_KEYS.map((k) => ({ header: PAY_HEADERS_ZH[k], value: () => "", width: 12, kind: "money" as const })),
  ];
  return format === "csv" ? toCsv(rows, columns) : toXlsx(rows, columns, "工资表");
}
