import "server-only";
import { assertCan, can, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db, type Tx } from "@/lib/db";
import { AppError, isUniqueViolation, notFound, validationFailed } from "@/lib/errors";
import { notify } from "@/lib/notifications/queries";
import { formatShanghai, HOUR_MS } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { assertTeachesOrManages } from "./access";
import { lockSession, promoteLocked } from "./enrolment";
import { getSession, sessionSelect, toSessionDto, type SessionDto } from "./queries";
import {
  attendanceSchema,
  cancelSessionSchema,
  categorySchema,
  createSessionSchema,
  feedbackSchema,
  policySchema,
  requirementSchema,
  updateSessionSchema,
} from "./schemas";

const TX = { timeout: 20_000, maxWait: 20_000 };

async function assertCategory(tx: Tx, code: string) {
  const c = await tx.trainingCategory.findUnique({ where: { code }, select: { active: true } });
  if (!c || !c.active) throw validationFailed({ category: "类别不存在" });
}

async function activeUserIds(tx: Tx, sessionId: string): Promise<string[]> {
  const rows = await tx.trainingEnrollment.findMany({
    where: { sessionId, status: { in: ["ENROLLED", "WAITLISTED"] } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

export async function createSession(actor: Actor, raw: unknown): Promise<SessionDto> {
  assertCan(actor, "training.manage");
  const input = parseInput(createSessionSchema, raw);
  return db.$transaction(async (tx) => {
    await assertCategory(tx, input.category);
    const row = await tx.trainingSession.create({
      data: {
        title: input.title,
        categoryCode: input.category,
        description: input.description ?? "",
        format: input.format ?? "OFFLINE",
        venue: input.venue,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
        creditHours: input.creditHours,
        enrollOpensAt: input.enrollOpensAt ?? null,
        enrollClosesAt: input.enrollClosesAt ?? null,
        cancelCutoffHours: input.cancelCutoffHours ?? 24,
        audienceUnitIds: input.audienceUnitIds ?? [],
        audienceRoles: input.audienceRoles ?? [],
        createdById: actor.id,
        lecturers: {
          create: (input.lecturers ?? []).map((l, i) => ({
            name: l.name,
            affiliation: l.affiliation ?? null,
            userId: l.userId ?? null,
            sortOrder: i,
          })),
        },
      },
      select: sessionSelect,
    });
    await writeAudit(tx, { actor, action: "training.session.create", targetType: "TrainingSession", targetId: row.id, target: row.title });
    return toSessionDto(row);
  }, TX);
}

export async function updateSession(actor: Actor, id: string, raw: unknown, now = new Date()): Promise<SessionDto> {
  assertCan(actor, "training.manage");
  const input = parseInput(updateSessionSchema, raw);
  return db.$transaction(async (tx) => {
    const s = await lockSession(tx, id);
    if (!s) throw notFound("培训");
    if (s.status === "CANCELLED" || s.status === "COMPLETED") throw new AppError("INVALID_TRANSITION", "已取消或已结束的培训不能修改");
    const startsAt = input.startsAt ?? s.startsAt;
    const endsAt = input.endsAt ?? s.endsAt;
    if (endsAt <= startsAt) throw validationFailed({ endsAt: "结束时间须晚于开始时间" });
    if (input.capacity !== undefined && input.capacity < s.enrolledCount) {
      throw new AppError("CAPACITY_BELOW_ENROLLED", `已有 ${s.enrolledCount} 人报名，名额不能少于报名人数`);
    }
    if (input.category) await assertCategory(tx, input.category);
    const before = await tx.trainingSession.findUniqueOrThrow({
      where: { id },
      select: { venue: true, format: true, startsAt: true, endsAt: true },
    });
    if (input.lecturers) {
      await tx.trainingLecturer.deleteMany({ where: { sessionId: id } });
      await tx.trainingLecturer.createMany({
        data: input.lecturers.map((l, i) => ({
          sessionId: id,
          name: l.name,
          affiliation: l.affiliation ?? null,
          userId: l.userId ?? null,
          sortOrder: i,
        })),
      });
    }
    await tx.trainingSession.update({
      where: { id },
      data: {
        title: input.title,
        categoryCode: input.category,
        description: input.description,
        format: input.format,
        venue: input.venue,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
        creditHours: input.creditHours,
        enrollOpensAt: input.enrollOpensAt,
        enrollClosesAt: input.enrollClosesAt,
        cancelCutoffHours: input.cancelCutoffHours,
        audienceUnitIds: input.audienceUnitIds,
        audienceRoles: input.audienceRoles,
      },
    });
    const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    if (input.capacity !== undefined) {
      s.capacity = input.capacity;
      s.startsAt = startsAt;
      await promoteLocked(tx, s, actor, now);
    }
    const row = await tx.trainingSession.findUniqueOrThrow({ where: { id }, select: sessionSelect });
    // people care about when, where and how; title or text edits need no notice
    const material =
      before.venue !== row.venue || before.format !== row.format || +before.startsAt !== +row.startsAt || +before.endsAt !== +row.endsAt;
    if (s.status === "PUBLISHED" && material) {
      await notify(tx, await activeUserIds(tx, id), {
        kind: "training.changed",
        title: "培训安排有变更",
        titleEn: "Session changed",
        bodyEn: `"${row.title}" now runs ${formatShanghai(row.startsAt)} to ${formatShanghai(row.endsAt)} at ${row.venue}.`,
        body: `「${row.title}」调整为 ${formatShanghai(row.startsAt)} 至 ${formatShanghai(row.endsAt)}，地点：${row.venue}。请留意最新安排。`,
        link: `/training/${id}`,
      });
    }
    await writeAudit(tx, {
      actor,
      action: "training.session.update",
      targetType: "TrainingSession",
      targetId: id,
      target: row.title,
      details: { changed },
    });
    return toSessionDto(row);
  }, TX);
}

export async function publishSession(actor: Actor, id: string, now = new Date()): Promise<SessionDto> {
  assertCan(actor, "training.manage");
  return db.$transaction(async (tx) => {
    const s = await lockSession(tx, id);
    if (!s) throw notFound("培训");
    if (s.status !== "DRAFT") throw new AppError("INVALID_TRANSITION", "只有草稿可以发布");
    const row = await tx.trainingSession.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: now }, select: sessionSelect });
    await writeAudit(tx, { actor, action: "training.session.publish", targetType: "TrainingSession", targetId: id, target: s.title });
    return toSessionDto(row);
  }, TX);
}

export async function cancelSession(actor: Actor, id: string, raw: unknown, now = new Date()): Promise<SessionDto> {
  assertCan(actor, "training.manage");
  const { reason } = parseInput(cancelSessionSchema, raw ?? {});
  return db.$transaction(async (tx) => {
    const s = await lockSession(tx, id);
    if (!s) throw notFound("培训");
    if (s.status === "CANCELLED" || s.status === "COMPLETED") throw new AppError("INVALID_TRANSITION", "该培训已取消或已结束");
    const people = await activeUserIds(tx, id);
    const row = await tx.trainingSession.update({
      where: { id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason },
      select: sessionSelect,
    });
    await notify(tx, people, {
      kind: "training.cancelled",
      title: "培训已取消",
      titleEn: "Session cancelled",
      bodyEn: `"${s.title}" (${formatShanghai(s.startsAt)}) was cancelled: ${reason}`,
      body: `「${s.title}」（${formatShanghai(s.startsAt)}）已取消，原因：${reason}`,
      link: `/training/${id}`,
    });
    await writeAudit(tx, {
      actor,
      action: "training.session.cancel",
      targetType: "TrainingSession",
      targetId: id,
      target: s.title,
      details: { reason, notified: people.length },
    });
    return toSessionDto(row);
  }, TX);
}

/** Close a session that has started (its lecturer or the office); unmarked enrolled officers count
 * as absent (no-shows), and attendance is credited at once (lib/training/credit.ts). */
export async function completeSession(actor: Actor, id: string, now = new Date()): Promise<SessionDto> {
  if (!can(actor, "training.manage")) assertCan(actor, "training.teach");
  return db.$transaction(async (tx) => {
    const s = await lockSession(tx, id);
    if (!s) throw notFound("培训");
    await assertTeachesOrManages(tx, actor, id);
    if (s.status !== "PUBLISHED") throw new AppError("INVALID_TRANSITION", "只有已发布的培训可以结束");
    if (now < s.startsAt) throw new AppError("INVALID_TRANSITION", "培训尚未开始，不能结束");
    const absent = await tx.trainingEnrollment.updateMany({
      where: { sessionId: id, status: "ENROLLED", attendance: null },
      data: { attendance: "ABSENT", attendanceMethod: "AUTO" },
    });
    const row = await tx.trainingSession.update({ where: { id }, data: { status: "COMPLETED" }, select: sessionSelect });
    await writeAudit(tx, {
      actor,
      action: "training.session.complete",
      targetType: "TrainingSession",
      targetId: id,
      target: s.title,
      details: { markedAbsent: absent.count },
    });
    return toSessionDto(row);
  }, TX);
}

/** Attendance may be taken from two hours before the start (messages say the hours from here). */
export const ATTENDANCE_LEAD_HOURS = 2;
export const ATTENDANCE_LEAD_MS = ATTENDANCE_LEAD_HOURS * HOUR_MS;

export function attendanceOpen(s: { startsAt: Date; status: string }, now = new Date()): boolean {
  return (s.status === "PUBLISHED" || s.status === "COMPLETED") && now.getTime() >= s.startsAt.getTime() - ATTENDANCE_LEAD_MS;
}

export async function markAttendance(actor: Actor, sessionId: string, raw: unknown, now = new Date()) {
  const { userId, present } = parseInput(attendanceSchema, raw);
  return recordAttendance(actor, sessionId, userId, present ? "ATTENDED" : "ABSENT", "ROSTER", now);
}

export async function recordAttendance(
  actor: Actor,
  sessionId: string,
  userId: string,
  attendance: "ATTENDED" | "ABSENT",
  method: string,
  now = new Date(),
) {
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
    const e = await tx.trainingEnrollment.findUnique({
      where: { sessionId_userId: { sessionId, userId } },
      select: { id: true, status: true, attendance: true },
    });
    if (!e || e.status !== "ENROLLED") throw new AppError("NOT_ENROLLED", "该人员未正式报名此培训，不能登记考勤");
    await tx.trainingEnrollment.update({
      where: { id: e.id },
      data: { attendance, attendedAt: attendance === "ATTENDED" ? now : null, attendanceMethod: method },
    });
    await writeAudit(tx, {
      actor,
      action: "training.attendance.mark",
      targetType: "TrainingEnrollment",
      targetId: e.id,
      target: s.title,
      details: { sessionId, userId, attendance, previous: e.attendance, method },
    });
    return { id: e.id, userId, attendance };
  }, TX);
}

