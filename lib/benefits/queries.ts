import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput, type Paged } from "@/lib/validation";
import { dateToDay, dayToDate, shanghaiDate, toIsoShanghai } from "@/lib/time";
import { unsafeListAttendanceForUsers } from "@/lib/training/transcript";
import { decryptForDisplay, type Integrity } from "@/lib/crypto";
import { assertHr, isHr, profileWhere } from "./access";
import { checkCase, checkPayLine } from "./integrity";
import { recordsQuerySchema, rosterQuerySchema, type Category, type RosterQuery } from "./schemas";
import { unitSubtree } from "@/lib/unit-tree";

export const PROFILE_SELECT = {
  id: true,
  auxNo: true,
  name: true,
  idNumberMasked: true,
  gender: true,
  birthYear: true,
  unitId: true,
  unit: { select: { id: true, name: true } },
  post: true,
  batch: true,
  hireDate: true,
  contractStart: true,
  contractEnd: true,
  level: true,
  levelSince: true,
  status: true,
  phone: true,
  sizes: true,
  userId: true,
  updatedAt: true,
} satisfies Prisma.AuxiliaryProfileSelect;

export type ProfileRow = Prisma.AuxiliaryProfileGetPayload<{ select: typeof PROFILE_SELECT }>;

export type AuxiliarySummary = {
  id: string;
  auxNo: string;
  name: string;
  unit: { id: string; name: string };
  level: number;
  status: "ACTIVE" | "LEFT";
  idNumberMasked: string;
  post: "DUTY" | "CIVILIAN";
  hireDate: string;
};

export type ProfileDto = AuxiliarySummary & {
  /** Birth year only: with the masked ID number the full birth date would leave just the county digits hidden. */
  gender: "MALE" | "FEMALE";
  birthYear: number;
  batch: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  levelSince: string;
  phone: string | null;
  sizes: Record<string, string>;
  hasAccount: boolean;
};

export function toSummary(p: ProfileRow): AuxiliarySummary {
  return {
    id: p.id,
    auxNo: p.auxNo,
    name: p.name,
    unit: p.unit,
    level: p.level,
    status: p.status,
    idNumberMasked: p.idNumberMasked,
    post: p.post,
    hireDate: dateToDay(p.hireDate),
  };
}

export function toProfileDto(p: ProfileRow): ProfileDto {
  return {
    ...toSummary(p),
    gender: p.gender,
    birthYear: p.birthYear,
    batch: p.batch,
    contractStart: p.contractStart ? dateToDay(p.contractStart) : null,
    contractEnd: p.contractEnd ? dateToDay(p.contractEnd) : null,
    levelSince: dateToDay(p.levelSince),
    phone: p.phone,
    sizes: (p.sizes ?? {}) as Record<string, string>,
    hasAccount: !!p.userId,
  };
}

export function rosterWhere(actor: Actor, q: Partial<RosterQuery>): Prisma.AuxiliaryProfileWhereInput {
  const and: Prisma.AuxiliaryProfileWhereInput[] = [profileWhere(actor)];
  if (q.q) and.push({ OR: [{ name: { contains: q.q } }, { auxNo: { contains: q.q.toUpperCase() } }] });
  if (q.unitId) and.push({ unit: { path: { contains: `/${q.unitId}/` } } });
  if (q.post) and.push({ post: q.post });
  if (q.level) and.push({ level: q.level });
  if (q.status) and.push({ status: q.status });
  if (q.hireYear) and.push({ hireDate: { gte: dayToDate(`${q.hireYear}-01-01`), lt: dayToDate(`${q.hireYear + 1}-01-01`) } });
  return { AND: and };
}

function rosterOrder(q: Partial<RosterQuery>): Prisma.AuxiliaryProfileOrderByWithRelationInput[] {
  const dir = q.dir ?? "asc";
  const sort = q.sort ?? "auxNo";
  const primary: Prisma.AuxiliaryProfileOrderByWithRelationInput =
    sort === "unit" ? { unit: { sortOrder: dir } } : ({ [sort]: dir } as Prisma.AuxiliaryProfileOrderByWithRelationInput);
  return [primary, { auxNo: "asc" }];
}

