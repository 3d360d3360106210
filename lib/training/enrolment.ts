import "server-only";
import { randomBytes } from "node:crypto";
import { assertCan, type Actor, type Role } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/queries";
import { DAY_MS, formatShanghai, HOUR_MS } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { leaveWarnings } from "@/lib/leave/queries";
import { canSeeSession, sessionVisibility } from "./access";
import { unitEnrolSchema } from "./schemas";
import { unitSubtree } from "@/lib/unit-tree";

// Capacity and the waitlist are decided under a row lock on the session (SELECT … FOR UPDATE),
// which serialises enrolments of one session across every app process sharing the database.
// The session row carries enrolledCount/waitlistCount, kept in step in the same transaction;
// CHECK and exclusion constraints (migration 000100) back the rules up in the database.

export type LockedSession = {
  id: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "COMPLETED" | "CANCELLED";
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  startsAt: Date;
  endsAt: Date;
  enrollOpensAt: Date | null;
  enrollClosesAt: Date | null;
  cancelCutoffHours: number;
  audienceUnitIds: string[];
  audienceRoles: string[];
  publishedAt: Date | null;
  /** the no-show policy switch, read in the same round trip as the lock */
  noShowEnabled: boolean | null;
};

export async function lockSession(tx: Tx, id: string): Promise<LockedSession | null> {
  const rows = await tx.$queryRaw<LockedSession[]>`
    SELECT id, title, status::text AS status, capacity, "enrolledCount", "waitlistCount", "startsAt", "endsAt",
           "enrollOpensAt", "enrollClosesAt", "cancelCutoffHours", "audienceUnitIds", "audienceRoles"::text[] AS "audienceRoles",
           "publishedAt", (SELECT "noShowEnabled" FROM "TrainingPolicy" WHERE id = 1) AS "noShowEnabled"
    FROM "TrainingSession" WHERE id = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

export type EnrolResult = { id: string; status: "ENROLLED" | "WAITLISTED"; waitlistPosition: number | null };
type Person = { id: string; roles: readonly string[]; unitPath: string };

export function enrolmentOpen(s: Pick<LockedSession, "status" | "startsAt" | "enrollOpensAt" | "enrollClosesAt">, now: Date): boolean {
  if (s.status !== "PUBLISHED") return false;
  if (now >= s.startsAt) return false;
  if (s.enrollOpensAt && now < s.enrollOpensAt) return false;
  if (s.enrollClosesAt && now >= s.enrollClosesAt) return false;
  return true;
}

export function inAudience(s: Pick<LockedSession, "audienceUnitIds" | "audienceRoles">, p: Pick<Person, "roles" | "unitPath">): boolean {
  if (s.audienceUnitIds.length && !s.audienceUnitIds.some((u) => p.unitPath.includes(`/${u}/`))) return false;
  if (s.audienceRoles.length && !s.audienceRoles.some((r) => p.roles.includes(r))) return false;
  return true;
}

/** The optional no-show policy: N misses within the window suspend booking for D days after the last. */
async function assertNotSuspended(tx: Tx, s: LockedSession, userId: string, now: Date) {
  if (!s.noShowEnabled) return;
  const policy = await tx.trainingPolicy.findUnique({ where: { id: 1 } });
  if (!policy?.noShowEnabled) return;
  const since = new Date(now.getTime() - policy.noShowWindowDays * DAY_MS);
  const misses = await tx.trainingEnrollment.findMany({
    where: { userId, status: "ENROLLED", attendance: "ABSENT", session: { startsAt: { gte: since, lt: now } } },
    select: { session: { select: { startsAt: true } } },
    orderBy: { session: { startsAt: "desc" } },
  });
  if (misses.length < policy.noShowLimit) return;
  const until = new Date(misses[0]!.session.startsAt.getTime() + policy.suspendDays * DAY_MS);
  if (now < until) {
    throw new AppError(
      "BOOKING_SUSPENDED",
      `近 ${policy.noShowWindowDays} 天内缺席 ${misses.length} 次，报名暂停至 ${formatShanghai(until)}`,
    );
  }
}

/** Place one person in a locked session: a seat while seats remain, else the end of the waitlist. */
async function placeLocked(tx: Tx, s: LockedSession, userId: string, enrolledById: string | null, now: Date): Promise<EnrolResult> {
  const seat = s.enrolledCount < s.capacity;
  const status = seat ? "ENROLLED" : "WAITLISTED";
  const waitlistPosition = seat ? null : s.waitlistCount + 1;
  // One statement: a new row, or the reuse of a cancelled one; an active row returns nothing.
  // The arbiter is the (sessionId, userId) unique index; the deferred waitlist constraint still applies.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "TrainingEnrollment" (id, "sessionId", "userId", status, "waitlistPosition", "enrolledById", "createdAt", "updatedAt")
    VALUES (${`te${randomBytes(12).toString("hex")}`}, ${s.id}, ${userId}, ${status}::"TrainingEnrollmentStatus", ${waitlistPosition}::int, ${enrolledById}, ${now}, ${now})
    ON CONFLICT ("sessionId", "userId") DO UPDATE SET
      status = EXCLUDED.status, "waitlistPosition" = EXCLUDED."waitlistPosition", "enrolledById" = EXCLUDED."enrolledById",
      "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt", attendance = NULL, "attendedAt" = NULL,
      "attendanceMethod" = NULL, "cancelledAt" = NULL, "promotedAt" = NULL, "reminderSentAt" = NULL
    WHERE "TrainingEnrollment".status = 'CANCELLED'
    RETURNING id`;
  if (!rows[0]) throw new AppError("ALREADY_ENROLLED", "已报名该培训（或已在候补名单中）");
  if (seat) s.enrolledCount += 1;
  else s.waitlistCount += 1;
  await tx.$executeRaw`UPDATE "TrainingSession" SET "enrolledCount" = ${s.enrolledCount}::int, "waitlistCount" = ${s.waitlistCount}::int, "updatedAt" = ${now} WHERE id = ${s.id}`;
  return { id: rows[0].id, status, waitlistPosition };
}

