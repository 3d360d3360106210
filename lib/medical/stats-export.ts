import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { fileResponse, toCsv, toXlsx, type Column } from "@/lib/export";
import { parseInput } from "@/lib/validation";
import { getMedicalStats, type StatsRow } from "./stats";

// The hospital statistics tables as spreadsheets, from getMedicalStats itself: a unit lead's file
// carries the same small-group suppression as the page (a suppressed cell stays empty).

export const medicalStatsExportSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  table: z.enum(["service", "month", "unit"]).default("service"),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

const NAMES = { service: "按服务", month: "按月", unit: "按单位" } as const;

export async function exportMedicalStats(actor: Actor, raw: unknown, now = new Date()): Promise<Response> {
  const q = parseInput(medicalStatsExportSchema, raw);
  const s = await getMedicalStats(actor, { year: q.year }, now);
  const rows: StatsRow[] = [
    ...(q.table === "service" ? s.byService : q.table === "month" ? s.byMonth : s.byUnit),
    { ...s.total, label: "合计" },
  ];
  const columns: Column<StatsRow>[] = [
    { header: q.table === "service" ? "服务" : q.table === "month" ? "月份" : "单位", value: (r) => r.label, width: 24, kind: "text" },
    { header: "预约人次", value: (r) => r.bookings, kind: "number" },
    { header: "人数", value: (r) => r.people, kind: "number" },
    { header: "爽约率(%)", value: (r) => (r.noShowRate === null ? null : Math.round(r.noShowRate * 1000) / 10), kind: "number" },
  ];
  const name = NAMES[q.table];
  await writeAudit(db, {
    actor,
    action: "medical.stats.export",
    target: `${s.year} ${name}`,
    details: { year: s.year, table: q.table, format: q.format, scope: s.scope, rows: rows.length },
  });
  const file = `就医统计-${s.year}-${name}.${q.format}`;
  return q.format === "csv"
    ? fileResponse(toCsv(rows, columns), file, "csv")
    : fileResponse(new Uint8Array(await toXlsx(rows, columns, name)), file, "xlsx");
}
