import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { shanghaiYearRange } from "@/lib/time";
import { creditedSql } from "./credit";

type Num = string | number | bigint | null;
const n = (v: Num) => Number(v ?? 0);

/** The office's yearly figures: sessions run, seats filled, attendance rate; by month, category, unit, lecturer.
 * Credit hours follow the one credit rule (lib/training/credit.ts), like transcripts and compliance. */
export async function getTrainingStats(actor: Actor, year: number, now = new Date()) {
  assertCan(actor, "training.manage");
  const { start, end } = shanghaiYearRange(year);
  const [totals, byMonth, byCategory, byUnit, byLecturer] = await Promise.all([
    db.$queryRaw<{ sessions: Num; seats: Num; enrolled: Num; attended: Num; marked: Num; hours: Num }[]>`
      SELECT COUNT(DISTINCT s.id) AS sessions, (SELECT COALESCE(SUM(capacity), 0) FROM "TrainingSession" x WHERE x.status = 'COMPLETED' AND x."startsAt" >= ${start} AND x."startsAt" < ${end}) AS seats,
        COUNT(e.id) FILTER (WHERE e.status = 'ENROLLED') AS enrolled,
        COUNT(e.id) FILTER (WHERE e.attendance = 'ATTENDED') AS attended,
        COUNT(e.id) FILTER (WHERE e.attendance IS NOT NULL) AS marked,
        (SELECT COALESCE(SUM(s."creditHours"), 0) FROM "TrainingEnrollment" e JOIN "TrainingSession" s ON s.id = e."sessionId"
          WHERE ${creditedSql(now)} AND s."startsAt" >= ${start} AND s."startsAt" < ${end}) AS hours
      FROM "TrainingSession" s LEFT JOIN "TrainingEnrollment" e ON e."sessionId" = s.id AND e.status = 'ENROLLED'
      WHERE s.status = 'COMPLETED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}`,
    db.$queryRaw<{ month: Num; sessions: Num; attended: Num }[]>`
      SELECT EXTRACT(MONTH FROM (s."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::int AS month, COUNT(DISTINCT s.id) AS sessions,
        COUNT(e.id) FILTER (WHERE e.attendance = 'ATTENDED') AS attended
      FROM "TrainingSession" s LEFT JOIN "TrainingEnrollment" e ON e."sessionId" = s.id AND e.status = 'ENROLLED'
      WHERE s.status = 'COMPLETED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ code: string; name: string; nameEn: string; sessions: Num; attended: Num }[]>`
      SELECT c.code, c.name, c."nameEn", COUNT(DISTINCT s.id) AS sessions, COUNT(e.id) FILTER (WHERE e.attendance = 'ATTENDED') AS attended
      FROM "TrainingSession" s JOIN "TrainingCategory" c ON c.code = s."categoryCode"
      LEFT JOIN "TrainingEnrollment" e ON e."sessionId" = s.id AND e.status = 'ENROLLED'
      WHERE s.status = 'COMPLETED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
      GROUP BY c.code, c.name, c."nameEn", c."sortOrder" ORDER BY c."sortOrder"`,
    db.$queryRaw<{ unitName: string; enrolled: Num; attended: Num }[]>`
      SELECT un.name AS "unitName", COUNT(e.id) AS enrolled, COUNT(e.id) FILTER (WHERE e.attendance = 'ATTENDED') AS attended
      FROM "TrainingEnrollment" e JOIN "TrainingSession" s ON s.id = e."sessionId"
      JOIN "User" u ON u.id = e."userId" JOIN "Unit" un ON un.id = u."unitId"
      WHERE e.status = 'ENROLLED' AND s.status = 'COMPLETED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
      GROUP BY un.id, un.name, un."sortOrder" ORDER BY attended DESC, un."sortOrder"`,
    db.$queryRaw<{ name: string; affiliation: string | null; sessions: Num; ratings: Num; average: Num }[]>`
      SELECT l.name, l.affiliation, COUNT(DISTINCT s.id) AS sessions, COUNT(f.id) AS ratings, AVG(f.rating)::float AS average
      FROM "TrainingLecturer" l JOIN "TrainingSession" s ON s.id = l."sessionId"
      LEFT JOIN "TrainingFeedback" f ON f."sessionId" = s.id
      WHERE s.status = 'COMPLETED' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}
      GROUP BY l.name, l.affiliation ORDER BY sessions DESC, l.name`,
  ]);
  const t = totals[0]!;
  const enrolled = n(t.enrolled);
  const attended = n(t.attended);
  return {
    year,
    sessions: n(t.sessions),
    seats: n(t.seats),
    enrolled,
    attended,
    attendanceRate: enrolled ? attended / enrolled : null,
    creditHours: n(t.hours),
    byMonth: Array.from({ length: 12 }, (_, i) => {
      const m = byMonth.find((r) => n(r.month) === i + 1);
      return { month: i + 1, sessions: n(m?.sessions ?? 0), attended: n(m?.attended ?? 0) };
    }),
    byCategory: byCategory.map((r) => ({ code: r.code, name: r.name, nameEn: r.nameEn, sessions: n(r.sessions), attended: n(r.attended) })),
    byUnit: byUnit.map((r) => ({ unitName: r.unitName, enrolled: n(r.enrolled), attended: n(r.attended) })),
    byLecturer: byLecturer.map((r) => ({
      name: r.name,
      affiliation: r.affiliation,
      sessions: n(r.sessions),
      ratings: n(r.ratings),
      average: r.average === null ? null : n(r.average),
    })),
  };
}