/** Fill free seats from the head of the waitlist, close the gap, notify the promoted. */
export async function promoteLocked(tx: Tx, s: LockedSession, actor: Actor | null, now: Date): Promise<string[]> {
  if (s.status !== "PUBLISHED" || now >= s.startsAt) return [];
  const k = Math.min(s.capacity - s.enrolledCount, s.waitlistCount);
  if (k <= 0) return [];
  const promoted = await tx.$queryRaw<{ id: string; userId: string }[]>`
    UPDATE "TrainingEnrollment" SET status = 'ENROLLED', "waitlistPosition" = NULL, "promotedAt" = ${now}, "updatedAt" = ${now}
    WHERE "sessionId" = ${s.id} AND status = 'WAITLISTED' AND "waitlistPosition" <= ${k}
    RETURNING id, "userId"`;
  await tx.$executeRaw`UPDATE "TrainingEnrollment" SET "waitlistPosition" = "waitlistPosition" - ${promoted.length}::int, "updatedAt" = ${now}
    WHERE "sessionId" = ${s.id} AND status = 'WAITLISTED'`;
  s.enrolledCount += promoted.length;
  s.waitlistCount -= promoted.length;
  await tx.$executeRaw`UPDATE "TrainingSession" SET "enrolledCount" = ${s.enrolledCount}::int, "waitlistCount" = ${s.waitlistCount}::int, "updatedAt" = ${now} WHERE id = ${s.id}`;
  await notify(
    tx,
    promoted.map((p) => p.userId),
    {
      kind: "training.promoted",
      title: "候补转正：您已获得培训名额",
      titleEn: "Off the waitlist: you have a seat",
      bodyEn: `A seat came free in "${s.title}": you are now enrolled. It starts ${formatShanghai(s.startsAt)} (Beijing time).`,
      body: `「${s.title}」有名额空出，您已由候补转为正式报名。培训时间 ${formatShanghai(s.startsAt)}。`,
      link: `/training/${s.id}`,
    },
  );
  for (const p of promoted) {
    await writeAudit(tx, {
      actor,
      action: "training.enrollment.promote",
      targetType: "TrainingEnrollment",
      targetId: p.id,
      target: s.title,
      details: { sessionId: s.id, userId: p.userId },
    });
  }
  return promoted.map((p) => p.userId);
}

