import "server-only";
import { can, type Actor } from "@/lib/access";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { shanghaiDate, shanghaiYear, toIsoShanghai } from "@/lib/time";
import { parseInput, type Paged } from "@/lib/validation";
import { annualEntitlement } from "./balance";
import { dateToDay, dayToDate, indexCalendar, type CalendarDay, type CalendarIndex } from "./calendar";
import { listRequestsSchema, yearSchema, type LeaveStatus, type LeaveType } from "./schemas";
import { isInUnitSubtree, unitSubtree } from "@/lib/unit-tree";

type Client = Tx | typeof db;

export type LeaveRequestDto = {
  id: string;
  user: { id: string; badgeNo: string; name: string; unit: { id: string; name: string } };
  type: LeaveType;
  from: string;
  to: string;
  days: number;
  status: LeaveStatus;
  /** only to the requester and the leads who may decide it; HR sees type and dates, not the reason */
  reason?: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  comment: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
};

export const requestSelect = {
  id: true,
  userId: true,
  type: true,
  startsOn: true,
  endsOn: true,
  days: true,
  status: true,
  reason: true,
  decidedAt: true,
  decisionComment: true,
  cancelledAt: true,
  createdAt: true,
  user: { select: { id: true, badgeNo: true, name: true, unit: { select: { id: true, name: true, path: true } } } },
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.LeaveRequestSelect;
export type RequestRow = Prisma.LeaveRequestGetPayload<{ select: typeof requestSelect }>;

/** May the actor decide requests of people in this unit? A unit lead of it or of a unit above it. */
export function leadsOver(actor: Actor, unitPath: string): boolean {
  return can(actor, "leave.approve") && isInUnitSubtree(unitPath, actor.unitPath);
}

export function toRequestDto(r: RequestRow, actor: Actor): LeaveRequestDto {
  const showReason = r.userId === actor.id || leadsOver(actor, r.user.unit.path);
  return {
    id: r.id,
    user: { id: r.user.id, badgeNo: r.user.badgeNo, name: r.user.name, unit: { id: r.user.unit.id, name: r.user.unit.name } },
    type: r.type,
    from: dateToDay(r.startsOn),
    to: dateToDay(r.endsOn),
    days: r.days,
    status: r.status,
    ...(showReason ? { reason: r.reason } : {}),
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    comment: r.decisionComment,
    cancelledAt: r.cancelledAt,
    createdAt: r.createdAt,
  };
}

/**
 * The people whose leave the actor oversees: a unit lead everyone in their unit subtree, HR the
 * auxiliary officers in theirs. Anyone else oversees no one (FORBIDDEN).
 */
export function overseenPeople(actor: Actor): Prisma.UserWhereInput {
  const or: Prisma.UserWhereInput[] = [];
  const subtree = { unit: unitSubtree(actor.unitPath) };
  if (can(actor, "leave.approve")) or.push(subtree);
  if (can(actor, "leave.hr")) or.push({ ...subtree, roles: { has: "AUXILIARY" } });
  if (!or.length) throw forbidden();
  return or.length === 1 ? or[0]! : { OR: or };
}

/** The one visibility rule of leave requests: my own, plus those of the people I oversee. */
export function leaveVisibility(actor: Actor): Prisma.LeaveRequestWhereInput {
  const mine: Prisma.LeaveRequestWhereInput = { userId: actor.id };
  if (!can(actor, "leave.approve") && !can(actor, "leave.hr")) return mine;
  return { OR: [mine, { user: overseenPeople(actor) }] };
}

/** The approval rule: a unit lead of the requester's unit or a unit above it, never the requester. */
export function decidableWhere(actor: Actor): Prisma.LeaveRequestWhereInput {
  if (!can(actor, "leave.approve")) return { id: { in: [] } };
  return { userId: { not: actor.id }, user: { unit: unitSubtree(actor.unitPath) } };
}

// ---------------------------------------------------------------- calendar

/** The calendar's special days in from..to, as an index for calendar.ts. */
export async function loadCalendar(from: string, to: string, client: Client = db): Promise<CalendarIndex> {
  const rows = await client.leaveHoliday.findMany({
    where: { date: { gte: dayToDate(from), lte: dayToDate(to) } },
    select: { date: true, kind: true },
  });
  return indexCalendar(rows.map((r) => ({ date: dateToDay(r.date), kind: r.kind })));
}

export type HolidayYearDto = {
  year: number;
  /** false: HR has not entered this year; counting uses Monday–Friday only */
  configured: boolean;
  provisional: boolean;
  source: string | null;
  updatedAt: Date | null;
  days: CalendarDay[];
};

/** A year of the holiday calendar; any signed-in person may read it. */
export async function getHolidayYear(_actor: Actor, year: number): Promise<HolidayYearDto> {
  const y = parseInput(yearSchema, year);
  const cal = await db.leaveCalendarYear.findUnique({
    where: { year: y },
    select: {
      provisional: true,
      source: true,
      updatedAt: true,
      days: { select: { date: true, kind: true, name: true }, orderBy: { date: "asc" } },
    },
  });
  return {
    year: y,
    configured: !!cal,
    provisional: cal?.provisional ?? false,
    source: cal?.source ?? null,
    updatedAt: cal?.updatedAt ?? null,
    days: (cal?.days ?? []).map((d) => ({ date: dateToDay(d.date), kind: d.kind, name: d.name })),
  };
}

// ---------------------------------------------------------------- balance

export type BalanceDto = {
  year: number;
  entitlementDays: number;
  usedDays: number;
  pendingDays: number;
  remainingDays: number;
  serviceStartDate: string | null;
  serviceYears: number | null;
};

/** Annual-leave days of a person in a year by status (APPROVED = used, PENDING = reserved). */
async function annualDaysByStatus(client: Client, userIds: string[], year: number) {
  if (!userIds.length) return new Map<string, { used: number; pending: number }>();
  const rows = await client.leaveRequest.groupBy({
    by: ["userId", "status"],
    where: {
      userId: { in: userIds },
      type: "ANNUAL",
      status: { in: ["PENDING", "APPROVED"] },
      startsOn: { gte: dayToDate(`${year}-01-01`), lte: dayToDate(`${year}-12-31`) },
    },
    _sum: { days: true },
  });
  const out = new Map<string, { used: number; pending: number }>();
  for (const r of rows) {
    const e = out.get(r.userId) ?? { used: 0, pending: 0 };
    if (r.status === "APPROVED") e.used += r._sum.days ?? 0;
    else e.pending += r._sum.days ?? 0;
    out.set(r.userId, e);
  }
  return out;
}

function toBalance(year: number, serviceStart: Date | null, sums: { used: number; pending: number } | undefined): BalanceDto {
  const start = serviceStart ? dateToDay(serviceStart) : null;
  const ent = annualEntitlement(start, year);
  const used = sums?.used ?? 0;
  const pending = sums?.pending ?? 0;
  return {
    year,
    entitlementDays: ent.days,
    usedDays: used,
    pendingDays: pending,
    // a calendar change can recount booked days past the entitlement; never report a negative remainder
    remainingDays: Math.max(0, ent.days - used - pending),
    serviceStartDate: start,
    serviceYears: ent.years,
  };
}

/** One person's annual balance, inside the caller's transaction when given one (the request check). */
export async function balanceOf(client: Client, userId: string, year: number): Promise<BalanceDto> {
  const [user, sums] = await Promise.all([
    client.user.findUniqueOrThrow({ where: { id: userId }, select: { serviceStartDate: true } }),
    annualDaysByStatus(client, [userId], year),
  ]);
  return toBalance(year, user.serviceStartDate, sums.get(userId));
}

export async function getMyBalance(actor: Actor, year: number): Promise<BalanceDto> {
  if (!can(actor, "leave.request")) throw forbidden();
  return balanceOf(db, actor.id, parseInput(yearSchema, year));
}

export type PersonBalanceDto = BalanceDto & { user: { id: string; badgeNo: string; name: string; unit: { id: string; name: string } } };

/** Balances of the people the actor oversees (lead: unit subtree; HR: auxiliaries of it). */
export async function listBalances(
  actor: Actor,
  input: { year: number; q?: string; page?: number; pageSize?: number },
): Promise<Paged<PersonBalanceDto>> {
  const year = parseInput(yearSchema, input.year);
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(1000, Math.max(1, input.pageSize ?? 50));
  const and: Prisma.UserWhereInput[] = [overseenPeople(actor), { active: true, roles: { hasSome: ["OFFICER", "AUXILIARY", "UNIT_LEAD"] } }];
  if (input.q) and.push({ OR: [{ name: { contains: input.q } }, { badgeNo: { contains: input.q.toUpperCase() } }] });
  const where = { AND: and };
  const [people, total] = await Promise.all([
    db.user.findMany({
      where,
      select: { id: true, badgeNo: true, name: true, serviceStartDate: true, unit: { select: { id: true, name: true } } },
      orderBy: [{ unit: { sortOrder: "asc" } }, { badgeNo: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.user.count({ where }),
  ]);
  const sums = await annualDaysByStatus(
    db,
    people.map((p) => p.id),
    year,
  );
  const items = people.map((p) => ({
    ...toBalance(year, p.serviceStartDate, sums.get(p.id)),
    user: { id: p.id, badgeNo: p.badgeNo, name: p.name, unit: p.unit },
  }));
  return { items, total, page, pageSize };
}

// ---------------------------------------------------------------- requests

function listWhere(actor: Actor, q: ReturnType<typeof listRequestsSchema.parse>): Prisma.LeaveRequestWhereInput {
  const and: Prisma.LeaveRequestWhereInput[] = [];
  if (q.scope === "mine") {
    if (!can(actor, "leave.request")) throw forbidden();
    and.push({ userId: actor.id });
  } else {
    and.push({ user: overseenPeople(actor) });
    if (q.decidable) and.push(decidableWhere(actor));
  }
  if (q.status) and.push({ status: q.status });
  if (q.type) and.push({ type: q.type });
  if (q.year) and.push({ startsOn: { lte: dayToDate(`${q.year}-12-31`) }, endsOn: { gte: dayToDate(`${q.year}-01-01`) } });
  if (q.from) and.push({ endsOn: { gte: dayToDate(q.from) } });
  if (q.to) and.push({ startsOn: { lte: dayToDate(q.to) } });
  if (q.q) and.push({ user: { OR: [{ name: { contains: q.q } }, { badgeNo: { contains: q.q.toUpperCase() } }] } });
  return { AND: and };
}

/** GET /api/v1/leave/requests: mine, or (scope=unit) those of the people I oversee. */
export async function listRequests(actor: Actor, raw: unknown): Promise<Paged<LeaveRequestDto>> {
  const q = parseInput(listRequestsSchema, raw);
  const where = listWhere(actor, q);
  const [rows, total] = await Promise.all([
    db.leaveRequest.findMany({
      where,
      select: requestSelect,
      // a queue of pending requests reads soonest first; history most recent first
      orderBy: q.status === "PENDING" ? [{ startsOn: "asc" }, { createdAt: "asc" }] : [{ startsOn: "desc" }, { createdAt: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.leaveRequest.count({ where }),
  ]);
  return { items: rows.map((r) => toRequestDto(r, actor)), total, page: q.page, pageSize: q.pageSize };
}

/** Every matching request for an export, in id-keyset batches (bounded memory). */
export async function* iterateRequests(actor: Actor, raw: unknown): AsyncGenerator<LeaveRequestDto> {
  const q = parseInput(listRequestsSchema, raw);
  const where = listWhere(actor, q);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.leaveRequest.findMany({
      where,
      select: requestSelect,
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const r of rows) yield toRequestDto(r, actor);
    if (rows.length < 500) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

export async function getRequest(actor: Actor, id: string): Promise<LeaveRequestDto> {
  const r = await db.leaveRequest.findFirst({ where: { AND: [{ id }, leaveVisibility(actor)] }, select: requestSelect });
  if (!r) throw notFound("休假申请");
  return toRequestDto(r, actor);
}

/**
 * Who is away between from and to (inclusive): approved and pending requests of the people the
 * actor oversees, for the unit calendar. At most 2,000 rows (a month of a large unit).
 */
export async function listAway(actor: Actor, from: string, to: string): Promise<LeaveRequestDto[]> {
  if (to < from) throw new AppError("VALIDATION_FAILED", "结束日期不能早于开始日期", { fields: { to: "结束日期不能早于开始日期" } });
  const rows = await db.leaveRequest.findMany({
    where: {
      user: overseenPeople(actor),
      status: { in: ["APPROVED", "PENDING"] },
      startsOn: { lte: dayToDate(to) },
      endsOn: { gte: dayToDate(from) },
    },
    select: requestSelect,
    orderBy: [{ startsOn: "asc" }, { user: { badgeNo: "asc" } }],
    take: 2000,
  });
  return rows.map((r) => toRequestDto(r, actor));
}

/** The leads who will see a new request of this person first: the nearest unit up the chain that has one. */
export async function nearestApprovers(
  client: Client,
  person: { id: string; unitPath: string },
): Promise<{ id: string; name: string; unitName: string }[]> {
  const chain = person.unitPath.split("/").filter(Boolean);
  const leads = await client.user.findMany({
    where: { active: true, roles: { has: "UNIT_LEAD" }, unitId: { in: chain }, id: { not: person.id } },
    select: { id: true, name: true, unitId: true, unit: { select: { name: true } } },
  });
  for (let i = chain.length - 1; i >= 0; i--) {
    const here = leads.filter((l) => l.unitId === chain[i]);
    if (here.length) return here.map((l) => ({ id: l.id, name: l.name, unitName: l.unit.name }));
  }
  return [];
}

// ---------------------------------------------------------------- ON_LEAVE

export type ApprovedLeave = { id: string; type: LeaveType; from: string; to: string };

/** The person's APPROVED leave touching the Shanghai calendar days of from..to (instants). */
export async function findApprovedLeave(userId: string, from: Date, to: Date, client: Client = db): Promise<ApprovedLeave | null> {
  const r = await client.leaveRequest.findFirst({
    where: { userId, status: "APPROVED", startsOn: { lte: dayToDate(shanghaiDate(to)) }, endsOn: { gte: dayToDate(shanghaiDate(from)) } },
    select: { id: true, type: true, startsOn: true, endsOn: true },
    orderBy: { startsOn: "asc" },
  });
  return r ? { id: r.id, type: r.type, from: dateToDay(r.startsOn), to: dateToDay(r.endsOn) } : null;
}

/** Is the person on approved leave on any day of from..to? */
export async function isOnLeave(userId: string, from: Date, to: Date, client: Client = db): Promise<boolean> {
  return !!(await findApprovedLeave(userId, from, to, client));
}

/**
 * The warnings a booking response carries (API.md): ["ON_LEAVE"] when the booking falls in the
 * person's approved leave. Booking still goes ahead; the person decides.
 */
export async function leaveWarnings(userId: string, from: Date, to: Date, client: Client = db): Promise<"ON_LEAVE"[]> {
  return (await isOnLeave(userId, from, to, client)) ? ["ON_LEAVE"] : [];
}

/** The signed-in person's approved leave in a window of days, for the booking pages' notices. */
export async function listMyApprovedLeave(actor: Actor, from: string, to: string): Promise<ApprovedLeave[]> {
  const rows = await db.leaveRequest.findMany({
    where: { userId: actor.id, status: "APPROVED", startsOn: { lte: dayToDate(to) }, endsOn: { gte: dayToDate(from) } },
    select: { id: true, type: true, startsOn: true, endsOn: true },
    orderBy: { startsOn: "asc" },
  });
  return rows.map((r) => ({ id: r.id, type: r.type, from: dateToDay(r.startsOn), to: dateToDay(r.endsOn) }));
}

/** The JSON shape of API.md: times with the +08:00 offset, dates as YYYY-MM-DD. */
export function requestJson(r: LeaveRequestDto) {
  return {
    ...r,
    decidedAt: r.decidedAt ? toIsoShanghai(r.decidedAt) : null,
    cancelledAt: r.cancelledAt ? toIsoShanghai(r.cancelledAt) : null,
    createdAt: toIsoShanghai(r.createdAt),
  };
}

export type CalendarYearStatus = "official" | "provisional" | "missing";
export type MyLeaveOverview = {
  today: string;
  balances: BalanceDto[];
  calendars: { year: number; status: CalendarYearStatus; days: CalendarDay[] }[];
  approvers: { id: string; name: string; unitName: string }[];
};

/** Everything the officer's leave page needs: this and next year's balance and calendars, my approvers. */
export async function getMyLeaveOverview(actor: Actor, now = new Date()): Promise<MyLeaveOverview> {
  if (!can(actor, "leave.request")) throw forbidden();
  const year = shanghaiYear(now);
  const years = [year, year + 1];
  const [balances, calendars, approvers] = await Promise.all([
    Promise.all(years.map((y) => balanceOf(db, actor.id, y))),
    Promise.all(years.map((y) => getHolidayYear(actor, y))),
    nearestApprovers(db, { id: actor.id, unitPath: actor.unitPath }),
  ]);
  return {
    today: shanghaiDate(now),
    balances,
    calendars: calendars.map((c) => ({
      year: c.year,
      status: !c.configured ? "missing" : c.provisional ? "provisional" : "official",
      days: c.days,
    })),
    approvers,
  };
}

/** People in HR's unit subtree with no 参加工作时间 on file (they cannot take annual leave yet). */
export async function listMissingServiceStart(actor: Actor, take = 50) {
  if (!can(actor, "leave.hr")) throw forbidden();
  const where: Prisma.UserWhereInput = {
    active: true,
    serviceStartDate: null,
    roles: { hasSome: ["OFFICER", "AUXILIARY", "UNIT_LEAD"] },
    unit: unitSubtree(actor.unitPath),
  };
  const [items, total] = await Promise.all([
    db.user.findMany({
      where,
      select: { id: true, badgeNo: true, name: true, unit: { select: { name: true } } },
      orderBy: { badgeNo: "asc" },
      take,
    }),
    db.user.count({ where }),
  ]);
  return { items: items.map((u) => ({ id: u.id, badgeNo: u.badgeNo, name: u.name, unitName: u.unit.name })), total };
}
