import "server-only";
import { assertCan, can, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import { notify } from "@/lib/notifications/queries";
import { shanghaiDate } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { countWorkingDays, dateToDay, dayToDate, isoWeekday, yearOf } from "./calendar";
import { OFFICIAL_CALENDARS } from "./official-calendars";
import {
  balanceOf,
  decidableWhere,
  loadCalendar,
  nearestApprovers,
  requestSelect,
  toRequestDto,
  type LeaveRequestDto,
  type RequestRow,
} from "./queries";
import {
  createRequestSchema,
  decisionSchema,
  LEAVE_STATUS_ZH,
  LEAVE_TYPE_ZH,
  replaceHolidaysSchema,
  serviceStartSchema,
  yearSchema,
} from "./schemas";
import { unitSubtree } from "@/lib/unit-tree";

// Rules of a request are decided under a per-person advisory lock (every app process shares it
// through PostgreSQL), so two requests of one person never both pass the overlap or balance check;
// the exclusion constraint of the migration refuses overlaps whatever writes. Requests read the
// holiday calendar under a shared lock that HR's replacement takes exclusively, so a count is
// always made on one whole calendar, and the replacement recounts what was booked before it.

const TX = { timeout: 20_000, maxWait: 20_000 };
const CALENDAR_LOCK = "leave-calendar";

const lockPerson = (tx: Tx, userId: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`leave:${userId}`}, 0))`;
const readCalendarLock = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${CALENDAR_LOCK}, 0))`;
const writeCalendarLock = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${CALENDAR_LOCK}, 0))`;

/** PostgreSQL's exclusion_violation (23P01), as the pg driver adapter reports it. */
function isExclusionViolation(e: unknown): boolean {
  for (let cur: unknown = e, i = 0; cur && typeof cur === "object" && i < 5; cur = (cur as { cause?: unknown }).cause, i++) {
    const o = cur as { code?: unknown; originalCode?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown } };
    if (o.code === "23P01" || o.originalCode === "23P01" || o.meta?.code === "23P01") return true;
    if (o.meta?.driverAdapterError && isExclusionViolation(o.meta.driverAdapterError)) return true;
  }
  return false;
}

const range = (from: string, to: string) => (from === to ? from : `${from} 至 ${to}`);
const overlapError = (detail = "") => new AppError("LEAVE_OVERLAP", `所选日期与您已有的休假申请重叠${detail}，请调整日期或先撤销原申请`);
/** Deciding is a lead's: everyone else, the requester included, is told the request is not theirs to decide (API.md: 404). */
const notDecidable = () => new AppError("NOT_FOUND", "没有可由您审批的该休假申请");

/** POST /api/v1/leave/requests: the signed-in person asks for leave. */
export async function createLeaveRequest(actor: Actor, raw: unknown): Promise<LeaveRequestDto> {
  assertCan(actor, "leave.request");
  const input = parseInput(createRequestSchema, raw);
  try {
    return await db.$transaction(async (tx) => {
      await readCalendarLock(tx);
      await lockPerson(tx, actor.id);
      const days = countWorkingDays(input.from, input.to, await loadCalendar(input.from, input.to, tx));
      if (days === 0) {
        throw validationFailed({ from: "所选日期都是休息日或节假日" }, "所选日期都是休息日或节假日，不需要请假");
      }
      const clash = await tx.leaveRequest.findFirst({
        where: {
          userId: actor.id,
          status: { in: ["PENDING", "APPROVED"] },
          startsOn: { lte: dayToDate(input.to) },
          endsOn: { gte: dayToDate(input.from) },
        },
        select: { id: true, type: true, status: true, startsOn: true, endsOn: true },
      });
      if (clash) {
        const err = overlapError(
          `（${range(dateToDay(clash.startsOn), dateToDay(clash.endsOn))} ${LEAVE_TYPE_ZH[clash.type]}，${LEAVE_STATUS_ZH[clash.status]}）`,
        );
        throw new AppError(err.code, err.message, { extra: { conflictingRequestId: clash.id } });
      }
      if (input.type === "ANNUAL") {
        const b = await balanceOf(tx, actor.id, yearOf(input.from));
        if (days > b.remainingDays) {
          throw new AppError(
            "LEAVE_BALANCE_EXCEEDED",
            `${b.year} 年年休假剩余 ${b.remainingDays} 天（应休 ${b.entitlementDays} 天，已休 ${b.usedDays} 天，待审批 ${b.pendingDays} 天），本次需要 ${days} 天`,
            { extra: { remainingDays: b.remainingDays, requestedDays: days } },
          );
        }
      }
      const row = await tx.leaveRequest.create({
        data: {
          userId: actor.id,
          type: input.type,
          startsOn: dayToDate(input.from),
          endsOn: dayToDate(input.to),
          days,
          reason: input.reason ?? null,
        },
        select: requestSelect,
      });
      const approvers = await nearestApprovers(tx, { id: actor.id, unitPath: actor.unitPath });
      await writeAudit(tx, {
        actor,
        action: "leave.request.create",
        targetType: "LeaveRequest",
        targetId: row.id,
        target: actor.badgeNo,
        details: { type: input.type, from: input.from, to: input.to, days, approvers: approvers.length },
      });
      const what = `${actor.name}（${actor.unitName}）申请${LEAVE_TYPE_ZH[input.type]} ${range(input.from, input.to)}，共 ${days} 个工作日`;
      if (approvers.length) {
        await notify(
          tx,
          approvers.map((a) => a.id),
          {
            kind: "leave.request.new",
            title: "有新的休假申请待审批",
            body: `${what}。`,
            titleEn: "A leave request is waiting for you",
            bodyEn: `${actor.name} (${actor.unitName}) asks for leave ${range(input.from, input.to)}, ${days} working days.`,
            link: "/leave/approvals",
          },
        );
      } else {
        // No unit lead above this person in the system (e.g. the bureau's own head): HR of the chain is told,
        // so the request does not wait unseen; a lead granted later up the chain can decide it.
        const hr = await tx.user.findMany({
          where: { active: true, roles: { has: "HR" }, unitId: { in: actor.unitPath.split("/").filter(Boolean) }, id: { not: actor.id } },
          select: { id: true },
        });
        await notify(
          tx,
          hr.map((h) => h.id),
          {
            kind: "leave.request.no_approver",
            title: "休假申请没有可审批的单位领导",
            body: `${what}。其所在单位及上级单位在系统中没有所长/教导员，无人能审批，请协调安排审批人。`,
            link: null,
          },
        );
      }
      return toRequestDto(row, actor);
    }, TX);
  } catch (e) {
    if (isExclusionViolation(e)) throw overlapError();
    throw e;
  }
}

/** Lock a request the actor may decide; anyone else (the requester too) gets NOT_FOUND. */
async function lockDecidable(tx: Tx, actor: Actor, id: string): Promise<RequestRow & { benefitRecordId: string | null }> {
  const visible = await tx.leaveRequest.findFirst({ where: { AND: [{ id }, decidableWhere(actor)] }, select: { id: true } });
  if (!visible) throw notDecidable();
  await tx.$queryRaw`SELECT id FROM "LeaveRequest" WHERE id = ${id} FOR UPDATE`;
  return tx.leaveRequest.findUniqueOrThrow({ where: { id }, select: { ...requestSelect, benefitRecordId: true } });
}

/** An approved leave of an auxiliary officer becomes a 休假 record in their benefits file (same transaction). */
async function writeLeaveRecord(tx: Tx, actor: Actor, r: RequestRow): Promise<string | null> {
  const profile = await tx.auxiliaryProfile.findUnique({ where: { userId: r.userId }, select: { id: true, auxNo: true, name: true } });
  if (!profile) return null;
  const from = dateToDay(r.startsOn);
  const to = dateToDay(r.endsOn);
  const record = await tx.benefitRecord.create({
    data: {
      profileId: profile.id,
      category: "LEAVE",
      occurredOn: r.startsOn,
      title: LEAVE_TYPE_ZH[r.type],
      details: {
        days: String(r.days),
        from,
        to,
        type: r.type,
        leaveRequestId: r.id,
        note: `${range(from, to)}，${r.days} 个工作日，${actor.name}批准`,
      },
      createdById: actor.id,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor,
    action: "benefits.record.create",
    targetType: "BenefitRecord",
    targetId: record.id,
    target: `${profile.auxNo} ${profile.name}`,
    details: { category: "LEAVE", leaveRequestId: r.id },
  });
  return record.id;
}

async function decide(actor: Actor, id: string, to: "APPROVED" | "REJECTED", raw: unknown, now: Date): Promise<LeaveRequestDto> {
  if (!can(actor, "leave.approve")) throw notDecidable();
  const { comment } = parseInput(decisionSchema, raw);
  return db.$transaction(async (tx) => {
    const r = await lockDecidable(tx, actor, id);
    if (r.status !== "PENDING") throw new AppError("INVALID_TRANSITION", `该申请${LEAVE_STATUS_ZH[r.status]}，不能再审批`);
    const user = await tx.user.findUniqueOrThrow({ where: { id: r.userId }, select: { roles: true } });
    const recordId = to === "APPROVED" && user.roles.includes("AUXILIARY") ? await writeLeaveRecord(tx, actor, r) : null;
    const row = await tx.leaveRequest.update({
      where: { id },
      data: { status: to, decidedById: actor.id, decidedAt: now, decisionComment: comment ?? null, benefitRecordId: recordId },
      select: requestSelect,
    });
    const from = dateToDay(r.startsOn);
    const until = dateToDay(r.endsOn);
    await writeAudit(tx, {
      actor,
      action: to === "APPROVED" ? "leave.request.approve" : "leave.request.reject",
      targetType: "LeaveRequest",
      targetId: id,
      target: r.user.badgeNo,
      details: { type: r.type, from, to: until, days: r.days, hasComment: !!comment, benefitRecordId: recordId },
    });
    await notify(tx, [r.userId], {
      kind: to === "APPROVED" ? "leave.request.approved" : "leave.request.rejected",
      title: to === "APPROVED" ? "休假申请已批准" : "休假申请未获批准",
      titleEn: to === "APPROVED" ? "Leave approved" : "Leave not approved",
      bodyEn: `Your leave ${range(from, until)} (${r.days} working days) was ${to === "APPROVED" ? "approved" : "not approved"} by ${actor.name}.${comment ? ` Comment: ${comment}` : ""}`,
      body: `您的${LEAVE_TYPE_ZH[r.type]}申请（${range(from, until)}，${r.days} 个工作日）${to === "APPROVED" ? "已由" : "未获"}${actor.name}批准。${
        comment ? `审批意见：${comment}` : ""
      }`,
      link: "/leave",
    });
    return toRequestDto(row, actor);
  }, TX);
}

export const approveLeaveRequest = (actor: Actor, id: string, raw: unknown = {}, now = new Date()) =>
  decide(actor, id, "APPROVED", raw, now);
export const rejectLeaveRequest = (actor: Actor, id: string, raw: unknown = {}, now = new Date()) =>
  decide(actor, id, "REJECTED", raw, now);

/** The requester withdraws a pending or approved request before its first day (Shanghai). */
export async function cancelLeaveRequest(actor: Actor, id: string, now = new Date()): Promise<LeaveRequestDto> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "LeaveRequest" WHERE id = ${id} AND "userId" = ${actor.id} FOR UPDATE`;
    if (!locked) throw notFound("休假申请");
    const r = await tx.leaveRequest.findUniqueOrThrow({
      where: { id },
      select: { ...requestSelect, benefitRecordId: true, decidedById: true },
    });
    if (r.status !== "PENDING" && r.status !== "APPROVED")
      throw new AppError("INVALID_TRANSITION", `该申请${LEAVE_STATUS_ZH[r.status]}，不能撤销`);
    const from = dateToDay(r.startsOn);
    if (shanghaiDate(now) >= from) {
      throw new AppError("LEAVE_ALREADY_STARTED", `休假已于 ${from} 开始，不能再撤销；如需提前返岗请联系审批领导`);
    }
    const row = await tx.leaveRequest.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: now }, select: requestSelect });
    if (r.benefitRecordId) {
      // the 休假 record mirrored an approval that no longer stands
      const gone = await tx.benefitRecord.deleteMany({ where: { id: r.benefitRecordId } });
      if (gone.count)
        await writeAudit(tx, {
          actor,
          action: "benefits.record.delete",
          targetType: "BenefitRecord",
          targetId: r.benefitRecordId,
          target: actor.badgeNo,
          details: { category: "LEAVE", leaveRequestId: id, reason: "leave.request.cancel" },
        });
    }
    await writeAudit(tx, {
      actor,
      action: "leave.request.cancel",
      targetType: "LeaveRequest",
      targetId: id,
      target: actor.badgeNo,
      details: { previousStatus: r.status, type: r.type, from, to: dateToDay(r.endsOn) },
    });
    if (r.status === "APPROVED" && r.decidedById && r.decidedById !== actor.id) {
      await notify(tx, [r.decidedById], {
        kind: "leave.request.cancelled",
        title: "已批准的休假已撤销",
        titleEn: "Approved leave withdrawn",
        bodyEn: `${actor.name} withdrew your approved leave ${range(from, dateToDay(r.endsOn))}.`,
        body: `${actor.name}撤销了已批准的${LEAVE_TYPE_ZH[r.type]}（${range(from, dateToDay(r.endsOn))}）。`,
        link: "/leave/calendar",
      });
    }
    return toRequestDto(row, actor);
  }, TX);
}

