import "server-only";
import type { Actor } from "@/lib/access";
import { signToken, verifyToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { hasControlChars } from "@/lib/validation";
import { assertTeachesOrManages } from "./access";
import { ATTENDANCE_LEAD_HOURS, ATTENDANCE_LEAD_MS } from "./mutations";

const PURPOSE = "training-checkin";
/** A projected code is replaced every 30 s and each one is accepted for at most 2 minutes. */
export const CHECKIN_TTL_MS = 120_000;
export const CHECKIN_ROTATE_MS = 30_000;

/** For the lecturer's projector: a fresh signed token bound to the session. */
export async function issueCheckInToken(actor: Actor, sessionId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const s = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { id: true, status: true, startsAt: true, endsAt: true },
  });
  if (!s) throw notFound("培训");
  await assertTeachesOrManages(db, actor, sessionId);
  if (s.status !== "PUBLISHED") throw new AppError("SESSION_NOT_OPEN", "该培训不在进行中");
  assertCheckInWindow(s, now);
  const expiresAt = new Date(now.getTime() + CHECKIN_TTL_MS);
  return { token: signToken(PURPOSE, { s: sessionId, exp: expiresAt.getTime() }), expiresAt };
}

/** Codes are issued and accepted from two hours before the start until two hours after the end. */
function assertCheckInWindow(s: { startsAt: Date; endsAt: Date }, now: Date) {
  if (now.getTime() < s.startsAt.getTime() - ATTENDANCE_LEAD_MS || now.getTime() > s.endsAt.getTime() + ATTENDANCE_LEAD_MS) {
    throw new AppError("ATTENDANCE_NOT_OPEN", `不在签到时间（开课前 ${ATTENDANCE_LEAD_HOURS} 小时至结束后 ${ATTENDANCE_LEAD_HOURS} 小时）`);
  }
}

export type CheckInResult = { sessionId: string; title: string; alreadyAttended: boolean };

/** The signed-in officer opened the scanned link: ATTENDED once; stale, forged or foreign tokens are refused. */
export async function checkInWithToken(actor: Actor, sessionId: string, token: string, now = new Date()): Promise<CheckInResult> {
  const payload = verifyToken<{ s?: unknown; exp?: unknown }>(PURPOSE, token);
  // a scanned link names a real session id; anything else is refused before it is logged
  if (hasControlChars(sessionId) || sessionId.length > 64) throw new AppError("INVALID_TOKEN", "签到码无效，请扫描现场最新的二维码");
  if (!payload || payload.s !== sessionId || typeof payload.exp !== "number") {
    await writeAudit(db, {
      actor,
      action: "training.attendance.qr",
      targetType: "TrainingSession",
      targetId: sessionId,
      outcome: "DENIED",
      details: { reason: "invalid token" },
    });
    throw new AppError("INVALID_TOKEN", "签到码无效，请扫描现场最新的二维码");
  }
  if (now.getTime() > payload.exp || payload.exp - now.getTime() > CHECKIN_TTL_MS + 5_000) {
    throw new AppError("TOKEN_EXPIRED", "签到码已过期，请扫描现场最新的二维码");
  }
  const s = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { id: true, title: true, status: true, startsAt: true, endsAt: true },
  });
  if (!s || s.status !== "PUBLISHED") throw new AppError("SESSION_NOT_OPEN", "该培训不在签到时间");
  assertCheckInWindow(s, now);
  const e = await db.trainingEnrollment.findUnique({
    where: { sessionId_userId: { sessionId, userId: actor.id } },
    select: { id: true, status: true, attendance: true },
  });
  if (!e || e.status !== "ENROLLED") throw new AppError("NOT_ENROLLED", "您未正式报名该培训，不能签到");
  if (e.attendance === "ATTENDED") return { sessionId, title: s.title, alreadyAttended: true };
  // The token stands in for the lecturer's presence: record as the system on the lecturer's behalf.
  const res = await db.$transaction(async (tx) => {
    const updated = await tx.trainingEnrollment.updateMany({
      where: { id: e.id, status: "ENROLLED", OR: [{ attendance: null }, { attendance: "ABSENT" }] },
      data: { attendance: "ATTENDED", attendedAt: now, attendanceMethod: "QR" },
    });
    if (updated.count) {
      await writeAudit(tx, {
        actor,
        action: "training.attendance.qr",
        targetType: "TrainingEnrollment",
        targetId: e.id,
        target: s.title,
        details: { sessionId },
      });
    }
    return updated.count;
  });
  return { sessionId, title: s.title, alreadyAttended: res === 0 };
}

// re-exported so pages import check-in things from one place
