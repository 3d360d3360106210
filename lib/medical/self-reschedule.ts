import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { leaveWarnings } from "@/lib/leave/queries";
import { notify } from "@/lib/notifications/queries";
import { DAY_MS, formatShanghai, shanghaiYear, shanghaiYearRange } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import type { BookingDto, SlotDto } from "./dto";
import { getBooking } from "./queries";
import { rescheduleSchema } from "./schemas";

// The officer moves their own booking to another open slot of the same service (cal.com
// "reschedule"): one transaction that takes the new seat under the same per-person lock as a new
// booking, frees the old one, and keeps the yearly quota when the move crosses into another year.

const TX = { maxWait: 20_000, timeout: 30_000 };

async function ownBooking(actor: Actor, id: string) {
  const b = await db.medicalBooking.findFirst({
    where: { id, userId: actor.id },
    select: { id: true, status: true, urgent: true, slotId: true, serviceId: true },
  });
  if (!b) throw notFound("预约");
  return b;
}

/** The open future slots (with a free seat, next 4 weeks) my own booking could move to. */
export async function listMyRescheduleTargets(actor: Actor, bookingId: string, now = new Date()): Promise<SlotDto[]> {
  assertCan(actor, "medical.book");
  const b = await ownBooking(actor, bookingId);
  if (b.status !== "BOOKED" || b.urgent || !b.slotId) return [];
  const rows = await db.medicalSlot.findMany({
    where: {
      serviceId: b.serviceId,
      closed: false,
      id: { not: b.slotId },
      startsAt: { gt: now, lt: new Date(now.getTime() + 28 * DAY_MS) },
    },
    orderBy: { startsAt: "asc" },
    take: 300,
    select: { id: true, startsAt: true, endsAt: true, capacity: true, bookedCount: true, closed: true, closedReason: true, service: true },
  });
  return rows
    .filter((s) => s.bookedCount < s.capacity)
    .map((s) => ({
      id: s.id,
      service: s.service.code,
      serviceName: s.service.name,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      bookedCount: s.bookedCount,
      closed: s.closed,
      closedReason: s.closedReason,
    }));
}

/** My booking moved to `slotId`; someone else's is NOT_FOUND. Carries ON_LEAVE like a new booking. */
export async function rescheduleMyBooking(
  actor: Actor,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<BookingDto & { warnings: "ON_LEAVE"[] }> {
  assertCan(actor, "medical.book");
  const { slotId } = parseInput(rescheduleSchema, input);
  const moved = await db.$transaction(async (tx) => {
    const b = await tx.medicalBooking.findFirst({
      where: { id, userId: actor.id },
      select: {
        id: true,
        status: true,
        urgent: true,
        slotId: true,
        serviceId: true,
        startsAt: true,
        service: { select: { name: true, yearlyQuota: true } },
      },
    });
    if (!b) throw notFound("预约");
    if (b.status !== "BOOKED" || b.urgent || !b.slotId) throw new AppError("INVALID_TRANSITION", "只有已预约的普通预约可以改期");
    if (b.slotId === slotId) return null;
    const target = await tx.medicalSlot.findUnique({
      where: { id: slotId },
      select: { id: true, serviceId: true, startsAt: true, endsAt: true, closed: true },
    });
    if (!target || target.serviceId !== b.serviceId) throw notFound("时段");
    if (target.closed) throw new AppError("SLOT_CLOSED", "该时段已停诊");
    if (target.startsAt <= now) throw new AppError("SLOT_IN_PAST", "该时段已开始或已过去");
    // the same lock as bookSlot (lib/medical/booking.ts), so quota counts see one another
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`medical:${actor.id}:${b.serviceId}`}, 0))`;
    const year = shanghaiYear(target.startsAt);
    if (b.service.yearlyQuota !== null && year !== shanghaiYear(b.startsAt)) {
      const { start, end } = shanghaiYearRange(year);
      const used = await tx.medicalBooking.count({
        where: {
          userId: actor.id,
          serviceId: b.serviceId,
          urgent: false,
          status: { not: "CANCELLED" },
          startsAt: { gte: start, lt: end },
          id: { not: b.id },
        },
      });
      if (used >= b.service.yearlyQuota) {
        throw new AppError("QUOTA_EXCEEDED", `“${b.service.name}”每年限${b.service.yearlyQuota}次，${year}年已用完`);
      }
    }
    const seat = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" + 1, "updatedAt" = now()
      WHERE id = ${target.id} AND "bookedCount" < capacity AND closed = false RETURNING id`;
    if (!seat.length) throw new AppError("SLOT_FULL", "目标时段已约满");
    const changed = await tx.medicalBooking.updateMany({
      where: { id, userId: actor.id, status: "BOOKED", slotId: b.slotId },
      data: { slotId: target.id, startsAt: target.startsAt, endsAt: target.endsAt, reminderSentAt: null },
    });
    if (changed.count !== 1) throw new AppError("INVALID_TRANSITION", "预约状态已变化，请刷新");
    await tx.$executeRaw`UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" - 1, "updatedAt" = now() WHERE id = ${b.slotId}`;
    await writeAudit(tx, {
      actor,
      action: "medical.booking.reschedule_own",
      targetType: "MedicalBooking",
      targetId: id,
      target: actor.badgeNo,
      details: { fromSlot: b.slotId, toSlot: target.id },
    });
    await notify(tx, [actor.id], {
      kind: "medical.booking.changed",
      title: "预约已改期",
      body: `您的${b.service.name}预约已改到 ${formatShanghai(target.startsAt)}。`,
      titleEn: "Booking rescheduled",
      bodyEn: `Your booking now is at ${formatShanghai(target.startsAt)} (Beijing time).`,
      link: `/medical/bookings/${id}`,
    });
    return target;
  }, TX);
  const dto = await getBooking(actor, id);
  const warnings = moved ? await leaveWarnings(actor.id, moved.startsAt, moved.endsAt) : [];
  return { ...dto, warnings };
}
