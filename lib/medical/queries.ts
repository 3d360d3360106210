import "server-only";
import { assertCan, can, type Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { decryptForDisplay } from "@/lib/crypto";
import { readOutcome } from "./outcome";
import { cachedReference } from "@/lib/cache/reference";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { parseInput, type Paged } from "@/lib/validation";
import { DAY_MS, shanghaiDate, shanghaiDayRange, shanghaiYear, shanghaiYearRange, startOfShanghaiDay } from "@/lib/time";
import { bookingHorizonEnd } from "./calendar";
import { CURRENT_CONSENT } from "./consent-text";
import type { BookingDto, ServiceDto, SlotDto } from "./dto";
import { bookingsQuerySchema, slotsQuerySchema, type BookingStatus } from "./schemas";
import { ACTIVE_STATUSES, DAY_LIST_STATUSES, QUOTA_STATUSES } from "./statuses";

type Client = Tx | typeof db;

/**
 * The one visibility rule for bookings: the liaison sees all, anyone else only their own.
 * A booking outside it answers NOT_FOUND, so its existence does not leak.
 */
export function bookingVisibility(actor: Actor): Prisma.MedicalBookingWhereInput {
  if (can(actor, "medical.manage")) return {};
  return { userId: actor.id };
}

/** bookingVisibility as SQL, for the hand-written reads below (alias b = "MedicalBooking"). */
export function bookingVisibilitySql(actor: Actor): Prisma.Sql {
  return can(actor, "medical.manage") ? Prisma.sql`TRUE` : Prisma.sql`b."userId" = ${actor.id}`;
}

/**
 * Everything a BookingDto needs in one statement (the day board and lists are the module's hot
 * reads; Prisma's relation loading would issue five queries per list). Never the ciphertext.
 */
export const BOOKING_SQL = Prisma.sql`
  SELECT b.id, b."userId", b.status::text AS status, b.urgent, b."slotId", b."startsAt", b."endsAt", b."shareNote", b.outcome::text AS outcome, b."outcomeEnc",
    b."cancelReason", b."createdAt", (b."noteCipher" IS NOT NULL) AS "hasNote", s.code AS "serviceCode", s.name AS "serviceName", s."nameEn" AS "serviceNameEn",
    u."badgeNo", u.name AS "userName", un.id AS "unitId", un.name AS "unitName",
    sl."startsAt" AS "slotStartsAt", sl."endsAt" AS "slotEndsAt", sl.capacity AS "slotCapacity", sl."bookedCount" AS "slotBookedCount",
    sl.closed AS "slotClosed", sl."closedReason" AS "slotClosedReason"
  FROM "MedicalBooking" b
  JOIN "MedicalService" s ON s.id = b."serviceId" JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId"
  LEFT JOIN "MedicalSlot" sl ON sl.id = b."slotId"`;

export type BookingRowSql = {
  id: string;
  userId: string;
  status: BookingStatus;
  urgent: boolean;
  slotId: string | null;
  startsAt: Date;
  endsAt: Date | null;
  shareNote: boolean;
  outcome: "NORMAL" | "ABNORMAL_RECHECK" | null;
  outcomeEnc: string | null;
  cancelReason: string | null;
  createdAt: Date;
  hasNote: boolean;
  serviceCode: string;
  serviceName: string;
  serviceNameEn: string;
  badgeNo: string;
  userName: string;
  unitId: string;
  unitName: string;
  slotStartsAt: Date | null;
  slotEndsAt: Date | null;
  slotCapacity: number | null;
  slotBookedCount: number | null;
  slotClosed: boolean | null;
  slotClosedReason: string | null;
};

export function sqlRowDto(r: BookingRowSql): BookingDto {
  return {
    id: r.id,
    status: r.status,
    urgent: r.urgent,
    service: { code: r.serviceCode, name: r.serviceName, nameEn: r.serviceNameEn },
    slot: r.slotId
      ? {
          id: r.slotId,
          service: r.serviceCode,
          serviceName: r.serviceName,
          startsAt: r.slotStartsAt!,
          endsAt: r.slotEndsAt!,
          capacity: r.slotCapacity!,
          bookedCount: r.slotBookedCount!,
          closed: !!r.slotClosed,
          closedReason: r.slotClosedReason,
        }
      : null,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    user: { id: r.userId, badgeNo: r.badgeNo, name: r.userName, unit: { id: r.unitId, name: r.unitName } },
    hasNote: r.hasNote,
    shareNote: r.shareNote,
    outcome: readOutcome(r),
    cancelReason: r.cancelReason,
    createdAt: r.createdAt,
  };
}

const serviceSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  description: true,
  yearlyQuota: true,
  active: true,
  hospital: { select: { id: true, name: true } },
} satisfies Prisma.MedicalServiceSelect;

const slotSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  bookedCount: true,
  closed: true,
  closedReason: true,
  service: { select: { code: true, name: true } },
} satisfies Prisma.MedicalSlotSelect;

/** Never includes noteCipher; readers that may see the note ask for it separately (audited). */
export const bookingSelect = {
  id: true,
  status: true,
  urgent: true,
  startsAt: true,
  endsAt: true,
  shareNote: true,
  outcome: true,
  outcomeEnc: true,
  cancelReason: true,
  createdAt: true,
  noteCipher: false,
  service: { select: { code: true, name: true, nameEn: true } },
  slot: { select: slotSelect },
  user: { select: { id: true, badgeNo: true, name: true, unit: { select: { id: true, name: true } } } },
} satisfies Prisma.MedicalBookingSelect;

type SlotRow = Prisma.MedicalSlotGetPayload<{ select: typeof slotSelect }>;
type BookingRow = Prisma.MedicalBookingGetPayload<{ select: typeof bookingSelect }>;

export function toSlotDto(s: SlotRow): SlotDto {
  return {
    id: s.id,
    service: s.service.code,
    serviceName: s.service.name,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    bookedCount: s.bookedCount,
    closed: s.closed,
    closedReason: s.closedReason,
  };
}

export function toBookingDto(b: BookingRow, hasNote: boolean): BookingDto {
  return {
    id: b.id,
    status: b.status,
    urgent: b.urgent,
    service: b.service,
    slot: b.slot ? toSlotDto(b.slot) : null,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    user: b.user,
    hasNote,
    shareNote: b.shareNote,
    outcome: readOutcome(b),
    cancelReason: b.cancelReason,
    createdAt: b.createdAt,
  };
}

/** Services people can book (liaison: with inactive ones too). */
export async function listServices(actor: Actor, opts: { includeInactive?: boolean } = {}): Promise<ServiceDto[]> {
  const all = await cachedReference(["MedicalService", "MedicalHospital"], () =>
    db.medicalService.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: serviceSelect }),
  );
  return opts.includeInactive && can(actor, "medical.manage") ? all : all.filter((s) => s.active);
}

export async function getServiceByCode(actor: Actor, code: string): Promise<ServiceDto> {
  const s = await db.medicalService.findUnique({ where: { code }, select: serviceSelect });
  if (!s || (!s.active && !can(actor, "medical.manage"))) throw notFound("服务项目");
  return s;
}

function rangeBound(v: string | undefined, fallback: Date, endOfDay = false): Date {
  if (!v) return fallback;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(startOfShanghaiDay(v).getTime() + (endOfDay ? DAY_MS : 0));
  return new Date(v);
}

/**
 * Slots in a range (default: the next four weeks). People who book see open future slots;
 * the liaison sees closed and past ones too.
 */