/** The signed-in officer enrols themself (API: POST …/enrollments). */
export async function enrolSelf(actor: Actor, sessionId: string, now = new Date()): Promise<EnrolResult & { warnings: "ON_LEAVE"[] }> {
  assertCan(actor, "training.book");
  const placed = await db.$transaction(
    async (tx) => {
      const s = await lockSession(tx, sessionId);
      // the visibility rule, read from the locked row (a lecturer's own draft is not open anyway)
      if (!s || !canSeeSession(actor, s)) throw notFound("培训");
      if (!enrolmentOpen(s, now)) throw new AppError("SESSION_NOT_OPEN", "该培训当前不接受报名");
      if (!inAudience(s, actor)) throw new AppError("NOT_IN_AUDIENCE", "该培训仅限指定单位或人员报名");
      await assertNotSuspended(tx, s, actor.id, now);
      const r = await placeLocked(tx, s, actor.id, null, now);
      await writeAudit(tx, {
        actor,
        action: "training.enrollment.create",
        targetType: "TrainingEnrollment",
        targetId: r.id,
        target: s.title,
        details: { sessionId, status: r.status, waitlistPosition: r.waitlistPosition },
      });
      return { ...r, startsAt: s.startsAt, endsAt: s.endsAt };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
  // during the person's approved leave: enrolled all the same, with a warning (API.md); read after commit, off the session lock
  const { startsAt, endsAt, ...result } = placed;
  return { ...result, warnings: await leaveWarnings(actor.id, startsAt, endsAt) };
}

export type UnitEnrolOutcome = {
  userId: string;
  name: string;
  result: EnrolResult | null;
  error: { code: string; message: string } | null;
};

/** A unit lead enrols members of their unit subtree in one step; each gets a seat or a waitlist
 * place by the same rules as self-enrolment and is notified. Per-person refusals are reported. */
export async function enrolUnitMembers(actor: Actor, sessionId: string, userIds: unknown, now = new Date()): Promise<UnitEnrolOutcome[]> {
  assertCan(actor, "training.unit.enrol");
  const input = parseInput(unitEnrolSchema, { sessionId, userIds });
  const visible = await db.trainingSession.findFirst({
    where: { AND: [{ id: sessionId }, sessionVisibility(actor)] },
    select: { id: true },
  });
  if (!visible) throw notFound("培训");
  const ids = [...new Set(input.userIds)];
  const people = await db.user.findMany({
    where: { id: { in: ids }, active: true, unit: unitSubtree(actor.unitPath) },
    select: { id: true, name: true, roles: true, unit: { select: { path: true } } },
  });
  if (people.length !== ids.length) throw forbidden("只能为本单位人员报名");
  return db.$transaction(
    async (tx) => {
      const s = await lockSession(tx, sessionId);
      if (!s) throw notFound("培训");
      if (!enrolmentOpen(s, now)) throw new AppError("SESSION_NOT_OPEN", "该培训当前不接受报名");
      const out: UnitEnrolOutcome[] = [];
      for (const p of people) {
        const person = { id: p.id, roles: p.roles as Role[], unitPath: p.unit.path };
        try {
          if (!inAudience(s, person)) throw new AppError("NOT_IN_AUDIENCE", "不在该培训的报名范围内");
          await assertNotSuspended(tx, s, p.id, now);
          const r = await placeLocked(tx, s, p.id, actor.id, now);
          await writeAudit(tx, {
            actor,
            action: "training.enrollment.create_for_member",
            targetType: "TrainingEnrollment",
            targetId: r.id,
            target: s.title,
            details: { sessionId, userId: p.id, status: r.status, waitlistPosition: r.waitlistPosition },
          });
          await notify(tx, [p.id], {
            kind: "training.enrolled_by_lead",
            title: r.status === "ENROLLED" ? "单位已为您报名培训" : "单位已为您加入培训候补",
            titleEn: r.status === "ENROLLED" ? "Your unit enrolled you in a session" : "Your unit put you on a waitlist",
            bodyEn: `${actor.name} enrolled you in "${s.title}" (${formatShanghai(s.startsAt)})${r.status === "WAITLISTED" ? `, waitlist position ${r.waitlistPosition}` : ""}.`,
            body: `${actor.name} 为您报名了「${s.title}」（${formatShanghai(s.startsAt)}）${r.status === "WAITLISTED" ? `，候补第 ${r.waitlistPosition} 位` : ""}。`,
            link: `/training/${s.id}`,
          });
          out.push({ userId: p.id, name: p.name, result: r, error: null });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          out.push({ userId: p.id, name: p.name, result: null, error: { code: e.code, message: e.message } });
        }
      }
      return out;
    },
    { timeout: 30_000, maxWait: 20_000 },
  );
}

/** Cancel one enrolment inside a locked session; an enrolled seat goes to the waitlist head. */
async function cancelLocked(
  tx: Tx,
  s: LockedSession,
  enrollment: { id: string; status: string; waitlistPosition: number | null },
  now: Date,
  actor: Actor,
) {
  await tx.trainingEnrollment.update({
    where: { id: enrollment.id },
    data: { status: "CANCELLED", waitlistPosition: null, cancelledAt: now },
  });
  if (enrollment.status === "ENROLLED") {
    s.enrolledCount -= 1;
    // promotion writes the counters itself; otherwise write the freed seat here
    const promoted = await promoteLocked(tx, s, actor, now);
    if (!promoted.length)
      await tx.$executeRaw`UPDATE "TrainingSession" SET "enrolledCount" = ${s.enrolledCount}::int, "updatedAt" = ${now} WHERE id = ${s.id}`;
  } else if (enrollment.status === "WAITLISTED" && enrollment.waitlistPosition) {
    await tx.$executeRaw`UPDATE "TrainingEnrollment" SET "waitlistPosition" = "waitlistPosition" - 1, "updatedAt" = ${now}
      WHERE "sessionId" = ${s.id} AND status = 'WAITLISTED' AND "waitlistPosition" > ${enrollment.waitlistPosition}`;
    s.waitlistCount -= 1;
    await tx.trainingSession.update({ where: { id: s.id }, data: { waitlistCount: s.waitlistCount } });
  }
}

/** The cut-off: officers may change their booking only until cancelCutoffHours before the start. */
export function cutoffOf(s: Pick<LockedSession, "startsAt" | "cancelCutoffHours">): Date {
  return new Date(s.startsAt.getTime() - s.cancelCutoffHours * HOUR_MS);
}

/** The officer cancels their own enrolment or leaves the waitlist (API: DELETE …/enrollments/me). */
export async function cancelMyEnrollment(actor: Actor, sessionId: string, now = new Date()): Promise<{ status: "CANCELLED" }> {
  assertCan(actor, "training.book");
  return db.$transaction(
    async (tx) => {
      const s = await lockSession(tx, sessionId);
      if (!s) throw notFound("培训");
      const e = await tx.trainingEnrollment.findUnique({
        where: { sessionId_userId: { sessionId, userId: actor.id } },
        select: { id: true, status: true, waitlistPosition: true },
      });
      if (!e || e.status === "CANCELLED") throw new AppError("NOT_ENROLLED", "您没有报名该培训");
      if (s.status !== "PUBLISHED" || now >= s.startsAt) throw new AppError("SESSION_NOT_OPEN", "该培训已开始或已结束，不能取消报名");
      if (now >= cutoffOf(s))
        throw new AppError("CANCELLATION_CLOSED", `已过取消截止时间（开课前 ${s.cancelCutoffHours} 小时），如需变更请联系训练科`);
      await cancelLocked(tx, s, e, now, actor);
      await writeAudit(tx, {
        actor,
        action: "training.enrollment.cancel",
        targetType: "TrainingEnrollment",
        targetId: e.id,
        target: s.title,
        details: { sessionId, previousStatus: e.status, waitlistPosition: e.waitlistPosition },
      });
      return { status: "CANCELLED" as const };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

/** The training office cancels someone's enrolment at any time before the session ends. */
export async function cancelEnrollmentAsOffice(actor: Actor, sessionId: string, userId: string, reason?: string, now = new Date()) {
  assertCan(actor, "training.manage");
  return db.$transaction(
    async (tx) => {
      const s = await lockSession(tx, sessionId);
      if (!s) throw notFound("培训");
      const e = await tx.trainingEnrollment.findUnique({
        where: { sessionId_userId: { sessionId, userId } },
        select: { id: true, status: true, waitlistPosition: true },
      });
      if (!e || e.status === "CANCELLED") throw new AppError("NOT_ENROLLED", "该人员没有报名该培训");
      if (s.status !== "PUBLISHED") throw new AppError("SESSION_NOT_OPEN", "该培训不在报名状态");
      await cancelLocked(tx, s, e, now, actor);
      await notify(tx, [userId], {
        kind: "training.enrollment_cancelled",
        title: "您的培训报名已被取消",
        titleEn: "Your enrolment was cancelled",
        bodyEn: `The training office cancelled your enrolment in "${s.title}"${reason ? `: ${reason}` : "."}`,
        body: `训练科取消了您在「${s.title}」的报名${reason ? `：${reason}` : "。"}`,
        link: `/training/${s.id}`,
      });
      await writeAudit(tx, {
        actor,
        action: "training.enrollment.cancel_by_office",
        targetType: "TrainingEnrollment",
        targetId: e.id,
        target: s.title,
        details: { sessionId, userId, previousStatus: e.status, reason: reason ?? null },
      });
      return { status: "CANCELLED" as const };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}