/**
 * PUT /api/v1/leave/holidays?year=: HR replaces a year's calendar. Pending and approved requests
 * touching the year are recounted on the new calendar in the same transaction, and their
 * requesters told when their count changed.
 */
export async function replaceHolidays(
  actor: Actor,
  year: unknown,
  raw: unknown,
): Promise<{ year: number; days: number; recounted: number }> {
  assertCan(actor, "leave.calendar.manage");
  const y = parseInput(yearSchema, year);
  const input = parseInput(replaceHolidaysSchema, raw);
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (yearOf(d.date) !== y) fields[`days.${i}.date`] = `${d.date} 不属于 ${y} 年`;
    else if (seen.has(d.date)) fields[`days.${i}.date`] = `${d.date} 重复`;
    else if (d.kind === "WORKDAY" && isoWeekday(d.date) <= 5) fields[`days.${i}.date`] = `${d.date} 是工作日，调休上班日应为周六或周日`;
    seen.add(d.date);
  });
  if (Object.keys(fields).length) throw validationFailed(fields, "节假日安排有误，请检查标记的日期");
  const days = input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? (d.kind === "HOLIDAY" ? "节假日" : "调休上班") }));

  return db.$transaction(async (tx) => {
    await writeCalendarLock(tx);
    await tx.leaveCalendarYear.upsert({
      where: { year: y },
      create: { year: y, provisional: input.provisional ?? false, source: input.source ?? null },
      update: { provisional: input.provisional ?? false, source: input.source ?? null },
    });
    await tx.leaveHoliday.deleteMany({ where: { year: y } });
    await tx.leaveHoliday.createMany({ data: days.map((d) => ({ date: dayToDate(d.date), year: y, kind: d.kind, name: d.name })) });

    const touching = await tx.leaveRequest.findMany({
      where: {
        status: { in: ["PENDING", "APPROVED"] },
        startsOn: { lte: dayToDate(`${y}-12-31`) },
        endsOn: { gte: dayToDate(`${y}-01-01`) },
      },
      select: { id: true, userId: true, type: true, startsOn: true, endsOn: true, days: true },
    });
    let recounted = 0;
    if (touching.length) {
      const lo = dateToDay(touching.reduce((m, r) => (r.startsOn < m ? r.startsOn : m), touching[0]!.startsOn));
      const hi = dateToDay(touching.reduce((m, r) => (r.endsOn > m ? r.endsOn : m), touching[0]!.endsOn));
      const cal = await loadCalendar(lo, hi, tx);
      for (const r of touching) {
        const from = dateToDay(r.startsOn);
        const to = dateToDay(r.endsOn);
        const n = countWorkingDays(from, to, cal);
        if (n === r.days) continue;
        recounted++;
        await tx.leaveRequest.update({ where: { id: r.id }, data: { days: n } });
        await notify(tx, [r.userId], {
          kind: "leave.request.recounted",
          title: "节假日安排调整，休假天数已重算",
          titleEn: "Holiday calendar changed: leave recounted",
          bodyEn: `The ${y} holiday calendar changed; your leave ${range(from, to)} now counts ${n} working days instead of ${r.days}.`,
          body: `${y} 年节假日安排已更新，您的${LEAVE_TYPE_ZH[r.type]}（${range(from, to)}）由 ${r.days} 个工作日调整为 ${n} 个工作日。`,
          link: "/leave",
        });
      }
    }
    await writeAudit(tx, {
      actor,
      action: "leave.calendar.replace",
      targetType: "LeaveCalendarYear",
      targetId: String(y),
      target: `${y} 年`,
      details: {
        holidays: days.filter((d) => d.kind === "HOLIDAY").length,
        workdays: days.filter((d) => d.kind === "WORKDAY").length,
        provisional: input.provisional ?? false,
        recounted,
      },
    });
    return { year: y, days: days.length, recounted };
  }, TX);
}

