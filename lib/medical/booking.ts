import "server-only";
import { assertCan, can, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { encryptField } from "@/lib/crypto";
import { encryptOutcome } from "./outcome";
import { db, type Tx } from "@/lib/db";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/queries";
import { formatShanghai, shanghaiYear, shanghaiYearRange } from "@/lib/time";
import { leaveWarnings } from "@/lib/leave/queries";
import { parseInput } from "@/lib/validation";
import { CURRENT_CONSENT } from "./consent-text";
import type { BookingDto } from "./dto";
import { BOOKING_SQL, bookingSelect, bookingVisibilitySql, sqlRowDto, toBookingDto, type BookingRowSql } from "./queries";
import { bookSchema, cancelSchema, outcomeSchema, rescheduleSchema, urgentSchema, type BookingStatus } from "./schemas";
import { ACTIVE_STATUSES, QUOTA_STATUSES, statusInSql } from "./statuses";

// Booking rules. Capacity is a conditional UPDATE on the slot's counter (row lock, so it holds
// across processes) backed by a CHECK; one active booking per person and service, and the
// yearly quota, are decided under a per-person-and-service advisory lock, backed by a partial
// unique index (prisma/migrations/20261126000200_medical_constraints).

const TX = { maxWait: 20_000, timeout: 30_000 };

async function lockPersonService(tx: Tx, userId: string, serviceId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`medical:${userId}:${serviceId}`}, 0))`;
}

async function reloadBooking(tx: Tx, id: string, hasNote: boolean): Promise<BookingDto> {
  return toBookingDto(await tx.medicalBooking.findUniqueOrThrow({ where: { id }, select: bookingSelect }), hasNote);
}

type SlotRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  closed: boolean;
  closedReason: string | null;
  serviceId: string;
  code: string;
  name: string;
  active: boolean;
  yearlyQuota: number | null;
};

/**
 * The signed-in officer books a slot for themself. Eight short statements in one transaction
 * (this is the hot path of the module, see scripts/bench/medical.mjs); the answer is built from
 * what the transaction already knows instead of being read back.
 */
export async function bookSlot(actor: Actor, input: unknown, now = new Date()): Promise<BookingDto> {
  assertCan(actor, "medical.book");
  const data = parseInput(bookSchema, input);
  try {
    const dto = await db.$transaction(async (tx) => {
      const [slot] = await tx.$queryRaw<SlotRow[]>`
        SELECT sl.id, sl."startsAt", sl."endsAt", sl.capacity, sl.closed, sl."closedReason", sl."serviceId", s.code, s.name, s.active, s."yearlyQuota"
        FROM "MedicalSlot" sl JOIN "MedicalService" s ON s.id = sl."serviceId" WHERE sl.id = ${data.slotId}`;
      if (!slot || !slot.active) throw notFound("时段");
      if (slot.closed) throw new AppError("SLOT_CLOSED", "该时段已停诊，不能预约");
      if (slot.startsAt <= now) throw new AppError("SLOT_IN_PAST", "该时段已开始或已过去，不能预约");

      // FOR SHARE: a withdrawal committing meanwhile waits for this booking, or this sees it.
      const consent = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "MedicalConsent" WHERE "userId" = ${actor.id} AND "withdrawnAt" IS NULL AND version = ${CURRENT_CONSENT.version}
        ORDER BY "givenAt" DESC LIMIT 1 FOR SHARE`;
      if (!consent.length) throw new AppError("CONSENT_REQUIRED", "预约前请先阅读并同意《健康信息处理单独同意书》");

      await lockPersonService(tx, actor.id, slot.serviceId);
      const year = shanghaiYear(slot.startsAt);
      const { start, end } = shanghaiYearRange(year);
      const [mine] = await tx.$queryRaw<{ active: number; used: number }[]>`
        SELECT (count(*) FILTER (WHERE ${statusInSql("status", ACTIVE_STATUSES)}))::int AS active,
               (count(*) FILTER (WHERE ${statusInSql("status", QUOTA_STATUSES)} AND "startsAt" >= ${start} AND "startsAt" < ${end}))::int AS used
        FROM "MedicalBooking" WHERE "userId" = ${actor.id} AND "serviceId" = ${slot.serviceId} AND urgent = false`;
      if (mine!.active > 0) throw new AppError("ACTIVE_BOOKING_EXISTS", `您已有一个未完成的“${slot.name}”预约，请先完成或取消`);
      if (slot.yearlyQuota !== null && mine!.used >= slot.yearlyQuota) {
        throw new AppError("QUOTA_EXCEEDED", `“${slot.name}”每年限${slot.yearlyQuota}次，${year}年已用完，${year + 1}年1月1日起可再预约`, {
          extra: { renewsOn: `${year + 1}-01-01` },
        });
      }

      const [seat] = await tx.$queryRaw<{ bookedCount: number }[]>`
        UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" + 1, "updatedAt" = now()
        WHERE id = ${slot.id} AND "bookedCount" < capacity AND closed = false RETURNING "bookedCount"`;
      if (!seat) throw new AppError("SLOT_FULL", "该时段已约满，请选择其他时段");

      const shareNote = !!data.note && data.shareNote;
      const booking = await tx.medicalBooking.create({
        data: {
          userId: actor.id,
          serviceId: slot.serviceId,
          slotId: slot.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          noteCipher: data.note ? encryptField(data.note) : null,
          shareNote,
          createdById: actor.id,
        },
        select: { id: true, createdAt: true },
      });
      await writeAudit(tx, {
        actor,
        action: "medical.booking.create",
        targetType: "MedicalBooking",
        targetId: booking.id,
        target: actor.badgeNo,
        details: { service: slot.code, slotId: slot.id, hasNote: !!data.note, shareNote },
      });
      await notify(tx, [actor.id], {
        kind: "medical.booking.confirmed",
        title: "预约成功",
        titleEn: "Booking confirmed",
        bodyEn: `You are booked for ${formatShanghai(slot.startsAt)} at Anshan Infectious Disease Hospital.`,
        body: `您已预约${slot.name}，时间 ${formatShanghai(slot.startsAt)}。请按时到达鞍山市传染病医院。`,
        link: "/medical",
      });
      const service = { code: slot.code, name: slot.name };
      return {
        id: booking.id,
        status: "BOOKED",
        urgent: false,
        service,
        slot: {
          id: slot.id,
          service: slot.code,
          serviceName: slot.name,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          capacity: slot.capacity,
          bookedCount: seat.bookedCount,
          closed: false,
          closedReason: null,
        },
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        user: { id: actor.id, badgeNo: actor.badgeNo, name: actor.name, unit: { id: actor.unitId, name: actor.unitName } },
        hasNote: !!data.note,
        shareNote,
        outcome: null,
        cancelReason: null,
        createdAt: booking.createdAt,
      } satisfies BookingDto;
    }, TX);
    // during the person's approved leave: booked all the same, with a warning (API.md); read after commit
    return { ...dto, warnings: await leaveWarnings(actor.id, dto.startsAt, dto.endsAt ?? dto.startsAt) };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("ACTIVE_BOOKING_EXISTS", "您已有一个未完成的该项目预约，请先完成或取消");
    throw e;
  }
}