/** The HR roster: my subtree, filtered, sorted, paginated. */
export async function listAuxiliaries(actor: Actor, raw: unknown): Promise<Paged<AuxiliarySummary>> {
  assertHr(actor);
  const q = parseInput(rosterQuerySchema, raw);
  const where = rosterWhere(actor, q);
  const [rows, total] = await Promise.all([
    db.auxiliaryProfile.findMany({
      where,
      select: PROFILE_SELECT,
      orderBy: rosterOrder(q),
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.auxiliaryProfile.count({ where }),
  ]);
  return { items: rows.map(toSummary), total, page: q.page, pageSize: q.pageSize };
}

/** All matching rows for an export, in batches (no id numbers). */
export async function* iterateRoster(actor: Actor, q: Partial<RosterQuery>): AsyncGenerator<ProfileRow> {
  assertHr(actor);
  const where = rosterWhere(actor, q);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.auxiliaryProfile.findMany({
      where,
      select: PROFILE_SELECT,
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    yield* rows;
    if (rows.length < 500) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** One profile the actor may see; NOT_FOUND otherwise (existence does not leak). */
export async function getAuxiliary(actor: Actor, id: string): Promise<ProfileDto> {
  const p = await db.auxiliaryProfile.findFirst({ where: { AND: [{ id }, profileWhere(actor)] }, select: PROFILE_SELECT });
  if (!p) throw notFound("辅警档案");
  return toProfileDto(p);
}

/** The signed-in auxiliary officer's own profile, or null when HR has not linked one. */
export async function getMyProfile(actor: Actor): Promise<ProfileDto | null> {
  const p = await db.auxiliaryProfile.findFirst({ where: { userId: actor.id }, select: PROFILE_SELECT });
  return p ? toProfileDto(p) : null;
}

export async function assertVisibleProfile(
  actor: Actor,
  id: string,
): Promise<{ id: string; auxNo: string; name: string; userId: string | null; level: number }> {
  const p = await db.auxiliaryProfile.findFirst({
    where: { AND: [{ id }, profileWhere(actor)] },
    select: { id: true, auxNo: true, name: true, userId: true, level: true },
  });
  if (!p) throw notFound("辅警档案");
  return p;
}

/** Pay is sensitive: HR reading someone's pay lines is audited (one entry per read). */
async function auditPayRead(actor: Actor, profileIds: string[], year?: number) {
  await writeAudit(db, {
    actor,
    action: "benefits.pay.read",
    targetType: "AuxiliaryProfile",
    targetId: profileIds.length === 1 ? profileIds[0] : undefined,
    target: profileIds.length === 1 ? undefined : `${profileIds.length} 人`,
    details: year ? { year } : undefined,
  });
}

export type RecordDto = {
  id: string;
  auxiliaryId: string;
  category: Category;
  occurredOn: string;
  title: string;
  amount?: string;
  status?: string;
  /** pay lines and compensation cases: whether the stored amounts still match their seal */
  integrity?: Integrity;
  details: Record<string, unknown>;
};

const CASE_KIND_LABEL: Record<string, string> = {
  WORK_INJURY: "工伤",
  ILLNESS: "疾病",
  HARDSHIP: "困难补助",
  BEREAVEMENT: "抚恤",
  HOLIDAY_VISIT: "节日走访慰问",
};

/**
 * Every record of the profiles the actor may see, as one timeline (newest first). An auxiliary
 * officer always gets their own, whatever auxiliaryId says.
 */
export async function listRecords(actor: Actor, raw: unknown): Promise<RecordDto[]> {
  const q = parseInput(recordsQuerySchema, raw);
  const base = profileWhere(actor);
  const where: Prisma.AuxiliaryProfileWhereInput = isHr(actor) && q.auxiliaryId ? { AND: [base, { id: q.auxiliaryId }] } : base;
  const profiles = await db.auxiliaryProfile.findMany({
    where,
    select: { id: true, userId: true },
    take: isHr(actor) && !q.auxiliaryId ? 200 : 1,
  });
  if (!profiles.length) return isHr(actor) && q.auxiliaryId ? Promise.reject(notFound("辅警档案")) : [];
  const ids = profiles.map((p) => p.id);
  const want = (c: Category) => !q.category || q.category === c;
  const out: RecordDto[] = [];

  const simple = ["RECRUITMENT", "TRAINING", "PROMOTION", "AWARD", "LEAVE"].filter((c) => want(c as Category)) as Category[];
  if (simple.length) {
    const rows = await db.benefitRecord.findMany({
      where: { profileId: { in: ids }, category: { in: simple } },
      orderBy: { occurredOn: "desc" },
    });
    for (const r of rows)
      out.push({
        id: r.id,
        auxiliaryId: r.profileId,
        category: r.category,
        occurredOn: dateToDay(r.occurredOn),
        title: r.title,
        ...(r.amount ? { amount: r.amount.toFixed(2) } : {}),
        details: (r.details ?? {}) as Record<string, unknown>,
      });
  }
  if (want("PAY")) {
    const rows = await db.payLine.findMany({ where: { profileId: { in: ids } }, orderBy: { month: "desc" } });
    if (rows.length && isHr(actor)) await auditPayRead(actor, ids);
    for (const r of rows) {
      out.push({
        id: r.id,
        auxiliaryId: r.profileId,
        category: "PAY",
        occurredOn: `${r.month}-01`,
        title: `${r.month} 工资`,
        amount: r.net.toFixed(2),
        integrity: checkPayLine(r),
        details: {
          month: r.month,
          base: r.base.toFixed(2),
          levelAllowance: r.levelAllowance.toFixed(2),
          seniorityAllowance: r.seniorityAllowance.toFixed(2),
          performance: r.performance.toFixed(2),
          socialInsurance: r.socialInsurance.toFixed(2),
          housingFund: r.housingFund.toFixed(2),
          deductions: r.deductions.toFixed(2),
          net: r.net.toFixed(2),
        },
      });
    }
  }
  if (want("EQUIPMENT")) {
    const rows = await db.equipmentIssue.findMany({
      where: { profileId: { in: ids } },
      include: { item: { select: { name: true, unitLabel: true, code: true } } },
      orderBy: { issuedOn: "desc" },
    });
    for (const r of rows)
      out.push({
        id: r.id,
        auxiliaryId: r.profileId,
        category: "EQUIPMENT",
        occurredOn: dateToDay(r.issuedOn),
        title: `${r.item.name} × ${r.quantity}${r.item.unitLabel}`,
        details: { itemCode: r.item.code, itemName: r.item.name, size: r.size, quantity: r.quantity, note: r.note },
      });
  }
  if (want("TRAINING")) {
    const userIds = profiles.filter((p) => p.userId).map((p) => p.userId!);
    const byUser = new Map(profiles.filter((p) => p.userId).map((p) => [p.userId!, p.id]));
    for (const a of await unsafeListAttendanceForUsers(userIds)) {
      out.push({
        id: `att-${a.sessionId}-${a.userId}`,
        auxiliaryId: byUser.get(a.userId)!,
        category: "TRAINING",
        occurredOn: shanghaiDate(a.startsAt),
        title: a.title,
        details: {
          source: "LECTURE_HALL",
          sessionId: a.sessionId,
          category: a.category,
          categoryName: a.categoryName,
          creditHours: a.creditHours,
          startsAt: toIsoShanghai(a.startsAt),
        },
      });
    }
  }
  if (want("COMPENSATION")) {
    const rows = await db.compensationCase.findMany({
      where: { profileId: { in: ids } },
      orderBy: { occurredOn: "desc" },
      include: {
        submittedBy: { select: { name: true } },
        reviewedBy: { select: { name: true } },
        secondReviewedBy: { select: { name: true } },
      },
    });
    for (const r of rows) {
      out.push({
        id: r.id,
        auxiliaryId: r.profileId,
        category: "COMPENSATION",
        occurredOn: dateToDay(r.occurredOn),
        title: r.title,
        amount: (r.amountApproved ?? r.amountRequested).toFixed(2),
        status: r.status,
        integrity: checkCase(r),
        details: {
          kind: r.kind,
          kindName: CASE_KIND_LABEL[r.kind],
          // legacy plaintext until the start-up step has encrypted it
          reason: r.reasonEnc ? decryptForDisplay(r.reasonEnc) : r.reason,
          submittedById: r.submittedById,
          amountRequested: r.amountRequested.toFixed(2),
          amountApproved: r.amountApproved?.toFixed(2) ?? null,
          submittedBy: r.submittedBy?.name ?? null,
          submittedAt: toIsoShanghai(r.submittedAt),
          reviewedBy: r.reviewedBy?.name ?? null,
          reviewedAt: r.reviewedAt ? toIsoShanghai(r.reviewedAt) : null,
          reviewNote: r.reviewNote,
          secondReviewedBy: r.secondReviewedBy?.name ?? null,
          secondReviewedAt: r.secondReviewedAt ? toIsoShanghai(r.secondReviewedAt) : null,
          paidAt: r.paidAt ? toIsoShanghai(r.paidAt) : null,
        },
      });
    }
    const visits = await db.campaignVisit.findMany({
      where: { profileId: { in: ids } },
      include: { campaign: { select: { name: true } } },
      orderBy: { visitedOn: "desc" },
    });
    for (const v of visits)
      out.push({
        id: v.id,
        auxiliaryId: v.profileId,
        category: "COMPENSATION",
        occurredOn: dateToDay(v.visitedOn),
        title: `${v.campaign.name}：${v.reason}`,
        ...(v.amount ? { amount: v.amount.toFixed(2) } : {}),
        details: { source: "VISIT", campaign: v.campaign.name, visitors: v.visitors, visitee: v.visitee, gift: v.gift },
      });
  }
  out.sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : 0));
  return out;
}

/** Pay lines of one visible profile for a year, with the year's totals (exact, in cents). */
export async function getPayYear(actor: Actor, profileId: string, year: number) {
  await assertVisibleProfile(actor, profileId);
  if (isHr(actor)) await auditPayRead(actor, [profileId], year);
  const lines = await db.payLine.findMany({
    where: { profileId, month: { gte: `${year}-01`, lte: `${year}-12` } },
    orderBy: { month: "asc" },
  });
  const keys = [
    "base",
    "levelAllowance",
    "seniorityAllowance",
    "performance",
    "socialInsurance",
    "housingFund",
    "deductions",
    "net",
  ] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, 0n])) as Record<(typeof keys)[number], bigint>;
  let tampered = 0;
  const rows = lines.map((l) => {
    const integrity = checkPayLine(l);
    const r = { month: l.month, integrity } as Record<string, string>;
    // A tampered line is shown (flagged) but not added into the year's totals as if genuine.
    if (integrity === "TAMPERED") tampered++;
    for (const k of keys) {
      r[k] = l[k].toFixed(2);
      if (integrity === "OK") totals[k] += BigInt(l[k].mul(100).toFixed(0));
    }
    return r as { month: string; integrity: Integrity } & Record<(typeof keys)[number], string>;
  });
  return { rows, totals, tampered };
}

/** The pay scale by level, for whoever may see a pay sheet (HR, or an auxiliary officer for their own). */
export async function listPayScale(actor: Actor) {
  profileWhere(actor); // refuses anyone without benefits access
  const rows = await db.payScale.findMany({ orderBy: { level: "asc" } });
  return rows.map((r) => ({ level: r.level, base: r.base.toFixed(2), levelAllowance: r.levelAllowance.toFixed(2), note: r.note }));
}

export async function listPayYears(actor: Actor, profileId: string): Promise<number[]> {
  await assertVisibleProfile(actor, profileId);
  const rows = await db.payLine.findMany({ where: { profileId }, select: { month: true }, distinct: ["month"] });
  return [...new Set(rows.map((r) => Number(r.month.slice(0, 4))))].sort((a, b) => b - a);
}

/** Units the HR actor may file people under (their subtree), for selects. */
export async function listSubtreeUnits(actor: Actor) {
  assertHr(actor);
  return db.unit.findMany({
    where: unitSubtree(actor.unitPath),
    select: { id: true, name: true, path: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}

export { CASE_KIND_LABEL };
