import "server-only";
import { assertCan, can, type Actor, type Role } from "@/lib/access";
import { cachedReference } from "@/lib/cache/reference";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { pageSchema, parseInput, type Paged } from "@/lib/validation";
import { DAY_MS, shanghaiYear, shanghaiYearRange } from "@/lib/time";
import { listSessionsSchema, MY_HISTORY_PAGE_SIZE } from "./schemas";
import { creditedSql, isCredited, requiredHours } from "./credit";
import { isTeacherOrOffice, sessionVisibility } from "./access";
import { unitSubtree, unitSubtreeSql } from "@/lib/unit-tree";

export type LecturerDto = { name: string; affiliation: string | null; userId: string | null };
export type SessionDto = {
  id: string;
  title: string;
  category: string;
  categoryName: string;
  /** English name of the category ("" when none) */
  categoryNameEn: string;
  status: "DRAFT" | "PUBLISHED" | "COMPLETED" | "CANCELLED";
  format: "OFFLINE" | "ONLINE" | "FIELD_TRIP";
  description: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  creditHours: number;
  lecturers: LecturerDto[];
  enrollOpensAt: Date | null;
  enrollClosesAt: Date | null;
  cancelCutoffHours: number;
  audienceUnitIds: string[];
  audienceRoles: Role[];
  publishedAt: Date | null;
  cancelReason: string | null;
};

export const sessionSelect = {
  id: true,
  title: true,
  categoryCode: true,
  status: true,
  format: true,
  description: true,
  startsAt: true,
  endsAt: true,
  venue: true,
  capacity: true,
  enrolledCount: true,
  waitlistCount: true,
  creditHours: true,
  enrollOpensAt: true,
  enrollClosesAt: true,
  cancelCutoffHours: true,
  audienceUnitIds: true,
  audienceRoles: true,
  publishedAt: true,
  cancelReason: true,
  category: { select: { name: true, nameEn: true } },
  lecturers: { select: { name: true, affiliation: true, userId: true }, orderBy: { sortOrder: "asc" } },
} satisfies Prisma.TrainingSessionSelect;

type SessionRow = Prisma.TrainingSessionGetPayload<{ select: typeof sessionSelect }>;

export function toSessionDto(s: SessionRow): SessionDto {
  return {
    id: s.id,
    title: s.title,
    category: s.categoryCode,
    categoryName: s.category.name,
    categoryNameEn: s.category.nameEn,
    status: s.status,
    format: s.format,
    description: s.description,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    venue: s.venue,
    capacity: s.capacity,
    enrolledCount: s.enrolledCount,
    waitlistCount: s.waitlistCount,
    creditHours: Number(s.creditHours),
    lecturers: s.lecturers,
    enrollOpensAt: s.enrollOpensAt,
    enrollClosesAt: s.enrollClosesAt,
    cancelCutoffHours: s.cancelCutoffHours,
    audienceUnitIds: s.audienceUnitIds,
    audienceRoles: s.audienceRoles as Role[],
    publishedAt: s.publishedAt,
    cancelReason: s.cancelReason,
  };
}

function anyTrainingAccess(actor: Actor) {
  return can(actor, "training.book") || can(actor, "training.teach") || can(actor, "training.manage") || can(actor, "training.unit.view");
}

export async function listCategories(actor: Actor, opts: { includeInactive?: boolean } = {}) {
  if (!anyTrainingAccess(actor)) assertCan(actor, "training.book");
  const all = await cachedReference(["TrainingCategory"], () =>
    db.trainingCategory.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { code: true, name: true, nameEn: true, active: true },
    }),
  );
  return opts.includeInactive && can(actor, "training.manage") ? all : all.filter((c) => c.active);
}

