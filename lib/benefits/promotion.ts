import "server-only";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertHr, profileWhere } from "./access";
import { ASSESSMENTS, promotionDecisionSchema, promotionRuleSchema } from "./schemas";
import { dateToDay, dayToDate, shanghaiTodayAsDate } from "@/lib/time";

export async function listRules() {
  return db.promotionRule.findMany({ orderBy: { fromLevel: "asc" } });
}

export async function saveRule(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(promotionRuleSchema, raw);
  return db.$transaction(async (tx) => {
    const r = await tx.promotionRule.upsert({ where: { fromLevel: input.fromLevel }, update: input, create: input });
    await writeAudit(tx, {
      actor,
      action: "benefits.promotion.rule",
      targetType: "PromotionRule",
      targetId: r.id,
      target: `${input.fromLevel}→${input.fromLevel + 1}`,
      details: input,
    });
    return r;
  });
}

const rank = (a: string) => ASSESSMENTS.indexOf(a as (typeof ASSESSMENTS)[number]);

function yearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  if (to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate())) years--;
  return years;
}

export type Candidate = {
  profileId: string;
  auxNo: string;
  name: string;
  unitName: string;
  level: number;
  levelSince: string;
  years: number;
  lastAssessment: string | null;
  openDiscipline: boolean;
  eligible: boolean;
  reasons: string[];
};

/** Everyone active in scope with a rule for their level, eligible first, with the reasons for the rest. */
export async function listCandidates(actor: Actor, today = new Date()): Promise<Candidate[]> {
  assertHr(actor);
  const rules = new Map((await listRules()).map((r) => [r.fromLevel, r]));
  if (!rules.size) return [];
  const people = await db.auxiliaryProfile.findMany({
    where: { AND: [profileWhere(actor), { status: "ACTIVE", level: { in: [...rules.keys()] } }] },
    select: {
      id: true,
      auxNo: true,
      name: true,
      level: true,
      levelSince: true,
      unit: { select: { name: true } },
      assessments: { orderBy: { year: "desc" }, take: 1, select: { result: true, year: true } },
      disciplines: { where: { closedOn: null }, select: { id: true }, take: 1 },
    },
    orderBy: { auxNo: "asc" },
  });
  const out = people.map((p): Candidate => {
    const rule = rules.get(p.level)!;
    const years = yearsBetween(p.levelSince, shanghaiTodayAsDate(today));
    const last = p.assessments[0]?.result ?? null;
    const reasons: string[] = [];
    if (years < rule.minYears) reasons.push(`任现层级 ${years} 年，不足 ${rule.minYears} 年`);
    if (!last || rank(last) > rank(rule.minAssessment)) reasons.push("最近一次年度考核未达到要求");
    if (rule.blockOnDiscipline && p.disciplines.length) reasons.push("有未结的违纪记录");
    return {
      profileId: p.id,
      auxNo: p.auxNo,
      name: p.name,
      unitName: p.unit.name,
      level: p.level,
      levelSince: dateToDay(p.levelSince),
      years,
      lastAssessment: last,
      openDiscipline: p.disciplines.length > 0,
      eligible: reasons.length === 0,
      reasons,
    };
  });
  return out.sort((a, b) => Number(b.eligible) - Number(a.eligible));
}

/** HR records a decision; an approval raises the level and becomes a 职级晋升 record. */
export async function decidePromotion(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(promotionDecisionSchema, raw);
  return db.$transaction(async (tx) => {
    const p = await tx.auxiliaryProfile.findFirst({
      where: { AND: [{ id: input.profileId }, profileWhere(actor)] },
      select: { id: true, auxNo: true, name: true, level: true },
    });
    if (!p) throw notFound("辅警档案");
    await tx.$queryRaw`SELECT id FROM "AuxiliaryProfile" WHERE id = ${p.id} FOR UPDATE`;
    const fresh = await tx.auxiliaryProfile.findUniqueOrThrow({ where: { id: p.id }, select: { level: true } });
    if (fresh.level !== p.level) throw new AppError("LEVEL_CHANGED", "层级已被他人修改，请刷新");
    const target = `${p.auxNo} ${p.name}`;
    if (!input.approve) {
      await writeAudit(tx, {
        actor,
        action: "benefits.promotion.decline",
        targetType: "AuxiliaryProfile",
        targetId: p.id,
        target,
        details: { level: p.level, note: input.note ?? null },
      });
      return { promoted: false as const };
    }
    const toLevel = p.level + 1;
    await tx.auxiliaryProfile.update({ where: { id: p.id }, data: { level: toLevel, levelSince: dayToDate(input.decidedOn) } });
    const r = await tx.benefitRecord.create({
      data: {
        profileId: p.id,
        category: "PROMOTION",
        occurredOn: dayToDate(input.decidedOn),
        title: `层级晋升：${p.level} 级 → ${toLevel} 级`,
        details: { fromLevel: p.level, toLevel, note: input.note ?? null },
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "benefits.promotion.approve",
      targetType: "AuxiliaryProfile",
      targetId: p.id,
      target,
      details: { fromLevel: p.level, toLevel, recordId: r.id },
    });
    return { promoted: true as const, toLevel, recordId: r.id };
  });
}
