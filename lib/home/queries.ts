import "server-only";
import { can, hasRole, type Actor } from "@/lib/access";
import { getSecurityPolicy } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { listEntitlements } from "@/lib/benefits/equipment";
import { listAway, listRequests } from "@/lib/leave/queries";
import { getDayBoard, listBookings } from "@/lib/medical/queries";
import { listNotifications, type NotificationDto } from "@/lib/notifications/queries";
import { getMyCurrentTraining, listUnitCompliance } from "@/lib/training/queries";
import { DAY_MS, shanghaiDate } from "@/lib/time";
import { unitSubtree } from "@/lib/unit-tree";

// What each role's home page shows: the next thing to do, not the whole module. Every section
// is computed only for an actor whose roles allow it, through the domains' own actor-first
// queries (which check again), so a section can never show what its module would refuse.

type SessionRef = { id: string; title: string; startsAt: Date; endsAt: Date; venue: string };

export type OfficerHome = {
  nextSession: SessionRef | null;
  hours: { year: number; done: number; required: number } | null;
  waitlist: (SessionRef & { position: number | null })[];
  toRate: number;
  nextVisit: { id: string; serviceName: string; serviceNameEn: string; startsAt: Date } | null;
};
export type UnitLeadHome = {
  behind: { id: string; badgeNo: string; name: string; unitName: string; done: number; required: number }[];
  behindCount: number;
  people: number;
  awayToday: { id: string; name: string; badgeNo: string; type: string; from: string; to: string; status: string }[];
  pendingApprovals: number;
};
export type LecturerHome = { next: SessionRef & { enrolledCount: number; capacity: number } };
export type TrainingAdminHome = {
  drafts: { items: SessionRef[]; total: number };
  full: { items: (SessionRef & { waitlistCount: number })[]; total: number };
  toClose: { items: SessionRef[]; total: number };
};
export type LiaisonHome = {
  date: string;
  counts: { booked: number; checkedIn: number; completed: number; noShow: number; urgent: number };
  slots: number;
  freeSeats: number;
};
export type HrHome = {
  casesToApprove: number;
  casesToPay: number;
  equipmentOwed: number;
  equipmentDueSoon: number;
  lastPayImport: { month: string; rowCount: number; createdAt: Date } | null;
  thisMonthImported: boolean;
  month: string;
};
export type SysAdminHome = { activeUsers: number; awaitingFirstSignIn: number; missingServiceStart: number; units: number };
export type SecurityAdminHome = { lockedAccounts: number; mfaNotEnrolled: number };
export type AuditAdminHome = { refusalsToday: number; failuresToday: number };

export type HomeDto = {
  unread: { items: NotificationDto[]; total: number };
  officer?: OfficerHome;
  unitLead?: UnitLeadHome;
  lecturer?: LecturerHome | null;
  trainingAdmin?: TrainingAdminHome;
  liaison?: LiaisonHome;
  hr?: HrHome;
  sysAdmin?: SysAdminHome;
  securityAdmin?: SecurityAdminHome;
  auditAdmin?: AuditAdminHome;
};

const refSelect = { id: true, title: true, startsAt: true, endsAt: true, venue: true } as const;

export async function getOfficerHome(actor: Actor, now = new Date()): Promise<OfficerHome> {
  const [training, visits] = await Promise.all([
    can(actor, "training.book") ? getMyCurrentTraining(actor, now) : null,
    can(actor, "medical.book") ? listBookings(actor, { pageSize: 20 }, { mine: true }) : null,
  ]);
  const ref = (s: SessionRef): SessionRef => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, venue: s.venue });
  const nextVisit =
    visits?.items
      .filter((b) => (b.status === "BOOKED" || b.status === "CHECKED_IN") && (b.endsAt ?? b.startsAt) >= now)
      .sort((a, b) => +a.startsAt - +b.startsAt)[0] ?? null;
  const h = training?.creditHours;
  return {
    nextSession: training?.upcoming[0] ? ref(training.upcoming[0].session) : null,
    hours: h ? { year: h.year, done: h.thisYear, required: h.required } : null,
    waitlist: (training?.waitlisted ?? []).map((e) => ({ ...ref(e.session), position: e.waitlistPosition })),
    toRate: training?.toRate.length ?? 0,
    nextVisit: nextVisit
      ? {
          id: nextVisit.id,
          serviceName: nextVisit.service.name,
          serviceNameEn: nextVisit.service.nameEn ?? "",
          startsAt: nextVisit.startsAt,
        }
      : null,
  };
}

