import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertTeachesOrManages } from "./access";
import { ATTENDANCE_LEAD_HOURS, ATTENDANCE_LEAD_MS } from "./mutations";

/**
 * "Mark all present" on the roster (Moodle Face-to-face): every ENROLLED person of the session
 * not marked yet becomes ATTENDED. Marks already made (a QR check-in, an explicit absence) are
 * kept. Same rules as marking one: the session's lecturer or the office, from two hours before
 * the start. Returns how many were marked.
 */
export async function markAllPresent(actor: Actor, sessionId: string, now = new Date()): Promise<{ marked: number }> {
  const s = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { id: true, title: true, status: true, startsAt: true },
  });
  if (!s) throw notFound("培训");
  await assertTeachesOrManages(db, actor, sessionId);
  if (s.status !== "PUBLISHED" && s.status !== "COMPLETED") throw new AppError("SESSION_NOT_OPEN", "该培训不能登记考勤");
  if (now.getTime() < s.startsAt.getTime() - ATTENDANCE_LEAD_MS)
    throw new AppError("ATTENDANCE_NOT_OPEN", `开课前 ${ATTENDANCE_LEAD_HOURS} 小时起才能登记考勤`);
  return db.$transaction(async (tx) => {
    const r = await tx.trainingEnrollment.updateMany({
      where: { sessionId, status: "ENROLLED", attendance: null },
      data: { attendance: "ATTENDED", attendedAt: now, attendanceMethod: "ROSTER_ALL" },
    });
    await writeAudit(tx, {
      actor,
      action: "training.attendance.mark_all",
      targetType: "TrainingSession",
      targetId: s.id,
      target: s.title,
      details: { marked: r.count },
    });
    return { marked: r.count };
  });
}