type Transition = { action: string; from: BookingStatus; to: BookingStatus; verb: string };
const TRANSITIONS = {
  cancel: { action: "medical.booking.cancel", from: "BOOKED", to: "CANCELLED", verb: "取消" },
  checkIn: { action: "medical.booking.check_in", from: "BOOKED", to: "CHECKED_IN", verb: "签到" },
  complete: { action: "medical.booking.complete", from: "CHECKED_IN", to: "COMPLETED", verb: "完成" },
  noShow: { action: "medical.booking.no_show", from: "BOOKED", to: "NO_SHOW", verb: "标记爽约" },
} satisfies Record<string, Transition>;

/** One booking, row-locked, under the visibility rule (bookingVisibilitySql). */
async function lockVisibleBooking(tx: Tx, actor: Actor, id: string): Promise<BookingRowSql | null> {
  const [row] = await tx.$queryRaw<BookingRowSql[]>`${BOOKING_SQL} WHERE b.id = ${id} AND ${bookingVisibilitySql(actor)} FOR UPDATE OF b`;
  return row ?? null;
}

/**
 * Moves a booking along BOOKED → CHECKED_IN → COMPLETED or BOOKED → CANCELLED / NO_SHOW. The row
 * is locked and its status checked first: anything else is INVALID_TRANSITION and nothing changes.
 */
