import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access";
import { fileResponse, toCsv, toXlsx, type Column } from "@/lib/export";
import { shanghaiToday } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { getDayList, type DayListRow } from "./queries";

const querySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
    .optional(),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

const COLUMNS: Column<DayListRow>[] = [
  { header: "时间", value: (r) => r.time, width: 8, kind: "time" },
  { header: "姓名", value: (r) => r.name, width: 10 },
  { header: "单位", value: (r) => r.unit, width: 20 },
  { header: "服务项目", value: (r) => r.service, width: 12 },
  { header: "紧急", value: (r) => (r.urgent ? "紧急" : ""), width: 6 },
  { header: "健康备注（经本人同意提供）", value: (r) => r.note, width: 40 },
];

/** The minimal day list for the hospital (getDayList decides what may go out). */
export async function dayListFile(actor: Actor, input: unknown, now = new Date()): Promise<Response> {
  const q = parseInput(querySchema, input);
  const date = q.date ?? shanghaiToday(now);
  const rows = await getDayList(actor, date);
  const name = `绿色通道就诊名单-${date}.${q.format}`;
  if (q.format === "csv") return fileResponse(toCsv(rows, COLUMNS), name, "csv");
  return fileResponse(new Uint8Array(await toXlsx(rows, COLUMNS, date)), name, "xlsx");
}