export async function getUnitLeadHome(actor: Actor, now = new Date()): Promise<UnitLeadHome> {
  const today = shanghaiDate(now);
  const [compliance, away, pending] = await Promise.all([
    listUnitCompliance(actor, now),
    can(actor, "leave.approve") ? listAway(actor, today, today) : [],
    can(actor, "leave.approve") ? listRequests(actor, { scope: "unit", status: "PENDING", decidable: "true", pageSize: 1 }) : null,
  ]);
  const behind = compliance.filter((p) => p.behind);
  return {
    behind: behind.slice(0, 8).map(({ id, badgeNo, name, unitName, done, required }) => ({ id, badgeNo, name, unitName, done, required })),
    behindCount: behind.length,
    people: compliance.length,
    awayToday: away.map((r) => ({
      id: r.id,
      name: r.user.name,
      badgeNo: r.user.badgeNo,
      type: r.type,
      from: r.from,
      to: r.to,
      status: r.status,
    })),
    pendingApprovals: pending?.total ?? 0,
  };
}

/** The next (or running) published session the actor lectures; null when none is coming. */
export async function getLecturerHome(actor: Actor, now = new Date()): Promise<LecturerHome | null> {
  if (!can(actor, "training.teach")) return null;
  const next = await db.trainingSession.findFirst({
    where: { lecturers: { some: { userId: actor.id } }, status: "PUBLISHED", endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { ...refSelect, enrolledCount: true, capacity: true },
  });
  return next ? { next } : null;
}

export async function getTrainingAdminHome(actor: Actor, now = new Date()): Promise<TrainingAdminHome | null> {
  if (!can(actor, "training.manage")) return null;
  const drafts = { status: "DRAFT" as const };
  // published, still to come, every seat taken (the waitlist shows whether a larger room is worth it)
  const fullIds = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "TrainingSession" WHERE status = 'PUBLISHED' AND "startsAt" > ${now} AND "enrolledCount" >= capacity
    ORDER BY "startsAt" LIMIT 100`;
  // published and over: attendance to finish, then mark completed
  const toClose = { status: "PUBLISHED" as const, endsAt: { lt: now } };
  const [draftItems, draftTotal, fullItems, closeItems, closeTotal] = await Promise.all([
    db.trainingSession.findMany({ where: drafts, orderBy: { startsAt: "asc" }, take: 5, select: refSelect }),
    db.trainingSession.count({ where: drafts }),
    db.trainingSession.findMany({
      where: { id: { in: fullIds.slice(0, 5).map((r) => r.id) } },
      orderBy: { startsAt: "asc" },
      select: { ...refSelect, waitlistCount: true },
    }),
    db.trainingSession.findMany({ where: toClose, orderBy: { endsAt: "asc" }, take: 5, select: refSelect }),
    db.trainingSession.count({ where: toClose }),
  ]);
  return {
    drafts: { items: draftItems, total: draftTotal },
    full: { items: fullItems, total: fullIds.length },
    toClose: { items: closeItems, total: closeTotal },
  };
}

export async function getLiaisonHome(actor: Actor, now = new Date()): Promise<LiaisonHome | null> {
  if (!can(actor, "medical.manage")) return null;
  const board = await getDayBoard(actor, undefined, undefined, now);
  const open = board.slots.filter((s) => !("closed" in s && s.closed));
  return {
    date: board.date,
    counts: {
      booked: board.counts.booked,
      checkedIn: board.counts.checkedIn,
      completed: board.counts.completed,
      noShow: board.counts.noShow,
      urgent: board.counts.urgent,
    },
    slots: open.length,
    freeSeats: open.reduce((n, s) => n + Math.max(0, s.capacity - s.bookedCount), 0),
  };
}

export async function getHrHome(actor: Actor, now = new Date()): Promise<HrHome | null> {
  if (!can(actor, "benefits.manage")) return null;
  const subtree = { profile: { unit: unitSubtree(actor.unitPath) } };
  const month = shanghaiDate(now).slice(0, 7);
  const [toApprove, toPay, due, last, thisMonth] = await Promise.all([
    db.compensationCase.count({ where: { status: "SUBMITTED", ...subtree } }),
    db.compensationCase.count({ where: { status: "APPROVED", ...subtree } }),
    listEntitlements(actor, { withinDays: 30, today: now }),
    db.payImport.findFirst({
      where: { replacedAt: null },
      orderBy: { month: "desc" },
      select: { month: true, rowCount: true, createdAt: true },
    }),
    db.payImport.count({ where: { month, replacedAt: null } }),
  ]);
  return {
    casesToApprove: toApprove,
    casesToPay: toPay,
    equipmentOwed: due.filter((d) => d.state === "OWED").length,
    equipmentDueSoon: due.filter((d) => d.state === "DUE_SOON").length,
    lastPayImport: last,
    thisMonthImported: thisMonth > 0,
    month,
  };
}

export async function getSysAdminHome(actor: Actor): Promise<SysAdminHome | null> {
  if (!can(actor, "users.manage")) return null;
  const people = { active: true, roles: { hasSome: ["OFFICER" as const, "AUXILIARY" as const] } };
  const [activeUsers, awaitingFirstSignIn, missingServiceStart, units] = await Promise.all([
    db.user.count({ where: { active: true } }),
    db.user.count({ where: { active: true, credential: { mustChange: true } } }),
    db.user.count({ where: { ...people, serviceStartDate: null } }),
    db.unit.count(),
  ]);
  return { activeUsers, awaitingFirstSignIn, missingServiceStart, units };
}

export async function getSecurityAdminHome(actor: Actor, now = new Date()): Promise<SecurityAdminHome | null> {
  if (!can(actor, "security.manage")) return null;
  const policy = await getSecurityPolicy();
  const [lockedAccounts, mfaNotEnrolled] = await Promise.all([
    db.credential.count({ where: { lockedUntil: { gt: now } } }),
    // accounts the policy requires a second factor of that have not enrolled one yet
    db.user.count({ where: { active: true, roles: { hasSome: policy.mfaRoles }, credential: { totpEnrolledAt: null } } }),
  ]);
  return { lockedAccounts, mfaNotEnrolled };
}

export async function getAuditAdminHome(actor: Actor, now = new Date()): Promise<AuditAdminHome | null> {
  if (!can(actor, "audit.view")) return null;
  const since = new Date(now.getTime() - DAY_MS);
  const [refusalsToday, failuresToday] = await Promise.all([
    db.auditLog.count({ where: { outcome: "DENIED", at: { gte: since } } }),
    db.auditLog.count({ where: { outcome: "FAILURE", at: { gte: since } } }),
  ]);
  return { refusalsToday, failuresToday };
}

/** Everything the home page shows for this actor, one section per role held. */
export async function getHome(actor: Actor, now = new Date()): Promise<HomeDto> {
  const officer = can(actor, "training.book") || can(actor, "medical.book");
  const [unread, o, lead, lecturer, trainingAdmin, liaison, hr, sysAdmin, securityAdmin, auditAdmin] = await Promise.all([
    listNotifications(actor, { unread: "true", pageSize: 5 }),
    officer ? getOfficerHome(actor, now) : undefined,
    can(actor, "training.unit.view") ? getUnitLeadHome(actor, now) : undefined,
    hasRole(actor, "LECTURER") ? getLecturerHome(actor, now) : undefined,
    getTrainingAdminHome(actor, now),
    getLiaisonHome(actor, now),
    getHrHome(actor, now),
    getSysAdminHome(actor),
    getSecurityAdminHome(actor, now),
    getAuditAdminHome(actor, now),
  ]);
  const out: HomeDto = { unread };
  if (o) out.officer = o;
  if (lead) out.unitLead = lead;
  if (lecturer !== undefined) out.lecturer = lecturer;
  if (trainingAdmin) out.trainingAdmin = trainingAdmin;
  if (liaison) out.liaison = liaison;
  if (hr) out.hr = hr;
  if (sysAdmin) out.sysAdmin = sysAdmin;
  if (securityAdmin) out.securityAdmin = securityAdmin;
  if (auditAdmin) out.auditAdmin = auditAdmin;
  return out;
}
