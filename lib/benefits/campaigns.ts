import "server-only";
import { dateToDay, dayToDate } from "@/lib/time";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { notFound, validationFailed } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertHr } from "./access";
import { decimalToCents, formatCents } from "./money";
import { campaignSchema, visitSchema } from "./schemas";
import { unitSubtree } from "@/lib/unit-tree";

/** Campaigns are owned by a unit; HR sees the ones of their subtree. */
const campaignWhere = (actor: Actor) => ({ unit: unitSubtree(actor.unitPath) });

export async function listCampaigns(actor: Actor) {
  assertHr(actor);
  const rows = await db.visitCampaign.findMany({
    where: campaignWhere(actor),
    orderBy: { startsOn: "desc" },
    include: { unit: { select: { name: true } }, visits: { select: { amount: true, profileId: true } } },
  });
  return rows.map((c) => {
    let total = 0n;
    for (const v of c.visits) total += decimalToCents(v.amount);
    return {
      id: c.id,
      name: c.name,
      unitName: c.unit.name,
      startsOn: dateToDay(c.startsOn),
      endsOn: dateToDay(c.endsOn),
      description: c.description,
      visits: c.visits.length,
      people: new Set(c.visits.map((v) => v.profileId)).size,
      total: formatCents(total),
    };
  });
}

export async function getCampaign(actor: Actor, id: string) {
  assertHr(actor);
  const c = await db.visitCampaign.findFirst({
    where: { id, ...campaignWhere(actor) },
    include: {
      unit: { select: { name: true } },
      visits: {
        where: { profile: { unit: unitSubtree(actor.unitPath) } },
        orderBy: { visitedOn: "asc" },
        include: { profile: { select: { id: true, auxNo: true, name: true, unit: { select: { name: true } } } } },
      },
    },
  });
  if (!c) throw notFound("慰问活动");
  let total = 0n;
  for (const v of c.visits) total += decimalToCents(v.amount);
  return {
    id: c.id,
    name: c.name,
    unitName: c.unit.name,
    startsOn: dateToDay(c.startsOn),
    endsOn: dateToDay(c.endsOn),
    description: c.description,
    total: formatCents(total),
    visits: c.visits.map((v) => ({
      id: v.id,
      visitedOn: dateToDay(v.visitedOn),
      visitors: v.visitors,
      visitee: v.visitee,
      reason: v.reason,
      gift: v.gift,
      amount: v.amount?.toFixed(2) ?? null,
      profile: { id: v.profile.id, auxNo: v.profile.auxNo, name: v.profile.name, unitName: v.profile.unit.name },
    })),
  };
}

export async function createCampaign(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(campaignSchema, raw);
  if (input.endsOn < input.startsOn) throw validationFailed({ endsOn: "结束日期不能早于开始日期" });
  return db.$transaction(async (tx) => {
    const c = await tx.visitCampaign.create({
      data: {
        name: input.name,
        startsOn: dayToDate(input.startsOn),
        endsOn: dayToDate(input.endsOn),
        description: input.description ?? null,
        unitId: actor.unitId,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, { actor, action: "benefits.campaign.create", targetType: "VisitCampaign", targetId: c.id, target: c.name });
    return c;
  });
}

export async function addVisit(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(visitSchema, raw);
  return db.$transaction(async (tx) => {
    const c = await tx.visitCampaign.findFirst({ where: { id: input.campaignId, ...campaignWhere(actor) } });
    if (!c) throw notFound("慰问活动");
    const p = await tx.auxiliaryProfile.findFirst({
      where: { auxNo: input.auxNo.toUpperCase(), unit: unitSubtree(actor.unitPath) },
      select: { id: true, auxNo: true, name: true },
    });
    if (!p) throw validationFailed({ auxNo: "本单位范围内没有该辅警编号" });
    const v = await tx.campaignVisit.create({
      data: {
        campaignId: c.id,
        profileId: p.id,
        visitedOn: dayToDate(input.visitedOn),
        visitors: input.visitors,
        visitee: input.visitee,
        reason: input.reason,
        gift: input.gift ?? null,
        amount: input.amount ?? null,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "benefits.campaign.visit",
      targetType: "CampaignVisit",
      targetId: v.id,
      target: `${p.auxNo} ${p.name}`,
      details: { campaign: c.name, amount: input.amount ?? null },
    });
    return v;
  });
}
