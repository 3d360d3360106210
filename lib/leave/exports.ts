import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { toCsv, toXlsx, type Column } from "@/lib/export";
import { formatShanghai, shanghaiYear } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { iterateRequests, listBalances, overseenPeople, type LeaveRequestDto, type PersonBalanceDto } from "./queries";
import { exportQuerySchema, LEAVE_STATUS_ZH, LEAVE_TYPE_ZH } from "./schemas";

// Spreadsheets of the people a lead or HR oversees (the visibility rule of queries.ts). Reasons
// stay out of exports: a sick-leave reason can be health information. Each export is audited.

export type ExportFile = { body: Buffer | string; filename: string; format: "csv" | "xlsx" };

export async function exportRequests(actor: Actor, raw: unknown): Promise<ExportFile> {
  overseenPeople(actor); // FORBIDDEN for anyone who oversees no one
  const q = parseInput(exportQuerySchema, raw);
  const rows: LeaveRequestDto[] = [];
  for await (const r of iterateRequests(actor, { scope: "unit", status: q.status, type: q.type, year: q.year, pageSize: 100 }))
    rows.push(r);
  rows.sort((a, b) => (a.from === b.from ? a.user.badgeNo.localeCompare(b.user.badgeNo) : a.from < b.from ? -1 : 1));
  await writeAudit(db, {
    actor,
    action: "leave.requests.export",
    target: `${rows.length} 条`,
    details: { format: q.format, rows: rows.length, year: q.year ?? null, status: q.status ?? null },
  });
  const columns: Column<LeaveRequestDto>[] = [
    { header: "警号", value: (r) => r.user.badgeNo },
    { header: "姓名", value: (r) => r.user.name },
    { header: "单位", value: (r) => r.user.unit.name, width: 20 },
    { header: "类型", value: (r) => LEAVE_TYPE_ZH[r.type] },
    { header: "开始日期", value: (r) => r.from, width: 12 },
    { header: "结束日期", value: (r) => r.to, width: 12 },
    { header: "工作日", value: (r) => r.days },
    { header: "状态", value: (r) => LEAVE_STATUS_ZH[r.status] },
    { header: "审批人", value: (r) => r.decidedBy?.name },
    { header: "审批时间", value: (r) => (r.decidedAt ? formatShanghai(r.decidedAt) : ""), width: 18 },
    { header: "审批意见", value: (r) => r.comment, width: 24 },
    { header: "申请时间", value: (r) => formatShanghai(r.createdAt), width: 18 },
  ];
  const name = `休假申请${q.year ? `-${q.year}` : ""}.${q.format}`;
  return { body: q.format === "csv" ? toCsv(rows, columns) : await toXlsx(rows, columns, "休假申请"), filename: name, format: q.format };
}

export async function exportBalances(actor: Actor, raw: unknown, now = new Date()): Promise<ExportFile> {
  overseenPeople(actor);
  const q = parseInput(exportQuerySchema, raw);
  const year = q.year ?? shanghaiYear(now);
  const rows: PersonBalanceDto[] = [];
  for (let page = 1; ; page++) {
    const p = await listBalances(actor, { year, page, pageSize: 1000 });
    rows.push(...p.items);
    if (rows.length >= p.total || !p.items.length) break;
  }
  await writeAudit(db, {
    actor,
    action: "leave.balances.export",
    target: `${rows.length} 人`,
    details: { format: q.format, year, rows: rows.length },
  });
  const columns: Column<PersonBalanceDto>[] = [
    { header: "警号", value: (r) => r.user.badgeNo },
    { header: "姓名", value: (r) => r.user.name },
    { header: "单位", value: (r) => r.user.unit.name, width: 20 },
    { header: "参加工作时间", value: (r) => r.serviceStartDate ?? "未登记", width: 14 },
    { header: `工龄（截至${year}-01-01）`, value: (r) => r.serviceYears, width: 20 },
    { header: "应休天数", value: (r) => r.entitlementDays },
    { header: "已休天数", value: (r) => r.usedDays },
    { header: "待审批天数", value: (r) => r.pendingDays },
    { header: "剩余天数", value: (r) => r.remainingDays },
  ];
  const filename = `${year}年年休假余额.${q.format}`;
  return { body: q.format === "csv" ? toCsv(rows, columns) : await toXlsx(rows, columns, `${year}年休假余额`), filename, format: q.format };
}
