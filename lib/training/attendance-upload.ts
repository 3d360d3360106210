import "server-only";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { assertTeachesOrManages } from "./access";
import { ATTENDANCE_LEAD_HOURS, ATTENDANCE_LEAD_MS } from "./mutations";

// Attendance by roster upload (Moodle Face-to-face "upload attendance"): the signed paper sheet
// or another system's list as .xlsx/.csv with a 警号 column and an optional 考勤 column (出勤 /
// 缺勤; blank = 出勤). All or nothing: every bad row is reported and nothing is marked.

export const MAX_ATTENDANCE_ROWS = 2000;
const BADGE_HEADERS = new Set(["警号", "辅警编号", "警号/辅警编号", "badgeno", "badge"]);
const MARK_HEADERS = new Set(["考勤", "出勤", "attendance", "present"]);
const PRESENT = new Set(["", "出勤", "到", "√", "是", "1", "present", "yes", "y", "true"]);
const ABSENT = new Set(["缺勤", "未到", "×", "否", "0", "absent", "no", "n", "false"]);

function cellText(v: unknown): string {
  if (v && typeof v === "object") {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.result !== undefined) return String(o.result ?? "");
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join("");
    if (o.text !== undefined) return String(o.text ?? "");
  }
  return v === null || v === undefined ? "" : String(v);
}

async function readTable(data: Buffer, fileName: string): Promise<string[][]> {
  if (/\.xlsx$/i.test(fileName)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw validationFailed({ file: "无法读取该 Excel 文件" });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw validationFailed({ file: "文件中没有工作表" });
    const table: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      table[n - 1] = (row.values as unknown[]).slice(1).map((c) => cellText(c).trim());
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
    return table;
  }
  if (/\.csv$/i.test(fileName)) {
    try {
      return parse(data.toString("utf8").replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false, trim: true });
    } catch {
      throw validationFailed({ file: "无法读取该 CSV 文件" });
    }
  }
  throw validationFailed({ file: "只支持 .xlsx 或 .csv 文件" });
}

export type AttendanceUploadResult = { marked: number; present: number; absent: number };

export async function importAttendance(
  actor: Actor,
  sessionId: string,
  file: { data: Buffer; fileName: string },
  now = new Date(),
): Promise<AttendanceUploadResult> {
  const s = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { id: true, title: true, status: true, startsAt: true },
  });
  if (!s) throw notFound("培训");
  await assertTeachesOrManages(db, actor, sessionId);
  if (s.status !== "PUBLISHED" && s.status !== "COMPLETED") throw new AppError("SESSION_NOT_OPEN", "该培训不能登记考勤");
  if (now.getTime() < s.startsAt.getTime() - ATTENDANCE_LEAD_MS)
    throw new AppError("ATTENDANCE_NOT_OPEN", `开课前 ${ATTENDANCE_LEAD_HOURS} 小时起才能登记考勤`);

  const table = await readTable(file.data, file.fileName);
  const header = (table[0] ?? []).map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  const badgeCol = header.findIndex((h) => BADGE_HEADERS.has(h));
  if (badgeCol < 0) throw validationFailed({ file: "缺少“警号”列" });
  const markCol = header.findIndex((h) => MARK_HEADERS.has(h));
  const lines = table
    .map((cells, i) => ({
      row: i + 1,
      badge: String(cells[badgeCol] ?? "")
        .trim()
        .toUpperCase(),
      mark:
        markCol >= 0
          ? String(cells[markCol] ?? "")
              .trim()
              .toLowerCase()
          : "",
    }))
    .slice(1)
    .filter((l) => l.badge || l.mark);
  if (!lines.length) throw validationFailed({ file: "文件中没有数据行" });
  if (lines.length > MAX_ATTENDANCE_ROWS) throw validationFailed({ file: `一次最多 ${MAX_ATTENDANCE_ROWS} 行` });

  const enrolled = await db.trainingEnrollment.findMany({
    where: { sessionId, user: { badgeNo: { in: [...new Set(lines.map((l) => l.badge).filter(Boolean))] } } },
    select: { id: true, status: true, user: { select: { badgeNo: true } } },
  });
  const byBadge = new Map(enrolled.map((e) => [e.user.badgeNo, e]));
  const seen = new Set<string>();
  const errors: { row: number; message: string }[] = [];
  const marks: { id: string; attendance: "ATTENDED" | "ABSENT" }[] = [];
  for (const l of lines) {
    const problems: string[] = [];
    if (!l.badge) problems.push("缺少警号");
    else if (seen.has(l.badge)) problems.push(`警号 ${l.badge} 重复`);
    const e = l.badge ? byBadge.get(l.badge) : undefined;
    if (l.badge && !e) problems.push(`${l.badge} 未报名此培训`);
    else if (e && e.status !== "ENROLLED") problems.push(`${l.badge} 不是正式报名（候补或已取消）`);
    const present = PRESENT.has(l.mark);
    if (!present && !ABSENT.has(l.mark)) problems.push(`考勤“${l.mark}”应为 出勤 或 缺勤`);
    if (l.badge) seen.add(l.badge);
    if (problems.length) errors.push({ row: l.row, message: problems.join("；") });
    else marks.push({ id: e!.id, attendance: present ? "ATTENDED" : "ABSENT" });
  }
  if (errors.length) {
    throw new AppError("IMPORT_REJECTED", `考勤表有 ${errors.length} 行错误，未登记任何考勤`, { extra: { rows: errors } });
  }
  return db.$transaction(async (tx) => {
    const present = marks.filter((m) => m.attendance === "ATTENDED").map((m) => m.id);
    const absent = marks.filter((m) => m.attendance === "ABSENT").map((m) => m.id);
    if (present.length)
      await tx.trainingEnrollment.updateMany({
        where: { id: { in: present }, status: "ENROLLED" },
        data: { attendance: "ATTENDED", attendedAt: now, attendanceMethod: "ROSTER_UPLOAD" },
      });
    if (absent.length)
      await tx.trainingEnrollment.updateMany({
        where: { id: { in: absent }, status: "ENROLLED" },
        data: { attendance: "ABSENT", attendedAt: null, attendanceMethod: "ROSTER_UPLOAD" },
      });
    await writeAudit(tx, {
      actor,
      action: "training.attendance.upload",
      targetType: "TrainingSession",
      targetId: s.id,
      target: s.title,
      details: { fileName: file.fileName.slice(0, 120), present: present.length, absent: absent.length },
    });
    return { marked: marks.length, present: present.length, absent: absent.length };
  });
}
