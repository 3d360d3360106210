import "server-only";
import { readOutcome } from "./outcome";
import { assertCan, can, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { shanghaiYear, shanghaiYearRange } from "@/lib/time";
import { unitSubtreeSql } from "@/lib/unit-tree";
import { ATTENDED_STATUSES, QUOTA_STATUSES, statusInSql } from "./statuses";

// Aggregates only. Unit leads see their unit subtree, and any group with fewer than MIN_GROUP
// distinct people is suppressed (null) so no one can be singled out. The liaison sees every
// booking row by row on the day board already: their figures are exact, totals included.
export const MIN_GROUP = 5;

export type Cell = { bookings: number | null; people: number | null };
export type StatsRow = { key: string; label: string } & Cell & { noShowRate: number | null };
export type MedicalStats = {
  year: number;
  scope: "ALL" | "UNIT";
  /** false: groups under MIN_GROUP people are suppressed (null) */
  exact: boolean;
  byService: StatsRow[];
  byMonth: StatsRow[];
  byUnit: StatsRow[];
  total: StatsRow;
  quota: { service: string; label: string; quota: number; people: number | null; exhausted: number | null }[];
  liverOutcome: { normal: number | null; abnormal: number | null };
};

type Raw = { key: string; label: string; bookings: bigint; people: bigint; no_show: bigint; attended: bigint };

function suppress(r: Raw, exact: boolean): StatsRow {
  const people = Number(r.people);
  if (!exact && people < MIN_GROUP) return { key: r.key, label: r.label, bookings: null, people: null, noShowRate: null };
  const denom = Number(r.attended) + Number(r.no_show);
  return { key: r.key, label: r.label, bookings: Number(r.bookings), people, noShowRate: denom ? Number(r.no_show) / denom : null };
}

export async function getMedicalStats(actor: Actor, opts: { year?: number } = {}, now = new Date()): Promise<MedicalStats> {
  assertCan(actor, "medical.stats.view");
  const all = can(actor, "medical.manage");
  const prefix = all ? "/" : actor.unitPath;
  const year = opts.year ?? shanghaiYear(now);
  const { start, end } = shanghaiYearRange(year);

  const grouped = (keyExpr: "service" | "month" | "unit") => {
    // one query per dimension; the grouping column is chosen from a fixed set, never user input
    if (keyExpr === "service") {
      return db.$queryRaw<Raw[]>`
        SELECT s.code AS key, s.name AS label, count(*) AS bookings, count(DISTINCT b."userId") AS people,
          count(*) FILTER (WHERE b.status = 'NO_SHOW') AS no_show, count(*) FILTER (WHERE ${statusInSql("b.status", ATTENDED_STATUSES)}) AS attended
        FROM "MedicalBooking" b JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId" JOIN "MedicalService" s ON s.id = b."serviceId"
        WHERE ${statusInSql("b.status", QUOTA_STATUSES)} AND b."startsAt" >= ${start} AND b."startsAt" < ${end} AND ${unitSubtreeSql("un.path", prefix)}
        GROUP BY s.code, s.name, s."sortOrder" ORDER BY s."sortOrder", s.code`;
    }
    if (keyExpr === "month") {
      return db.$queryRaw<Raw[]>`
        SELECT to_char((b."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS key, to_char((b."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS label,
          count(*) AS bookings, count(DISTINCT b."userId") AS people,
          count(*) FILTER (WHERE b.status = 'NO_SHOW') AS no_show, count(*) FILTER (WHERE ${statusInSql("b.status", ATTENDED_STATUSES)}) AS attended
        FROM "MedicalBooking" b JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId"
        WHERE ${statusInSql("b.status", QUOTA_STATUSES)} AND b."startsAt" >= ${start} AND b."startsAt" < ${end} AND ${unitSubtreeSql("un.path", prefix)}
        GROUP BY 1, 2 ORDER BY 1`;
    }
    return db.$queryRaw<Raw[]>`
      SELECT un.id AS key, un.name AS label, count(*) AS bookings, count(DISTINCT b."userId") AS people,
        count(*) FILTER (WHERE b.status = 'NO_SHOW') AS no_show, count(*) FILTER (WHERE ${statusInSql("b.status", ATTENDED_STATUSES)}) AS attended
      FROM "MedicalBooking" b JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId"
      WHERE ${statusInSql("b.status", QUOTA_STATUSES)} AND b."startsAt" >= ${start} AND b."startsAt" < ${end} AND ${unitSubtreeSql("un.path", prefix)}
      GROUP BY un.id, un.name, un."sortOrder" ORDER BY un."sortOrder", un.name`;
  };

  const [byService, byMonth, byUnit, totalRows, quotaRows, outcomeRows] = await Promise.all([
    grouped("service"),
    grouped("month"),
    grouped("unit"),
    db.$queryRaw<Raw[]>`
      SELECT 'ALL' AS key, '' AS label, count(*) AS bookings, count(DISTINCT b."userId") AS people,
        count(*) FILTER (WHERE b.status = 'NO_SHOW') AS no_show, count(*) FILTER (WHERE ${statusInSql("b.status", ATTENDED_STATUSES)}) AS attended
      FROM "MedicalBooking" b JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId"
      WHERE ${statusInSql("b.status", QUOTA_STATUSES)} AND b."startsAt" >= ${start} AND b."startsAt" < ${end} AND ${unitSubtreeSql("un.path", prefix)}`,
    db.$queryRaw<{ code: string; name: string; quota: number; people: bigint; exhausted: bigint }[]>`
      SELECT s.code, s.name, s."yearlyQuota" AS quota, count(DISTINCT per."userId") AS people,
        count(DISTINCT per."userId") FILTER (WHERE per.used >= s."yearlyQuota") AS exhausted
      FROM "MedicalService" s
      LEFT JOIN (
        SELECT b."serviceId", b."userId", count(*) AS used
        FROM "MedicalBooking" b JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId"
        WHERE b.urgent = false AND ${statusInSql("b.status", QUOTA_STATUSES)} AND b."startsAt" >= ${start} AND b."startsAt" < ${end} AND ${unitSubtreeSql("un.path", prefix)}
        GROUP BY b."serviceId", b."userId"
      ) per ON per."serviceId" = s.id
      WHERE s."yearlyQuota" IS NOT NULL
      GROUP BY s.code, s.name, s."yearlyQuota", s."sortOrder" ORDER BY s."sortOrder"`,
    // Outcomes are encrypted (health data): fetch the year's recorded ones and count people here.
    db.$queryRaw<{ userId: string; outcome: string | null; outcomeEnc: string | null }[]>`
      SELECT b."userId", b.outcome::text AS outcome, b."outcomeEnc"
      FROM "MedicalBooking" b JOIN "User" u ON u.id = b."userId" JOIN "Unit" un ON un.id = u."unitId"
      WHERE (b.outcome IS NOT NULL OR b."outcomeEnc" IS NOT NULL) AND b."startsAt" >= ${start} AND b."startsAt" < ${end} AND ${unitSubtreeSql("un.path", prefix)}`,
  ]);
  const peopleBy = new Map<string, Set<string>>();
  for (const r of outcomeRows) {
    const o = readOutcome(r);
    if (o) peopleBy.set(o, (peopleBy.get(o) ?? new Set()).add(r.userId));
  }
  const exact = all;
  const shown = (n: number) => exact || n >= MIN_GROUP;
  const outcome = (k: string) => {
    const n = peopleBy.get(k)?.size ?? 0;
    return shown(n) ? n : null;
  };
  const hide = (r: Raw) => suppress(r, exact);
  const zero: Raw = { key: "ALL", label: "", bookings: 0n, people: 0n, no_show: 0n, attended: 0n };
  return {
    year,
    scope: all ? "ALL" : "UNIT",
    exact,
    byService: byService.map(hide),
    byMonth: byMonth.map(hide),
    byUnit: byUnit.map(hide),
    total: hide(totalRows[0] ?? zero),
    quota: quotaRows.map((q) => {
      const people = Number(q.people);
      return {
        service: q.code,
        label: q.name,
        quota: q.quota,
        people: shown(people) ? people : null,
        exhausted: shown(people) ? Number(q.exhausted) : null,
      };
    }),
    liverOutcome: { normal: outcome("NORMAL"), abnormal: outcome("ABNORMAL_RECHECK") },
  };
}
