import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/queries";
import { formatShanghai, shanghaiDate, shanghaiDayRange } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { slotsFromTemplates } from "./calendar";
import { CURRENT_CONSENT } from "./consent-text";
import type { SlotDto } from "./dto";
import { getConsentState, toSlotDto, type ConsentState } from "./queries";
import { closedDaySchema, consentSchema, createSlotSchema, generateSchema, hospitalSchema, serviceSchema, templateSchema } from "./schemas";
import { z } from "zod";

// Consent, and the liaison's calendar and catalogue. Booking rules are in booking.ts.

/** Records the actor's separate consent to the current text (idempotent while it stands). */
export async function giveConsent(actor: Actor, input: unknown): Promise<ConsentState> {
  const { version } = parseInput(consentSchema, input);
  if (version !== CURRENT_CONSENT.version) {
    throw new AppError("CONSENT_VERSION_OUTDATED", "同意书已更新，请阅读最新版本后再同意", {
      extra: { currentVersion: CURRENT_CONSENT.version },
    });
  }
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`medical-consent:${actor.id}`}, 0))`;
    const state = await getConsentState(actor, tx);
    if (state.valid) return state;
    // an older version still standing is superseded by this one
    await tx.medicalConsent.updateMany({ where: { userId: actor.id, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
    await tx.medicalConsent.create({ data: { userId: actor.id, version, ip: actor.ip ?? null } });
    await writeAudit(tx, {
      actor,
      action: "medical.consent.give",
      targetType: "User",
      targetId: actor.id,
      target: actor.badgeNo,
      details: { version },
    });
    return getConsentState(actor, tx);
  });
}

/** Withdrawal is honoured at once: no new booking, and no note goes to the hospital any more. */
export async function withdrawConsent(actor: Actor): Promise<ConsentState> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.medicalConsent.updateMany({
      where: { userId: actor.id, withdrawnAt: null },
      data: { withdrawnAt: new Date() },
    });
    if (count)
      await writeAudit(tx, { actor, action: "medical.consent.withdraw", targetType: "User", targetId: actor.id, target: actor.badgeNo });
    return getConsentState(actor, tx);
  });
}

export async function saveHospital(actor: Actor, input: unknown) {
  assertCan(actor, "medical.manage");
  const d = parseInput(hospitalSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const data = { name: d.name, address: d.address || null, phone: d.phone || null, active: d.active };
      const h = d.id ? await tx.medicalHospital.update({ where: { id: d.id }, data }) : await tx.medicalHospital.create({ data });
      await writeAudit(tx, {
        actor,
        action: d.id ? "medical.hospital.update" : "medical.hospital.create",
        targetType: "MedicalHospital",
        targetId: h.id,
        target: h.name,
      });
      return { id: h.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION_FAILED", "医院名称已存在", { fields: { name: "医院名称已存在" } });
    throw e;
  }
}

export async function saveService(actor: Actor, input: unknown) {
  assertCan(actor, "medical.manage");
  const d = parseInput(serviceSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const data = {
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        description: d.description,
        hospitalId: d.hospitalId,
        yearlyQuota: d.yearlyQuota,
        active: d.active,
      };
      const s = d.id ? await tx.medicalService.update({ where: { id: d.id }, data }) : await tx.medicalService.create({ data });
      await writeAudit(tx, {
        actor,
        action: d.id ? "medical.service.update" : "medical.service.create",
        targetType: "MedicalService",
        targetId: s.id,
        target: s.code,
        details: { yearlyQuota: s.yearlyQuota, active: s.active },
      });
      return { id: s.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION_FAILED", "服务代码已存在", { fields: { code: "服务代码已存在" } });
    throw e;
  }
}

export async function createTemplate(actor: Actor, input: unknown) {
  assertCan(actor, "medical.manage");
  const d = parseInput(templateSchema, input);
  return db.$transaction(async (tx) => {
    const t = await tx.medicalSlotTemplate.create({ data: d });
    await writeAudit(tx, { actor, action: "medical.template.create", targetType: "MedicalSlotTemplate", targetId: t.id, details: d });
    return { id: t.id };
  });
}

/** Removing a template keeps the slots it already generated (and their bookings). */
export async function deleteTemplate(actor: Actor, id: string) {
  assertCan(actor, "medical.manage");
  return db.$transaction(async (tx) => {
    const t = await tx.medicalSlotTemplate.findUnique({ where: { id }, select: { id: true } });
    if (!t) throw notFound("模板");
    await tx.medicalSlotTemplate.delete({ where: { id } });
    await writeAudit(tx, { actor, action: "medical.template.delete", targetType: "MedicalSlotTemplate", targetId: id });
  });
}

/** Slots from the active weekly templates for a date range; closed days and the past are skipped, existing slots kept. */
export async function generateSlots(actor: Actor, input: unknown, now = new Date()): Promise<{ created: number }> {
  assertCan(actor, "medical.manage");
  const d = parseInput(generateSchema, input);
  return db.$transaction(async (tx) => {
    const templates = await tx.medicalSlotTemplate.findMany({
      where: { active: true, service: { active: true }, ...(d.serviceId ? { serviceId: d.serviceId } : {}) },
    });
    const closed = new Set(
      (await tx.medicalClosedDay.findMany({ where: { date: { gte: d.from, lte: d.to } }, select: { date: true } })).map((c) => c.date),
    );
    const rows = slotsFromTemplates(templates, closed, d.from, d.to, now);
    const { count } = rows.length ? await tx.medicalSlot.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
    await writeAudit(tx, { actor, action: "medical.slots.generate", details: { from: d.from, to: d.to, created: count } });
    return { created: count };
  });
}

/** One slot by hand (API: POST /api/v1/medical/slots). */
export async function createSlot(actor: Actor, input: unknown): Promise<SlotDto> {
  assertCan(actor, "medical.manage");
  const d = parseInput(createSlotSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const service = await tx.medicalService.findUnique({ where: { code: d.service }, select: { id: true } });
      if (!service) throw new AppError("VALIDATION_FAILED", "服务项目不存在", { fields: { service: "服务项目不存在" } });
      const startsAt = new Date(d.startsAt);
      if (await tx.medicalClosedDay.findUnique({ where: { date: shanghaiDate(startsAt) }, select: { id: true } })) {
        throw new AppError("DAY_CLOSED", "该日期已设为停诊日");
      }
      const slot = await tx.medicalSlot.create({
        data: { serviceId: service.id, startsAt, endsAt: new Date(d.endsAt), capacity: d.capacity },
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          capacity: true,
          bookedCount: true,
          closed: true,
          closedReason: true,
          service: { select: { code: true, name: true } },
        },
      });
      await writeAudit(tx, {
        actor,
        action: "medical.slot.create",
        targetType: "MedicalSlot",
        targetId: slot.id,
        details: { service: d.service, startsAt: d.startsAt, capacity: d.capacity },
      });
      return toSlotDto(slot);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("SLOT_EXISTS", "该服务在这个时间已有时段");
    throw e;
  }
}

/** Capacity can grow at any time, and shrink no lower than the seats already taken. */
export async function setSlotCapacity(actor: Actor, slotId: string, input: unknown) {
  assertCan(actor, "medical.manage");
  const { capacity } = parseInput(z.object({ capacity: z.coerce.number().int().min(1, "容量至少为1").max(500) }), input);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: string }[]
    >`UPDATE "MedicalSlot" SET capacity = ${capacity}, "updatedAt" = now() WHERE id = ${slotId} AND "bookedCount" <= ${capacity} RETURNING id`;
    if (!rows.length) {
      if (!(await tx.medicalSlot.findUnique({ where: { id: slotId }, select: { id: true } }))) throw notFound("时段");
      throw new AppError("CAPACITY_BELOW_BOOKED", "容量不能小于已预约人数");
    }
    await writeAudit(tx, { actor, action: "medical.slot.capacity", targetType: "MedicalSlot", targetId: slotId, details: { capacity } });
  });
}

/**
 * Closes a day: slots nobody ever booked are removed; slots with bookings are closed to new
 * bookings, and their bookings are either cancelled (seats freed, bookers told) or kept (bookers
 * told their visit stands) — the liaison chooses explicitly.
 */
export async function closeDay(
  actor: Actor,
  input: unknown,
): Promise<{ removedSlots: number; closedSlots: number; cancelled: number; kept: number }> {
  assertCan(actor, "medical.manage");
  const d = parseInput(closedDaySchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const day = await tx.medicalClosedDay.create({ data: { date: d.date, reason: d.reason, createdById: actor.id } });
      const { start, end } = shanghaiDayRange(d.date);
      const slotWhere = { startsAt: { gte: start, lt: end } };
      const removed = await tx.medicalSlot.deleteMany({ where: { ...slotWhere, bookings: { none: {} } } });
      const closed = await tx.medicalSlot.updateMany({ where: slotWhere, data: { closed: true, closedReason: d.reason } });
      const active = await tx.medicalBooking.findMany({
        where: { slot: slotWhere, urgent: false, status: "BOOKED" },
        select: { id: true, userId: true, slotId: true, startsAt: true, service: { select: { name: true } } },
      });
      if (d.existing === "CANCEL" && active.length) {
        await tx.medicalBooking.updateMany({
          where: { id: { in: active.map((b) => b.id) }, status: "BOOKED" },
          data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: `停诊：${d.reason}` },
        });
        const perSlot = new Map<string, number>();
        for (const b of active) perSlot.set(b.slotId!, (perSlot.get(b.slotId!) ?? 0) + 1);
        for (const [slotId, n] of perSlot)
          await tx.$executeRaw`UPDATE "MedicalSlot" SET "bookedCount" = "bookedCount" - ${n}, "updatedAt" = now() WHERE id = ${slotId}`;
      }
      for (const b of active) {
        await notify(
          tx,
          [b.userId],
          d.existing === "CANCEL"
            ? {
                kind: "medical.booking.cancelled",
                title: "医院停诊，预约已取消",
                titleEn: "Hospital closed: booking cancelled",
                bodyEn: `The hospital is closed on ${d.date} (${d.reason}); your booking at ${formatShanghai(b.startsAt)} was cancelled. Please book again.`,
                body: `${d.date}医院停诊（${d.reason}），您 ${formatShanghai(b.startsAt)} 的${b.service.name}预约已取消，请重新预约。`,
                link: "/medical",
              }
            : {
                kind: "medical.booking.changed",
                title: "停诊日安排",
                body: `${d.date}医院停诊（${d.reason}），但您 ${formatShanghai(b.startsAt)} 的${b.service.name}预约仍然保留，请按时前往。`,
                link: "/medical",
              },
        );
      }
      await writeAudit(tx, {
        actor,
        action: "medical.day.close",
        targetType: "MedicalClosedDay",
        targetId: day.id,
        target: d.date,
        details: {
          reason: d.reason,
          existing: d.existing,
          removedSlots: removed.count,
          closedSlots: closed.count,
          bookings: active.length,
        },
      });
      return {
        removedSlots: removed.count,
        closedSlots: closed.count,
        cancelled: d.existing === "CANCEL" ? active.length : 0,
        kept: d.existing === "KEEP" ? active.length : 0,
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("DAY_ALREADY_CLOSED", "该日期已是停诊日");
    throw e;
  }
}

/** Reopens a closed day: its remaining slots accept bookings again (removed slots can be regenerated). */
export async function reopenDay(actor: Actor, id: string) {
  assertCan(actor, "medical.manage");
  return db.$transaction(async (tx) => {
    const day = await tx.medicalClosedDay.findUnique({ where: { id } });
    if (!day) throw notFound("停诊日");
    const { start, end } = shanghaiDayRange(day.date);
    await tx.medicalSlot.updateMany({
      where: { startsAt: { gte: start, lt: end } },
      data: { closed: false, closedReason: null },
    });
    await tx.medicalClosedDay.delete({ where: { id } });
    await writeAudit(tx, { actor, action: "medical.day.reopen", targetType: "MedicalClosedDay", targetId: id, target: day.date });
  });
}