export async function listSlots(actor: Actor, input: unknown, now = new Date()): Promise<Paged<SlotDto>> {
  const q = parseInput(slotsQuerySchema, input);
  const manage = can(actor, "medical.manage");
  const from = rangeBound(q.from, now);
  const to = rangeBound(q.to, new Date(from.getTime() + 28 * DAY_MS), true);
  const where: Prisma.MedicalSlotWhereInput = {
    startsAt: { gte: manage ? from : new Date(Math.max(from.getTime(), now.getTime())), lt: to },
    ...(q.service ? { service: { code: q.service } } : {}),
    ...(manage ? {} : { closed: false, service: { active: true, ...(q.service ? { code: q.service } : {}) } }),
  };
  const [total, rows] = await Promise.all([
    db.medicalSlot.count({ where }),
    db.medicalSlot.findMany({
      where,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: slotSelect,
    }),
  ]);
  return { items: rows.map(toSlotDto), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Open future slots of one service within the booking horizon, full ones included (the page
 * shows them as full), for the booking calendar; a range narrows them to [from, to), e.g. the
 * week on screen.
 */
export async function listBookableSlots(
  actor: Actor,
  serviceCode: string,
  range: { from?: Date; to?: Date } = {},
  now = new Date(),
): Promise<SlotDto[]> {
  assertCan(actor, "medical.book");
  const horizon = bookingHorizonEnd(now);
  const rows = await db.medicalSlot.findMany({
    where: {
      service: { code: serviceCode, active: true },
      closed: false,
      startsAt: { gt: now, ...(range.from ? { gte: range.from } : {}), lt: range.to && range.to < horizon ? range.to : horizon },
    },
    orderBy: { startsAt: "asc" },
    take: 1000,
    select: slotSelect,
  });
  return rows.map(toSlotDto);
}

export type ConsentState = {
  current: { version: number; text: string; publishedOn: string };
  given: { version: number; at: Date } | null;
  /** a consent to the current version that has not been withdrawn */
  valid: boolean;
};

export async function getConsentState(actor: Actor, client: Client = db): Promise<ConsentState> {
  const row = await client.medicalConsent.findFirst({
    where: { userId: actor.id, withdrawnAt: null },
    orderBy: { givenAt: "desc" },
    select: { version: true, givenAt: true },
  });
  return {
    current: { version: CURRENT_CONSENT.version, text: CURRENT_CONSENT.text, publishedOn: CURRENT_CONSENT.publishedOn },
    given: row ? { version: row.version, at: row.givenAt } : null,
    valid: !!row && row.version === CURRENT_CONSENT.version,
  };
}

/** Decrypts notes of visible bookings, writing one audit entry per note read, in one transaction. */
async function readNotes(actor: Actor, ids: string[], purpose: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!ids.length) return out;
  await db.$transaction(async (tx) => {
    const rows = await tx.medicalBooking.findMany({
      where: { AND: [bookingVisibility(actor), { id: { in: ids }, noteCipher: { not: null } }] },
      select: { id: true, noteCipher: true, user: { select: { badgeNo: true } } },
    });
    for (const r of rows) {
      out.set(r.id, decryptForDisplay(r.noteCipher!));
      await writeAudit(tx, {
        actor,
        action: "medical.note.read",
        targetType: "MedicalBooking",
        targetId: r.id,
        target: r.user.badgeNo,
        details: { purpose },
      });
    }
  });
  return out;
}

/**
 * Bookings the actor may see: their own; the liaison all of them, filtered by date, service
 * and status. withNotes decrypts the notes (owner and liaison only, audited).
 */
export async function listBookings(
  actor: Actor,
  input: unknown,
  opts: { withNotes?: boolean; mine?: boolean } = {},
): Promise<Paged<BookingDto>> {
  const q = parseInput(bookingsQuerySchema, input);
  const conds: Prisma.Sql[] = [opts.mine ? Prisma.sql`b."userId" = ${actor.id}` : bookingVisibilitySql(actor)];
  if (q.date) {
    const { start, end } = shanghaiDayRange(q.date);
    conds.push(Prisma.sql`b."startsAt" >= ${start} AND b."startsAt" < ${end}`);
  }
  if (q.service) conds.push(Prisma.sql`s.code = ${q.service}`);
  if (q.status) conds.push(Prisma.sql`b.status = ${q.status}::"MedicalBookingStatus"`);
  const where = Prisma.join(conds, " AND ");
  const [countRows, rows] = await Promise.all([
    db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "MedicalBooking" b JOIN "MedicalService" s ON s.id = b."serviceId" WHERE ${where}`,
    db.$queryRaw<
      BookingRowSql[]
    >`${BOOKING_SQL} WHERE ${where} ORDER BY b."startsAt" DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  ]);
  const items = rows.map(sqlRowDto);
  if (opts.withNotes) {
    const notes = await readNotes(
      actor,
      items.filter((b) => b.hasNote).map((b) => b.id),
      "bookings.list",
    );
    for (const b of items) b.note = notes.get(b.id) ?? null;
  }
  return { items, total: countRows[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getBooking(actor: Actor, id: string, opts: { withNote?: boolean } = {}): Promise<BookingDto> {
  const [row] = await db.$queryRaw<BookingRowSql[]>`${BOOKING_SQL} WHERE b.id = ${id} AND ${bookingVisibilitySql(actor)}`;
  if (!row) throw notFound("预约");
  const dto = sqlRowDto(row);
  if (opts.withNote) dto.note = dto.hasNote ? ((await readNotes(actor, [id], "booking.view")).get(id) ?? null) : null;
  return dto;
}

export type Eligibility = {
  service: ServiceDto;
  consentValid: boolean;
  active: { id: string; startsAt: Date; status: BookingStatus } | null;
  quota: { limit: number | null; used: number; year: number; renewsOn: string } | null;
};

/** Why the actor can or cannot book a service now (shown before they pick a slot). */
export async function getEligibility(actor: Actor, serviceCode: string, now = new Date()): Promise<Eligibility> {
  assertCan(actor, "medical.book");
  const service = await getServiceByCode(actor, serviceCode);
  const year = shanghaiYear(now);
  const { start, end } = shanghaiYearRange(year);
  const [consent, active, used] = await Promise.all([
    getConsentState(actor),
    db.medicalBooking.findFirst({
      where: { userId: actor.id, serviceId: service.id, urgent: false, status: { in: [...ACTIVE_STATUSES] } },
      select: { id: true, startsAt: true, status: true },
    }),
    service.yearlyQuota === null
      ? Promise.resolve(0)
      : db.medicalBooking.count({
          where: {
            userId: actor.id,
            serviceId: service.id,
            urgent: false,
            status: { in: [...QUOTA_STATUSES] },
            startsAt: { gte: start, lt: end },
          },
        }),
  ]);
  return {
    service,
    consentValid: consent.valid,
    active,
    quota: service.yearlyQuota === null ? null : { limit: service.yearlyQuota, used, year, renewsOn: `${year + 1}-01-01` },
  };
}

/** A liver check marked abnormal with no health consultation booked since: prompt only its owner. */
export async function getMyFollowUp(actor: Actor): Promise<{ outcomeAt: Date } | null> {
  // The outcome is encrypted: read the person's recorded liver checks (a handful) and decide here.
  const checks = await db.medicalBooking.findMany({
    where: { userId: actor.id, outcomeAt: { not: null }, service: { code: "LIVER_CHECK" } },
    orderBy: { outcomeAt: "desc" },
    select: { outcomeAt: true, outcome: true, outcomeEnc: true },
    take: 50,
  });
  const abnormal = checks.find((c) => readOutcome(c) === "ABNORMAL_RECHECK");
  if (!abnormal?.outcomeAt) return null;
  const consult = await db.medicalBooking.findFirst({
    where: { userId: actor.id, service: { code: "HEALTH_CONSULT" }, createdAt: { gte: abnormal.outcomeAt }, status: { not: "CANCELLED" } },
    select: { id: true },
  });
  return consult ? null : { outcomeAt: abnormal.outcomeAt };
}

export type DayBoard = {
  date: string;
  bookings: BookingDto[];
  slots: SlotDto[];
  counts: { booked: number; checkedIn: number; completed: number; noShow: number; cancelled: number; urgent: number };
};

/** The liaison's day: every booking (urgent entries first within their time) and every slot of a Shanghai day. */
export async function getDayBoard(actor: Actor, date: string | undefined, serviceCode?: string, now = new Date()): Promise<DayBoard> {
  assertCan(actor, "medical.manage");
  const day = date ?? shanghaiDate(now);
  const { start, end } = shanghaiDayRange(day);
  const svcSql = serviceCode ? Prisma.sql`AND s.code = ${serviceCode}` : Prisma.empty;
  const [rows, slots] = await Promise.all([
    db.$queryRaw<
      BookingRowSql[]
    >`${BOOKING_SQL} WHERE b."startsAt" >= ${start} AND b."startsAt" < ${end} ${svcSql} ORDER BY b."startsAt", b.urgent DESC, b."createdAt" LIMIT 2000`,
    db.$queryRaw<(Omit<SlotDto, "service"> & { service: string })[]>`
      SELECT sl.id, s.code AS service, s.name AS "serviceName", sl."startsAt", sl."endsAt", sl.capacity, sl."bookedCount", sl.closed, sl."closedReason"
      FROM "MedicalSlot" sl JOIN "MedicalService" s ON s.id = sl."serviceId"
      WHERE sl."startsAt" >= ${start} AND sl."startsAt" < ${end} ${svcSql} ORDER BY sl."startsAt", s."sortOrder"`,
  ]);
  const bookings = rows.map(sqlRowDto);
  const count = (s: BookingStatus) => bookings.filter((b) => b.status === s).length;
  return {
    date: day,
    bookings,
    slots,
    counts: {
      booked: count("BOOKED"),
      checkedIn: count("CHECKED_IN"),
      completed: count("COMPLETED"),
      noShow: count("NO_SHOW"),
      cancelled: count("CANCELLED"),
      urgent: bookings.filter((b) => b.urgent && b.status !== "CANCELLED").length,
    },
  };
}

const dayListSelect = {
  id: true,
  startsAt: true,
  urgent: true,
  shareNote: true,
  userId: true,
  user: { select: { name: true, unit: { select: { id: true, name: true } } } },
  service: { select: { name: true } },
} satisfies Prisma.MedicalBookingSelect;

export type DayListRow = { time: Date; name: string; unit: string; service: string; urgent: boolean; note: string };

/**
 * The day list the hospital receives: only name, unit, service and time, plus the note when its
 * owner allowed sharing it AND still holds a current consent (withdrawal stops sharing at once).
 * Every note that goes out is audited as a read.
 */
export async function getDayList(actor: Actor, date: string): Promise<DayListRow[]> {
  assertCan(actor, "medical.manage");
  const { start, end } = shanghaiDayRange(date);
  const rows = await db.medicalBooking.findMany({
    where: { startsAt: { gte: start, lt: end }, status: { in: [...DAY_LIST_STATUSES] } },
    orderBy: [{ startsAt: "asc" }, { urgent: "desc" }],
    select: dayListSelect,
  });
  const sharers = rows.filter((r) => r.shareNote).map((r) => r.userId);
  const consents = sharers.length
    ? await db.medicalConsent.findMany({
        where: { userId: { in: sharers }, withdrawnAt: null, version: CURRENT_CONSENT.version },
        select: { userId: true },
      })
    : [];
  const consenting = new Set(consents.map((c) => c.userId));
  const shareIds = rows.filter((r) => r.shareNote && consenting.has(r.userId)).map((r) => r.id);
  const notes = await readNotes(actor, shareIds, "day-list export");
  // the list itself is personal data leaving for the hospital: record who took it
  await writeAudit(db, { actor, action: "medical.daylist.read", target: date, details: { rows: rows.length, notesShared: notes.size } });
  return rows.map((r) => ({
    time: r.startsAt,
    name: r.user.name,
    unit: r.user.unit.name,
    service: r.service.name,
    urgent: r.urgent,
    note: notes.get(r.id) ?? "",
  }));
}

export async function listHospitals(actor: Actor) {
  assertCan(actor, "medical.manage");
  return db.medicalHospital.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, address: true, phone: true, active: true },
  });
}

export async function listTemplates(actor: Actor) {
  assertCan(actor, "medical.manage");
  return db.medicalSlotTemplate.findMany({
    orderBy: [{ service: { sortOrder: "asc" } }, { weekday: "asc" }, { startTime: "asc" }],
    select: {
      id: true,
      weekday: true,
      startTime: true,
      endTime: true,
      slotMinutes: true,
      capacity: true,
      active: true,
      service: { select: { id: true, code: true, name: true } },
    },
  });
}

export async function listClosedDays(actor: Actor, now = new Date()) {
  assertCan(actor, "medical.manage");
  return db.medicalClosedDay.findMany({
    where: { date: { gte: shanghaiDate(new Date(now.getTime() - 30 * DAY_MS)) } },
    orderBy: { date: "asc" },
    select: { id: true, date: true, reason: true },
  });
}

/** Open future slots with a free seat that a booking could be moved to (liaison). */
export async function listRescheduleTargets(actor: Actor, bookingId: string, now = new Date()): Promise<SlotDto[]> {
  assertCan(actor, "medical.manage");
  const b = await db.medicalBooking.findUnique({ where: { id: bookingId }, select: { serviceId: true, slotId: true } });
  if (!b) throw notFound("预约");
  const rows = await db.medicalSlot.findMany({
    where: {
      serviceId: b.serviceId,
      closed: false,
      startsAt: { gt: now, lt: new Date(now.getTime() + 28 * DAY_MS) },
      ...(b.slotId ? { id: { not: b.slotId } } : {}),
    },
    orderBy: { startsAt: "asc" },
    take: 300,
    select: slotSelect,
  });
  return rows.map(toSlotDto).filter((s) => s.bookedCount < s.capacity);
}