export async function listSessions(actor: Actor, raw: unknown, now = new Date()): Promise<Paged<SessionDto>> {
  if (!anyTrainingAccess(actor)) assertCan(actor, "training.book");
  const input = parseInput(listSessionsSchema, raw);
  const and: Prisma.TrainingSessionWhereInput[] = [sessionVisibility(actor)];
  if (input.status) and.push({ status: input.status });
  else if (!can(actor, "training.manage")) and.push({ status: { in: ["PUBLISHED", "COMPLETED"] } });
  if (input.category) and.push({ categoryCode: input.category });
  if (input.format) and.push({ format: input.format });
  if (input.from) and.push({ endsAt: { gte: input.from } });
  if (input.to) and.push({ startsAt: { lt: input.to } });
  if (input.upcoming) and.push({ endsAt: { gte: now } });
  if (input.q) {
    and.push({
      OR: [
        { title: { contains: input.q, mode: "insensitive" } },
        { lecturers: { some: { name: { contains: input.q, mode: "insensitive" } } } },
      ],
    });
  }
  if (input.seatsLeft) {
    // enrolledCount < capacity: a column comparison, via a raw id filter
    const ids = await db.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "TrainingSession" WHERE "enrolledCount" < "capacity" AND status = 'PUBLISHED' AND "startsAt" > ${now}`;
    and.push({ id: { in: ids.map((r) => r.id) } });
  }
  const where = { AND: and };
  const [total, rows] = await Promise.all([
    db.trainingSession.count({ where }),
    db.trainingSession.findMany({
      where,
      select: sessionSelect,
      orderBy:
        input.upcoming || !input.status
          ? [{ startsAt: input.upcoming ? "asc" : "desc" }, { id: "asc" }]
          : [{ startsAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { items: rows.map(toSessionDto), total, page: input.page, pageSize: input.pageSize };
}

/** Sessions overlapping [from, to) for the month calendar. */
export async function listSessionsBetween(actor: Actor, from: Date, to: Date): Promise<SessionDto[]> {
  if (!anyTrainingAccess(actor)) assertCan(actor, "training.book");
  const rows = await db.trainingSession.findMany({
    where: {
      AND: [
        sessionVisibility(actor),
        { startsAt: { lt: to } },
        { endsAt: { gt: from } },
        can(actor, "training.manage") ? {} : { status: { in: ["PUBLISHED", "COMPLETED"] } },
      ],
    },
    select: sessionSelect,
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  return rows.map(toSessionDto);
}

export async function getSession(actor: Actor, id: string): Promise<SessionDto> {
  if (!anyTrainingAccess(actor)) assertCan(actor, "training.book");
  const row = await db.trainingSession.findFirst({ where: { AND: [{ id }, sessionVisibility(actor)] }, select: sessionSelect });
  if (!row) throw notFound("培训");
  return toSessionDto(row);
}

export type MyEnrollmentDto = {
  id: string;
  status: "ENROLLED" | "WAITLISTED" | "CANCELLED";
  waitlistPosition: number | null;
  attendance: "ATTENDED" | "ABSENT" | null;
  createdAt: Date;
  session: SessionDto;
  hasFeedback: boolean;
};

/** My enrolment in a session, with my rating of it once given (null before). */
export async function getMyEnrollment(actor: Actor, sessionId: string) {
  const key = { sessionId_userId: { sessionId, userId: actor.id } };
  const [e, feedback] = await Promise.all([
    db.trainingEnrollment.findUnique({
      where: key,
      select: { id: true, status: true, waitlistPosition: true, attendance: true, createdAt: true },
    }),
    db.trainingFeedback.findUnique({ where: key, select: { rating: true, comment: true } }),
  ]);
  return e ? { ...e, feedback } : null;
}

/** Other active bookings of mine that overlap this session (the page warns about them). */
export async function listMyOverlaps(actor: Actor, session: Pick<SessionDto, "id" | "startsAt" | "endsAt">) {
  return db.trainingSession.findMany({
    where: {
      id: { not: session.id },
      status: "PUBLISHED",
      startsAt: { lt: session.endsAt },
      endsAt: { gt: session.startsAt },
      enrollments: { some: { userId: actor.id, status: { in: ["ENROLLED", "WAITLISTED"] } } },
    },
    select: { id: true, title: true, startsAt: true, endsAt: true },
  });
}

function myEnrollmentSelect(actor: Actor) {
  return {
    id: true,
    status: true,
    waitlistPosition: true,
    attendance: true,
    createdAt: true,
    session: { select: { ...sessionSelect, feedback: { where: { userId: actor.id }, select: { id: true } } } },
  } satisfies Prisma.TrainingEnrollmentSelect;
}

function toMyEnrollmentDto(r: Prisma.TrainingEnrollmentGetPayload<{ select: ReturnType<typeof myEnrollmentSelect> }>): MyEnrollmentDto {
  return {
    id: r.id,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    attendance: r.attendance,
    createdAt: r.createdAt,
    session: toSessionDto(r.session),
    hasFeedback: r.session.feedback.length > 0,
  };
}

/** My whole enrolment history, newest first (the API, the transcript, the calendar feed). */
export async function listMyEnrollments(actor: Actor): Promise<MyEnrollmentDto[]> {
  const rows = await db.trainingEnrollment.findMany({
    where: { userId: actor.id },
    select: myEnrollmentSelect(actor),
    orderBy: { session: { startsAt: "desc" } },
  });
  return rows.map(toMyEnrollmentDto);
}

/** Yearly requirement of a person: the largest requirement among their roles (0 when none). */
export async function requiredHoursFor(roles: readonly Role[]): Promise<number> {
  if (!roles.length) return 0;
  const reqs = await cachedReference(["TrainingRequirement"], () =>
    db.trainingRequirement.findMany({ select: { role: true, hours: true } }),
  );
  return requiredHours(roles, new Map(reqs.map((r) => [r.role, Number(r.hours)])));
}

export type MyCreditHours = {
  total: number;
  byYear: Record<string, number>;
  thisYear: number;
  /** this year's hours by category code */
  byCategory: Record<string, { name: string; nameEn: string; hours: number }>;
  required: number;
  year: number;
};

// credit hours are multiples of 0.5 (at worst 0.1): sums are kept to one decimal
const tenths = (n: number) => Math.round(n * 10) / 10;

/** My credited hours (the one credit rule, lib/training/credit.ts), summed in SQL by Shanghai
 * year and category: the cost does not grow with years of service. */
export async function getMyCreditHours(actor: Actor, now = new Date()): Promise<MyCreditHours> {
  // the columns hold UTC wall time without a zone: read as UTC first, then as Shanghai's (shanghaiYear)
  const [rows, required] = await Promise.all([
    db.$queryRaw<{ year: number; code: string; name: string; nameEn: string; hours: string }[]>`
      SELECT EXTRACT(YEAR FROM (s."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::int AS year,
        c.code, c.name, c."nameEn", SUM(s."creditHours")::text AS hours
      FROM "TrainingEnrollment" e JOIN "TrainingSession" s ON s.id = e."sessionId"
      JOIN "TrainingCategory" c ON c.code = s."categoryCode"
      WHERE e."userId" = ${actor.id} AND ${creditedSql(now)}
      GROUP BY 1, c.code, c.name, c."nameEn", c."sortOrder"
      ORDER BY 1, c."sortOrder", c.code`,
    requiredHoursFor(actor.roles),
  ]);
  const year = shanghaiYear(now);
  const byYear: Record<string, number> = {};
  const byCategory: MyCreditHours["byCategory"] = {};
  let total = 0;
  for (const r of rows) {
    const hours = Number(r.hours);
    byYear[r.year] = tenths((byYear[r.year] ?? 0) + hours);
    total = tenths(total + hours);
    if (r.year === year) byCategory[r.code] = { name: r.name, nameEn: r.nameEn, hours };
  }
  return { total, byYear, thisYear: byYear[year] ?? 0, byCategory, required, year };
}

/** How far back the page asks me to rate a session I attended. */
const RATE_WINDOW_DAYS = 60;

/** The lists of what is current for me, from my enrolments (newest first): upcoming and
 * waitlisted (soonest first), checked in but not yet credited, and attended lately but unrated. */
function currentLists(enrollments: MyEnrollmentDto[], now: Date) {
  // credit (hours, certificate) once the session has taken place; checked in before that: pending
  const pendingCredit = enrollments.filter(
    (e) => e.status === "ENROLLED" && e.attendance === "ATTENDED" && e.session.status === "PUBLISHED" && !isCredited(e, e.session, now),
  );
  const soonestFirst = (a: MyEnrollmentDto, b: MyEnrollmentDto) => a.session.startsAt.getTime() - b.session.startsAt.getTime();
  const upcoming = enrollments
    .filter((e) => e.status === "ENROLLED" && e.session.status === "PUBLISHED" && e.session.endsAt > now)
    .sort(soonestFirst);
  const waitlisted = enrollments
    .filter((e) => e.status === "WAITLISTED" && e.session.status === "PUBLISHED" && e.session.endsAt > now)
    .sort(soonestFirst);
  const rateSince = now.getTime() - RATE_WINDOW_DAYS * DAY_MS;
  const toRate = [...pendingCredit, ...enrollments.filter((e) => isCredited(e, e.session, now))].filter(
    (e) => !e.hasFeedback && e.session.startsAt <= now && e.session.startsAt.getTime() >= rateSince,
  );
  return { upcoming, waitlisted, pendingCredit, toRate };
}

/** Everything at once, over my whole history: for the JSON API (API.md: all enrolments) and the
 * printable transcript. The "My training" page and the home page use getMyCurrentTraining (the
 * page with the paged history lists) instead. */
export async function getMyTraining(actor: Actor, now = new Date()) {
  const [enrollments, creditHours] = await Promise.all([listMyEnrollments(actor), getMyCreditHours(actor, now)]);
  return {
    enrollments,
    ...currentLists(enrollments, now),
    attended: enrollments.filter((e) => isCredited(e, e.session, now)),
    missed: enrollments.filter((e) => e.status === "ENROLLED" && e.attendance === "ABSENT"),
    creditHours,
  };
}

/** At most this many current enrolments are read (far-future ones go first): a bound, not a limit anyone meets. */
const CURRENT_MAX = 100;

/** My credit hours and current lists (as getMyTraining), reading only the enrolments they can
 * hold: sessions still to end, and sessions attended in the last RATE_WINDOW_DAYS. */
export async function getMyCurrentTraining(actor: Actor, now = new Date()) {
  const rateSince = new Date(now.getTime() - RATE_WINDOW_DAYS * DAY_MS);
  const [rows, creditHours] = await Promise.all([
    db.trainingEnrollment.findMany({
      where: {
        userId: actor.id,
        status: { in: ["ENROLLED", "WAITLISTED"] },
        session: { status: { in: ["PUBLISHED", "COMPLETED"] } },
        OR: [{ session: { endsAt: { gt: now } } }, { attendance: "ATTENDED", session: { startsAt: { gte: rateSince, lte: now } } }],
      },
      select: myEnrollmentSelect(actor),
      orderBy: [{ session: { startsAt: "asc" } }, { id: "asc" }],
      take: CURRENT_MAX,
    }),
    getMyCreditHours(actor, now),
  ]);
  return { ...currentLists(rows.map(toMyEnrollmentDto).reverse(), now), creditHours };
}

export type MyHistoryRow = { id: string; session: { id: string; title: string; startsAt: Date; creditHours: number } };

/**
 * One page of my enrolments matching `filter` (SQL on enrolment `e` joined to session `s`), newest
 * first, in one raw query: the total is a window over the same rows. The page is on every visit of
 * "My training"; as Prisma's count plus a findMany ordered through the relation it cost four
 * queries' CPU for ten rows (issue 13). The id breaks ties between sessions starting together,
 * so pages never overlap.
 */
async function listMyHistory(actor: Actor, filter: Prisma.Sql, rawPage: unknown): Promise<Paged<MyHistoryRow>> {
  const page = parseInput(pageSchema.shape.page, rawPage);
  const pageSize = MY_HISTORY_PAGE_SIZE;
  const rows = await db.$queryRaw<{ id: string; sessionId: string; title: string; startsAt: Date; creditHours: string; total: bigint }[]>`
    SELECT e.id, s.id AS "sessionId", s.title, s."startsAt", s."creditHours"::text AS "creditHours", count(*) OVER () AS total
    FROM "TrainingEnrollment" e JOIN "TrainingSession" s ON s.id = e."sessionId"
    WHERE e."userId" = ${actor.id} AND ${filter}
    ORDER BY s."startsAt" DESC, e.id ASC
    OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize}`;
  // past the last page the window has no rows to count on: count apart (rare)
  const total = rows.length
    ? Number(rows[0]!.total)
    : page > 1
      ? Number(
          (
            await db.$queryRaw<{ n: bigint }[]>`
              SELECT count(*) AS n FROM "TrainingEnrollment" e JOIN "TrainingSession" s ON s.id = e."sessionId"
              WHERE e."userId" = ${actor.id} AND ${filter}`
          )[0]!.n,
        )
      : 0;
  return {
    items: rows.map((r) => ({
      id: r.id,
      session: { id: r.sessionId, title: r.title, startsAt: r.startsAt, creditHours: Number(r.creditHours) },
    })),
    total,
    page,
    pageSize,
  };
}

/** One page of the sessions I was credited for (every year), newest first. */
export async function listMyAttended(actor: Actor, page: unknown, now = new Date()): Promise<Paged<MyHistoryRow>> {
  return listMyHistory(actor, creditedSql(now), page);
}

/** Marked absent from a session I was enrolled in (SQL on `e`). */
const MISSED_SQL = Prisma.sql`(e.status = 'ENROLLED' AND e.attendance = 'ABSENT')`;

/** One page of the sessions I was marked absent from (every year), newest first. */
export async function listMyMissed(actor: Actor, page: unknown): Promise<Paged<MyHistoryRow>> {
  return listMyHistory(actor, MISSED_SQL, page);
}

async function assertCanSeeRoster(actor: Actor, sessionId: string) {
  if (can(actor, "training.manage")) {
    const s = await db.trainingSession.findUnique({ where: { id: sessionId }, select: { id: true } });
    if (!s) throw notFound("培训");
    return;
  }
  if (await isTeacherOrOffice(db, actor, sessionId)) return;
  // a session the actor may see but not teach: forbidden; one they may not see: not found
  const visible = await db.trainingSession.findFirst({
    where: { AND: [{ id: sessionId }, sessionVisibility(actor)] },
    select: { id: true },
  });
  if (!visible) throw notFound("培训");
  assertCan(actor, "training.manage");
}

/** A session for its lecturers and the office (QR code, roster pages); others may not (403). */
export async function getTeachingSession(actor: Actor, id: string): Promise<SessionDto> {
  await assertCanSeeRoster(actor, id);
  return getSession(actor, id);
}

export type RosterRow = {
  id: string;
  user: { id: string; badgeNo: string; name: string; unitName: string };
  status: "ENROLLED" | "WAITLISTED" | "CANCELLED";
  waitlistPosition: number | null;
  attendance: "ATTENDED" | "ABSENT" | null;
  attendanceMethod: string | null;
  createdAt: Date;
};

export async function listRoster(actor: Actor, sessionId: string, opts: { includeCancelled?: boolean } = {}): Promise<RosterRow[]> {
  await assertCanSeeRoster(actor, sessionId);
  const rows = await db.trainingEnrollment.findMany({
    where: { sessionId, ...(opts.includeCancelled ? {} : { status: { in: ["ENROLLED", "WAITLISTED"] } }) },
    select: {
      id: true,
      status: true,
      waitlistPosition: true,
      attendance: true,
      attendanceMethod: true,
      createdAt: true,
      user: { select: { id: true, badgeNo: true, name: true, unit: { select: { name: true } } } },
    },
    orderBy: [{ status: "asc" }, { waitlistPosition: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    attendance: r.attendance,
    attendanceMethod: r.attendanceMethod,
    createdAt: r.createdAt,
    user: { id: r.user.id, badgeNo: r.user.badgeNo, name: r.user.name, unitName: r.user.unit.name },
  }));
}

/** The 签到表 (sign-in sheet): one line per officer holding a seat, in roster order; for the
 * session's lecturers and the office, like the roster. */
export async function listSignInSheet(actor: Actor, sessionId: string): Promise<RosterRow[]> {
  return (await listRoster(actor, sessionId)).filter((r) => r.status === "ENROLLED");
}

/** Sessions the actor lectures (or, for the office, all recent ones). */
export async function listMyTeaching(actor: Actor): Promise<SessionDto[]> {
  assertCan(actor, "training.teach");
  const rows = await db.trainingSession.findMany({
    where: { lecturers: { some: { userId: actor.id } }, status: { not: "DRAFT" } },
    select: sessionSelect,
    orderBy: { startsAt: "desc" },
    take: 100,
  });
  return rows.map(toSessionDto);
}

export async function getFeedbackSummary(actor: Actor, sessionId: string) {
  await assertCanSeeRoster(actor, sessionId);
  const rows = await db.trainingFeedback.findMany({
    where: { sessionId },
    select: { rating: true, comment: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const avg = rows.length ? rows.reduce((s, r) => s + r.rating, 0) / rows.length : null;
  return {
    count: rows.length,
    average: avg,
    comments: rows.filter((r) => r.comment).map((r) => ({ rating: r.rating, comment: r.comment, createdAt: r.createdAt })),
  };
}

export async function getPolicyAndRequirements(actor: Actor) {
  assertCan(actor, "training.manage");
  const [policy, requirements] = await Promise.all([
    db.trainingPolicy.findUnique({ where: { id: 1 } }),
    db.trainingRequirement.findMany({ orderBy: { role: "asc" } }),
  ]);
  return {
    policy: policy ?? { noShowEnabled: false, noShowLimit: 3, noShowWindowDays: 90, suspendDays: 30 },
    requirements: requirements.map((r) => ({ role: r.role as Role, hours: Number(r.hours) })),
  };
}

/** Unit lead: everyone in my unit subtree with this year's attended hours against the requirement. */
export async function listUnitCompliance(actor: Actor, now = new Date()) {
  assertCan(actor, "training.unit.view");
  const { start, end } = shanghaiYearRange(shanghaiYear(now));
  const [users, reqs, hours] = await Promise.all([
    db.user.findMany({
      where: { active: true, unit: unitSubtree(actor.unitPath), roles: { hasSome: ["OFFICER", "AUXILIARY"] } },
      select: { id: true, badgeNo: true, name: true, roles: true, unit: { select: { name: true } } },
      orderBy: { badgeNo: "asc" },
    }),
    db.trainingRequirement.findMany({ select: { role: true, hours: true } }),
    db.$queryRaw<{ userId: string; hours: string }[]>`
      SELECT e."userId", SUM(s."creditHours")::text AS hours
      FROM "TrainingEnrollment" e JOIN "TrainingSession" s ON s.id = e."sessionId"
      JOIN "User" u ON u.id = e."userId" JOIN "Unit" un ON un.id = u."unitId"
      WHERE ${creditedSql(now)}
        AND s."startsAt" >= ${start} AND s."startsAt" < ${end} AND ${unitSubtreeSql("un.path", actor.unitPath)}
      GROUP BY e."userId"`,
  ]);
  const reqByRole = new Map(reqs.map((r) => [r.role, Number(r.hours)]));
  const hoursBy = new Map(hours.map((h) => [h.userId, Number(h.hours)]));
  return users
    .map((u) => {
      const required = requiredHours(u.roles, reqByRole);
      const done = hoursBy.get(u.id) ?? 0;
      return { id: u.id, badgeNo: u.badgeNo, name: u.name, unitName: u.unit.name, required, done, behind: done < required };
    })
    .sort((a, b) => Number(b.behind) - Number(a.behind) || a.done - a.required - (b.done - b.required));
}

/** Units for the audience picker (office only). */
export async function listUnitOptions(actor: Actor) {
  assertCan(actor, "training.manage");
  return db.unit.findMany({ select: { id: true, name: true }, orderBy: [{ path: "asc" }] });
}

/** Upcoming open sessions, for the unit lead's one-step enrolment. */
export async function listOpenSessions(actor: Actor, now = new Date()) {
  const rows = await db.trainingSession.findMany({
    where: { AND: [sessionVisibility(actor), { status: "PUBLISHED", startsAt: { gt: now } }] },
    select: sessionSelect,
    orderBy: { startsAt: "asc" },
    take: 50,
  });
  return rows.map(toSessionDto);
}
