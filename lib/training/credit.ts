import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// The one credit rule. Attendance may be recorded from two hours before the start (QR check-in,
// the roster), but credit hours, the transcript, the benefits education record and the
// verifiable certificate come only once the session has taken place: it has ended, or its
// lecturer or the training office closed it (COMPLETED). A cancelled session credits nobody.

type EnrollmentLike = { status: string; attendance: string | null };
type SessionLike = { status: string; endsAt: Date };

export function isCredited(e: EnrollmentLike, s: SessionLike, now: Date): boolean {
  return e.status === "ENROLLED" && e.attendance === "ATTENDED" && sessionTookPlace(s, now);
}

export function sessionTookPlace(s: SessionLike, now: Date): boolean {
  return s.status === "COMPLETED" || (s.status === "PUBLISHED" && s.endsAt <= now);
}

/** The rule as a Prisma filter on TrainingEnrollment. */
export function creditedWhere(now: Date): Prisma.TrainingEnrollmentWhereInput {
  return {
    status: "ENROLLED",
    attendance: "ATTENDED",
    session: { OR: [{ status: "COMPLETED" }, { status: "PUBLISHED", endsAt: { lte: now } }] },
  };
}

/** The rule in SQL, for an enrolment aliased `e` joined to its session aliased `s`. */
export function creditedSql(now: Date): Prisma.Sql {
  return Prisma.sql`(e.status = 'ENROLLED' AND e.attendance = 'ATTENDED' AND (s.status = 'COMPLETED' OR (s.status = 'PUBLISHED' AND s."endsAt" <= ${now})))`;
}

/** A person's yearly requirement: the largest among their roles' requirements (0 when none). */
export function requiredHours(roles: readonly string[], hoursByRole: ReadonlyMap<string, number>): number {
  return roles.reduce((m, r) => Math.max(m, hoursByRole.get(r) ?? 0), 0);
}