export async function submitFeedback(actor: Actor, sessionId: string, raw: unknown) {
  assertCan(actor, "training.book");
  const input = parseInput(feedbackSchema, raw);
  const session = await getSession(actor, sessionId);
  const e = await db.trainingEnrollment.findUnique({
    where: { sessionId_userId: { sessionId, userId: actor.id } },
    select: { attendance: true, status: true },
  });
  if (!e || e.status !== "ENROLLED" || e.attendance !== "ATTENDED") throw new AppError("NOT_ATTENDED", "参加培训后才能评价");
  try {
    return await db.$transaction(async (tx) => {
      const f = await tx.trainingFeedback.create({
        data: { sessionId, userId: actor.id, rating: input.rating, comment: input.comment ?? "" },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor,
        action: "training.feedback.create",
        targetType: "TrainingFeedback",
        targetId: f.id,
        target: session.title,
        details: { rating: input.rating },
      });
      return f;
    }, TX);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("FEEDBACK_EXISTS", "您已评价过该培训");
    throw e;
  }
}

export async function createCategory(actor: Actor, raw: unknown) {
  assertCan(actor, "training.manage");
  const input = parseInput(categorySchema, raw);
  try {
    return await db.$transaction(async (tx) => {
      const max = await tx.trainingCategory.aggregate({ _max: { sortOrder: true } });
      const c = await tx.trainingCategory.create({
        data: { code: input.code, name: input.name, nameEn: input.nameEn, sortOrder: (max._max.sortOrder ?? 0) + 1 },
        select: { code: true, name: true },
      });
      await writeAudit(tx, { actor, action: "training.category.create", targetType: "TrainingCategory", targetId: c.code, target: c.name });
      return c;
    }, TX);
  } catch (e) {
    if (isUniqueViolation(e)) throw validationFailed({ code: "该代码已存在" });
    throw e;
  }
}