/** HR loads the State Council's arrangement shipped with the app (lib/leave/official-calendars.ts). */
export async function loadOfficialCalendar(actor: Actor, year: unknown) {
  assertCan(actor, "leave.calendar.manage");
  const y = parseInput(yearSchema, year);
  const cal = OFFICIAL_CALENDARS[y];
  if (!cal) throw new AppError("NOT_FOUND", `系统内没有 ${y} 年的国务院节假日安排，请按通知录入`);
  return replaceHolidays(actor, y, { days: cal.days, provisional: cal.provisional, source: cal.source });
}

/** HR records a person's 参加工作时间 (officer or auxiliary, within HR's unit subtree). */
export async function setServiceStartDate(actor: Actor, raw: unknown, now = new Date()) {
  assertCan(actor, "leave.hr");
  const input = parseInput(serviceStartSchema, raw);
  if (input.serviceStartDate > shanghaiDate(now)) throw validationFailed({ serviceStartDate: "参加工作时间不能晚于今天" });
  if (input.serviceStartDate < "1950-01-01") throw validationFailed({ serviceStartDate: "参加工作时间不能早于 1950 年" });
  return db.$transaction(async (tx) => {
    const person = await tx.user.findFirst({
      where: { badgeNo: input.badgeNo.toUpperCase(), unit: unitSubtree(actor.unitPath) },
      select: { id: true, badgeNo: true, name: true, serviceStartDate: true },
    });
    if (!person) throw validationFailed({ badgeNo: "本单位及下级单位没有该警号的人员" });
    await tx.user.update({ where: { id: person.id }, data: { serviceStartDate: dayToDate(input.serviceStartDate) } });
    await writeAudit(tx, {
      actor,
      action: "leave.service_start.set",
      targetType: "User",
      targetId: person.id,
      target: person.badgeNo,
      details: { before: person.serviceStartDate ? dateToDay(person.serviceStartDate) : null, after: input.serviceStartDate },
    });
    return { id: person.id, badgeNo: person.badgeNo, name: person.name, serviceStartDate: input.serviceStartDate };
  }, TX);
}
