import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { fileResponse, toCsv, toXlsx, type Column } from "@/lib/export";
import { parseInput } from "@/lib/validation";
import { shanghaiYear } from "@/lib/time";
import { getTrainingStats } from "./stats";
import { listUnitCompliance } from "./queries";

// The statistics page's tables as spreadsheets, one file per table (each keeps its own columns),
// from the same getTrainingStats the page renders, so the file and the page never disagree.

export const statsExportSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  table: z.enum(["month", "category", "unit", "lecturer"]).default("unit"),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

type Row = Record<string, string | number | null>;
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);

export async function exportTrainingStats(actor: Actor, raw: unknown, now = new Date()): Promise<Response> {
  const q = parseInput(statsExportSchema, raw);
  const year = q.year ?? shanghaiYear(now);
  const s = await getTrainingStats(actor, year);
  const tables: Record<typeof q.table, { name: string; rows: Row[]; columns: Column<Row>[] }> = {
    month: {
      name: "按月",
      rows: s.byMonth.map((m) => ({ month: `${year}-${String(m.month).padStart(2, "0")}`, sessions: m.sessions, attended: m.attended })),
      columns: [
        { header: "月份", value: (r) => r.month, kind: "text" },
        { header: "场次", value: (r) => r.sessions, kind: "number" },
        { header: "出勤人次", value: (r) => r.attended, kind: "number" },
      ],
    },
    category: {
      name: "按类别",
      rows: s.byCategory.map((c) => ({ code: c.code, name: c.name, sessions: c.sessions, attended: c.attended })),
      columns: [
        { header: "类别代码", value: (r) => r.code, kind: "text" },
        { header: "类别", value: (r) => r.name, width: 20 },
        { header: "场次", value: (r) => r.sessions, kind: "number" },
        { header: "出勤人次", value: (r) => r.attended, kind: "number" },
      ],
    },
    unit: {
      name: "按单位",
      rows: s.byUnit.map((u) => ({ unit: u.unitName, enrolled: u.enrolled, attended: u.attended, rate: pct(u.attended, u.enrolled) })),
      columns: [
        { header: "单位", value: (r) => r.unit, width: 24 },
        { header: "报名人次", value: (r) => r.enrolled, kind: "number" },
        { header: "出勤人次", value: (r) => r.attended, kind: "number" },
        { header: "出勤率(%)", value: (r) => r.rate, kind: "number" },
      ],
    },
    lecturer: {
      name: "授课人",
      rows: s.byLecturer.map((l) => ({
        name: l.name,
        affiliation: l.affiliation,
        sessions: l.sessions,
        ratings: l.ratings,
        average: l.average === null ? null : Math.round(l.average * 100) / 100,
      })),
      columns: [
        { header: "授课人", value: (r) => r.name },
        { header: "单位", value: (r) => r.affiliation, width: 24 },
        { header: "场次", value: (r) => r.sessions, kind: "number" },
        { header: "评价数", value: (r) => r.ratings, kind: "number" },
        { header: "平均评分", value: (r) => r.average, kind: "number" },
      ],
    },
  };
  const t = tables[q.table];
  await writeAudit(db, {
    actor,
    action: "training.stats.export",
    target: `${year} ${t.name}`,
    details: { year, table: q.table, format: q.format, rows: t.rows.length },
  });
  const name = `培训统计-${year}-${t.name}.${q.format}`;
  return q.format === "csv"
    ? fileResponse(toCsv(t.rows, t.columns), name, "csv")
    : fileResponse(new Uint8Array(await toXlsx(t.rows, t.columns, t.name)), name, "xlsx");
}

export const complianceExportSchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

/** The unit lead's compliance list (who is behind on this year's hours) as a spreadsheet. */
export async function exportUnitCompliance(actor: Actor, raw: unknown, now = new Date()): Promise<Response> {
  const { format } = parseInput(complianceExportSchema, raw);
  const rows = await listUnitCompliance(actor, now);
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: "警号", value: (r) => r.badgeNo, kind: "text" },
    { header: "姓名", value: (r) => r.name },
    { header: "单位", value: (r) => r.unitName, width: 24 },
    { header: "已获学时", value: (r) => r.done, kind: "number" },
    { header: "要求学时", value: (r) => r.required, kind: "number" },
    { header: "是否达标", value: (r) => (r.behind ? "未达标" : "达标") },
  ];
  const year = shanghaiYear(now);
  await writeAudit(db, {
    actor,
    action: "training.compliance.export",
    target: actor.unitName,
    details: { year, format, rows: rows.length },
  });
  const name = `学时达标-${actor.unitName}-${year}.${format}`;
  return format === "csv"
    ? fileResponse(toCsv(rows, columns), name, "csv")
    : fileResponse(new Uint8Array(await toXlsx(rows, columns, "学时达标")), name, "xlsx");
}
