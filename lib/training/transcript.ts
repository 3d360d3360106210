import "server-only";
import { db } from "@/lib/db";
import { creditedWhere } from "./credit";

export type AttendanceRow = {
  userId: string;
  sessionId: string;
  title: string;
  category: string;
  categoryName: string;
  startsAt: Date;
  creditHours: number;
};

/**
 * Credited lecture-hall attendance (lib/training/credit.ts) of the given users, oldest first.
 * "unsafe": no actor check — the caller (e.g. the benefits module) scopes userIds itself.
 */
export async function unsafeListAttendanceForUsers(userIds: string[], now = new Date()): Promise<AttendanceRow[]> {
  if (!userIds.length) return [];
  const rows = await db.trainingEnrollment.findMany({
    where: { userId: { in: userIds }, ...creditedWhere(now) },
    select: {
      userId: true,
      sessionId: true,
      session: { select: { title: true, categoryCode: true, startsAt: true, creditHours: true, category: { select: { name: true } } } },
    },
    orderBy: { session: { startsAt: "asc" } },
  });
  return rows.map((r) => ({
    userId: r.userId,
    sessionId: r.sessionId,
    title: r.session.title,
    category: r.session.categoryCode,
    categoryName: r.session.category.name,
    startsAt: r.session.startsAt,
    creditHours: Number(r.session.creditHours),
  }));
}
