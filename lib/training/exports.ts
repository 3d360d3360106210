import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { fileResponse, toCsv, toXlsx, type Column } from "@/lib/export";
import { getSession, listRoster, type RosterRow } from "./queries";

const STATUS: Record<string, string> = { ENROLLED: "已报名", WAITLISTED: "候补", CANCELLED: "已取消" };
const ATT: Record<string, string> = { ATTENDED: "出勤", ABSENT: "缺勤" };

export async function rosterExport(actor: Actor, sessionId: string, type: "csv" | "xlsx"): Promise<Response> {
  const rows = await listRoster(actor, sessionId);
  const session = await getSession(actor, sessionId);
  const columns: Column<RosterRow>[] = [
    { header: "警号", value: (r) => r.user.badgeNo, kind: "text" },
    { header: "姓名", value: (r) => r.user.name },
    { header: "单位", value: (r) => r.user.unitName, width: 24 },
    { header: "状态", value: (r) => STATUS[r.status] },
    { header: "候补序号", value: (r) => r.waitlistPosition, kind: "number" },
    { header: "考勤", value: (r) => (r.attendance ? ATT[r.attendance] : "") },
    { header: "报名时间", value: (r) => r.createdAt, width: 18, kind: "datetime" },
  ];
  await writeAudit(db, {
    actor,
    action: "training.roster.export",
    targetType: "TrainingSession",
    targetId: sessionId,
    target: session.title,
    details: { rows: rows.length, type },
  });
  const name = `${session.title}-名单.${type}`;
  return type === "csv"
    ? fileResponse(toCsv(rows, columns), name, "csv")
    : fileResponse(new Uint8Array(await toXlsx(rows, columns, "名单")), name, "xlsx");
}