async function transition(
  actor: Actor,
  id: string,
  t: Transition,
  extra: { reason?: string } = {},
  stamp = new Date(),
): Promise<BookingDto> {
  return db.$transaction(async (tx) => {
    const b = await lockVisibleBooking(tx, actor, id);
    if (!b) throw notFound("预约");
    if (b.status !== t.from) throw new AppError("INVALID_TRANSITION", `当前状态的预约不能${t.verb}`);
    // nobody has missed an appointment whose time has not come
    if (t.to === "NO_SHOW" && stamp < b.startsAt) {
      throw new AppError("SLOT_NOT_STARTED", `预约时段（${formatShanghai(b.startsAt)} 起）尚未开始，不能标记爽约`);
    }
    await tx.medicalBooking.update({
      where: { id },
      data: {
        status: t.to,
        ...(t.to === "CHECKED_IN" ? { checkedInAt: stamp } : {}),
        ...(t.to === "COMPLETED" ? { completedAt: stamp } : {}),
        ...(t.to === "CANCELLED" ? { cancelledAt: stamp, cancelReason: extra.reason ?? null } : {}),
      },
      select: { id: true },
    });
    const dto = sqlRowDto({ ...b, status: t.to, ...(t.to === "CANCELLED" ? { cancelReason: extra.reason ?? null } : {}) });
    // A cancellation frees its seat at once (urgent entries never held one).
    if (t.to === "CANCELLED" && b.slotId && !b.urgent) {
      const [seat] = await tx.$queryRaw<
        { bookedCount: number }[]
      >`UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" - 1, "updatedAt" = now() WHERE id = ${b.slotId} RETURNING "bookedCount"`;
      if (dto.slot && seat) dto.slot.bookedCount = seat.bookedCount;
    }
    await writeAudit(tx, {
      actor,
      action: t.action,
      targetType: "MedicalBooking",
      targetId: id,
      target: b.badgeNo,
      details: { from: t.from, to: t.to, service: b.serviceCode, urgent: b.urgent, hasReason: !!extra.reason },
    });
    if (t.to === "CANCELLED" && b.userId !== actor.id) {
      await notify(tx, [b.userId], {
        kind: "medical.booking.cancelled",
        title: "预约已被联络员取消",
        titleEn: "The liaison cancelled your booking",
        bodyEn: `Your booking at ${formatShanghai(b.startsAt)} was cancelled by the liaison${extra.reason ? `: ${extra.reason}` : ""}.`,
        body: `您 ${formatShanghai(b.startsAt)} 的${b.serviceName}预约已被警医联络员取消${extra.reason ? `，原因：${extra.reason}` : ""}。如有需要请重新预约。`,
        link: "/medical",
      });
    }
    return dto;
  }, TX);
}

/** Owner or liaison; others get NOT_FOUND. */
export async function cancelBooking(actor: Actor, id: string, input: unknown = {}): Promise<BookingDto> {
  if (!can(actor, "medical.book") && !can(actor, "medical.manage")) throw notFound("预约");
  const { reason } = parseInput(cancelSchema, input);
  return transition(actor, id, TRANSITIONS.cancel, { reason });
}

export async function checkInBooking(actor: Actor, id: string) {
  assertCan(actor, "medical.manage");
  return transition(actor, id, TRANSITIONS.checkIn);
}

export async function completeBooking(actor: Actor, id: string) {
  assertCan(actor, "medical.manage");
  return transition(actor, id, TRANSITIONS.complete);
}

export async function markNoShow(actor: Actor, id: string, now = new Date()) {
  assertCan(actor, "medical.manage");
  return transition(actor, id, TRANSITIONS.noShow, {}, now);
}

/**
 * The liaison's urgent green-channel entry for a named person (hurt on duty): bypasses slot
 * capacity, consent-gated online booking and quotas; it is marked urgent everywhere and audited.
 */
export async function createUrgentEntry(actor: Actor, input: unknown, now = new Date()): Promise<BookingDto> {
  assertCan(actor, "medical.manage");
  const data = parseInput(urgentSchema, input);
  return db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({
      where: { badgeNo: data.badgeNo },
      select: { id: true, name: true, active: true, badgeNo: true },
    });
    if (!person || !person.active)
      throw new AppError("VALIDATION_FAILED", "找不到该警号的在职人员", { fields: { badgeNo: "找不到该警号的在职人员" } });
    const service = await tx.medicalService.findUnique({ where: { code: data.service }, select: { id: true, name: true, code: true } });
    if (!service) throw new AppError("VALIDATION_FAILED", "服务项目不存在", { fields: { service: "服务项目不存在" } });
    const startsAt = data.startsAt ? new Date(data.startsAt) : now;
    const booking = await tx.medicalBooking.create({
      data: {
        userId: person.id,
        serviceId: service.id,
        slotId: null,
        urgent: true,
        startsAt,
        endsAt: null,
        noteCipher: data.note ? encryptField(data.note) : null,
        shareNote: false,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: "medical.urgent.create",
      targetType: "MedicalBooking",
      targetId: booking.id,
      target: person.badgeNo,
      details: { service: service.code, hasReason: !!data.reason, hasNote: !!data.note },
    });
    await notify(tx, [person.id], {
      kind: "medical.booking.urgent",
      title: "已为您开通紧急绿色通道",
      titleEn: "Urgent green channel opened for you",
      bodyEn: `The liaison registered an urgent visit for you (${formatShanghai(startsAt)}); go straight to Anshan Infectious Disease Hospital.`,
      body: `警医联络员已为您登记${service.name}紧急就诊（${formatShanghai(startsAt)}），请直接前往鞍山市传染病医院。`,
      link: "/medical",
    });
    return reloadBooking(tx, booking.id, !!data.note);
  }, TX);
}