export async function setCategoryActive(actor: Actor, code: string, active: boolean) {
  assertCan(actor, "training.manage");
  return db.$transaction(async (tx) => {
    const c = await tx.trainingCategory.findUnique({ where: { code } });
    if (!c) throw notFound("类别");
    await tx.trainingCategory.update({ where: { code }, data: { active } });
    await writeAudit(tx, {
      actor,
      action: active ? "training.category.enable" : "training.category.disable",
      targetType: "TrainingCategory",
      targetId: code,
      target: c.name,
    });
  }, TX);
}

export async function setRequirement(actor: Actor, raw: unknown) {
  assertCan(actor, "training.manage");
  const input = parseInput(requirementSchema, raw);
  return db.$transaction(async (tx) => {
    await tx.trainingRequirement.upsert({
      where: { role: input.role },
      create: { role: input.role, hours: input.hours },
      update: { hours: input.hours },
    });
    await writeAudit(tx, {
      actor,
      action: "training.requirement.set",
      targetType: "TrainingRequirement",
      targetId: input.role,
      details: { hours: input.hours },
    });
  }, TX);
}

export async function setPolicy(actor: Actor, raw: unknown) {
  assertCan(actor, "training.manage");
  const input = parseInput(policySchema, raw);
  return db.$transaction(async (tx) => {
    await tx.trainingPolicy.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await writeAudit(tx, { actor, action: "training.policy.set", targetType: "TrainingPolicy", targetId: "1", details: input });
  }, TX);
}