/** The liaison moves a booking to another slot of the same service; the booker is told. */
export async function rescheduleBooking(actor: Actor, id: string, input: unknown, now = new Date()): Promise<BookingDto> {
  assertCan(actor, "medical.manage");
  const { slotId } = parseInput(rescheduleSchema, input);
  return db.$transaction(async (tx) => {
    const b = await tx.medicalBooking.findUnique({
      where: { id },
      select: {
        id: true,
        userId: true,
        status: true,
        urgent: true,
        slotId: true,
        serviceId: true,
        noteCipher: true,
        service: { select: { name: true } },
        user: { select: { badgeNo: true } },
      },
    });
    if (!b) throw notFound("预约");
    if (b.status !== "BOOKED" || b.urgent || !b.slotId) throw new AppError("INVALID_TRANSITION", "只有已预约的普通预约可以改期");
    if (b.slotId === slotId) return reloadBooking(tx, id, !!b.noteCipher);
    const target = await tx.medicalSlot.findUnique({
      where: { id: slotId },
      select: { id: true, serviceId: true, startsAt: true, endsAt: true, closed: true },
    });
    if (!target || target.serviceId !== b.serviceId) throw notFound("时段");
    if (target.closed) throw new AppError("SLOT_CLOSED", "该时段已停诊");
    if (target.startsAt <= now) throw new AppError("SLOT_IN_PAST", "该时段已开始或已过去");
    const seat = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" + 1, "updatedAt" = now()
      WHERE id = ${target.id} AND "bookedCount" < capacity AND closed = false RETURNING id`;
    if (!seat.length) throw new AppError("SLOT_FULL", "目标时段已约满");
    const moved = await tx.medicalBooking.updateMany({
      where: { id, status: "BOOKED", slotId: b.slotId },
      data: { slotId: target.id, startsAt: target.startsAt, endsAt: target.endsAt, reminderSentAt: null },
    });
    if (moved.count !== 1) throw new AppError("INVALID_TRANSITION", "预约状态已变化，请刷新");
    await tx.$executeRaw`UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" - 1, "updatedAt" = now() WHERE id = ${b.slotId}`;
    await writeAudit(tx, {
      actor,
      action: "medical.booking.reschedule",
      targetType: "MedicalBooking",
      targetId: id,
      target: b.user.badgeNo,
      details: { fromSlot: b.slotId, toSlot: target.id },
    });
    await notify(tx, [b.userId], {
      kind: "medical.booking.changed",
      title: "预约时间已调整",
      titleEn: "Booking moved",
      bodyEn: `The liaison moved your booking to ${formatShanghai(target.startsAt)}.`,
      body: `您的${b.service.name}预约已由警医联络员调整到 ${formatShanghai(target.startsAt)}。`,
      link: "/medical",
    });
    return reloadBooking(tx, id, !!b.noteCipher);
  }, TX);
}

/**
 * Result category of a completed free liver check. Abnormal prompts only that officer to book a
 * health consultation; the category itself is never written to the audit details.
 */
export async function recordOutcome(actor: Actor, id: string, input: unknown): Promise<BookingDto> {
  assertCan(actor, "medical.manage");
  const { outcome } = parseInput(outcomeSchema, input);
  return db.$transaction(async (tx) => {
    const b = await tx.medicalBooking.findUnique({
      where: { id },
      select: {
        id: true,
        userId: true,
        status: true,
        noteCipher: true,
        service: { select: { code: true } },
        user: { select: { badgeNo: true } },
      },
    });
    if (!b) throw notFound("预约");
    if (b.service.code !== "LIVER_CHECK" || b.status !== "COMPLETED")
      throw new AppError("OUTCOME_NOT_APPLICABLE", "只有已完成的免费肝脏检查可以登记结果");
    await tx.medicalBooking.update({ where: { id }, data: { outcome: null, outcomeEnc: encryptOutcome(outcome), outcomeAt: new Date() } });
    await writeAudit(tx, { actor, action: "medical.outcome.record", targetType: "MedicalBooking", targetId: id, target: b.user.badgeNo });
    if (outcome === "ABNORMAL_RECHECK") {
      await notify(tx, [b.userId], {
        kind: "medical.followup",
        title: "请预约健康咨询",
        titleEn: "Please book a health consultation",
        bodyEn: "Your free liver check suggests a follow-up: book a health consultation and a doctor will explain the results.",
        body: "您的免费肝脏检查结果建议复查。请在“警医共建”中预约一次健康咨询，医生会为您解读结果。",
        link: "/medical?service=HEALTH_CONSULT",
      });
    }
    return reloadBooking(tx, id, !!b.noteCipher);
  }, TX);
}
