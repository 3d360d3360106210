import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/access";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation, notFound, validationFailed } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertHr, profileWhere } from "./access";
import { batchIssueSchema, issueSchema, itemSchema, standardSchema } from "./schemas";
import { dateToDay, DAY_MS, dayToDate, shanghaiTodayAsDate } from "@/lib/time";
import { unitSubtree } from "@/lib/unit-tree";

export async function listItems() {
  return db.equipmentItem.findMany({
    where: { active: true },
    orderBy: { code: "asc" },
    include: { standards: { orderBy: { createdAt: "asc" } } },
  });
}

export async function createItem(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(itemSchema, raw);
  try {
    return await db.$transaction(async (tx) => {
      const item = await tx.equipmentItem.create({ data: { ...input, sizeGroup: input.sizeGroup ?? null } });
      await writeAudit(tx, {
        actor,
        action: "benefits.equipment.item.create",
        targetType: "EquipmentItem",
        targetId: item.id,
        target: item.name,
      });
      return item;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw validationFailed({ code: "编码已存在" });
    throw e;
  }
}

export async function createStandard(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(standardSchema, raw);
  return db.$transaction(async (tx) => {
    const item = await tx.equipmentItem.findUnique({ where: { id: input.itemId } });
    if (!item) throw notFound("物品");
    const s = await tx.equipmentStandard.create({
      data: {
        itemId: item.id,
        post: input.post ?? null,
        gender: input.gender ?? null,
        season: input.season,
        quantity: input.quantity,
        cycleMonths: input.cycleMonths,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "benefits.equipment.standard.create",
      targetType: "EquipmentStandard",
      targetId: s.id,
      target: item.name,
      details: { post: s.post, gender: s.gender, season: s.season, quantity: s.quantity, cycleMonths: s.cycleMonths },
    });
    return s;
  });
}

export async function issueItem(actor: Actor, raw: unknown) {
  assertHr(actor);
  const input = parseInput(issueSchema, raw);
  return db.$transaction(async (tx) => {
    const p = await tx.auxiliaryProfile.findFirst({
      where: { AND: [{ id: input.profileId }, profileWhere(actor)] },
      select: { id: true, auxNo: true, name: true },
    });
    if (!p) throw notFound("辅警档案");
    const item = await tx.equipmentItem.findUnique({ where: { id: input.itemId } });
    if (!item) throw notFound("物品");
    const issue = await tx.equipmentIssue.create({
      data: {
        profileId: p.id,
        itemId: item.id,
        size: input.size ?? null,
        quantity: input.quantity,
        issuedOn: dayToDate(input.issuedOn),
        note: input.note ?? null,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "benefits.equipment.issue",
      targetType: "EquipmentIssue",
      targetId: issue.id,
      target: `${p.auxNo} ${p.name}`,
      details: { item: item.name, quantity: input.quantity },
    });
    return issue;
  });
}

/** One issue line per active person of the unit (and its sub-units), sizes from their profiles. */
export async function batchIssue(actor: Actor, raw: unknown): Promise<{ batchId: string; count: number }> {
  assertHr(actor);
  const input = parseInput(batchIssueSchema, raw);
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findFirst({
      where: { id: input.unitId, ...unitSubtree(actor.unitPath) },
      select: { id: true, name: true, path: true },
    });
    if (!unit) throw validationFailed({ unitId: "只能选择本单位及下级单位" });
    const item = await tx.equipmentItem.findUnique({ where: { id: input.itemId } });
    if (!item) throw validationFailed({ itemId: "物品不存在" });
    const people = await tx.auxiliaryProfile.findMany({
      where: { status: "ACTIVE", ...(input.includeSubunits ? { unit: unitSubtree(unit.path) } : { unitId: unit.id }) },
      select: { id: true, sizes: true },
    });
    if (!people.length) throw new AppError("NO_ONE_TO_ISSUE", "该单位没有在岗辅警");
    const batchId = randomUUID();
    await tx.equipmentIssue.createMany({
      data: people.map((p) => ({
        profileId: p.id,
        itemId: item.id,
        quantity: input.quantity,
        issuedOn: dayToDate(input.issuedOn),
        batchId,
        createdById: actor.id,
        size: item.sizeGroup ? ((p.sizes as Record<string, string>)[item.sizeGroup] ?? null) : null,
      })),
    });
    await writeAudit(tx, {
      actor,
      action: "benefits.equipment.batch_issue",
      targetType: "Unit",
      targetId: unit.id,
      target: unit.name,
      details: { batchId, item: item.name, count: people.length, quantity: input.quantity },
    });
    return { batchId, count: people.length };
  });
}

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

export type Entitlement = {
  profileId: string;
  auxNo: string;
  name: string;
  unitName: string;
  itemId: string;
  itemName: string;
  quantity: number;
  cycleMonths: number;
  size: string | null;
  lastIssuedOn: string | null;
  dueOn: string;
  state: "OWED" | "DUE_SOON" | "OK";
};

/**
 * What each person in scope is entitled to under the standards, when their next issue falls due
 * (last issue + cycle; never issued = due since hiring) and whether it is owed now.
 */
export async function listEntitlements(
  actor: Actor,
  opts: { profileId?: string; withinDays?: number; today?: Date } = {},
): Promise<Entitlement[]> {
  const today = shanghaiTodayAsDate(opts.today);
  const horizon = new Date(today.getTime() + (opts.withinDays ?? 90) * DAY_MS);
  const people = await db.auxiliaryProfile.findMany({
    where: { AND: [profileWhere(actor), { status: "ACTIVE" }, ...(opts.profileId ? [{ id: opts.profileId }] : [])] },
    select: { id: true, auxNo: true, name: true, post: true, gender: true, hireDate: true, sizes: true, unit: { select: { name: true } } },
    orderBy: { auxNo: "asc" },
  });
  if (!people.length) return [];
  const standards = await db.equipmentStandard.findMany({
    where: { item: { active: true } },
    include: { item: { select: { id: true, name: true, sizeGroup: true } } },
  });
  const last = await db.equipmentIssue.groupBy({
    by: ["profileId", "itemId"],
    where: { profileId: { in: people.map((p) => p.id) } },
    _max: { issuedOn: true },
  });
  const lastMap = new Map(last.map((l) => [`${l.profileId}:${l.itemId}`, l._max.issuedOn]));
  const out: Entitlement[] = [];
  for (const p of people) {
    const seenItems = new Set<string>();
    for (const s of standards) {
      if ((s.post && s.post !== p.post) || (s.gender && s.gender !== p.gender) || seenItems.has(s.itemId)) continue;
      seenItems.add(s.itemId);
      const lastOn = lastMap.get(`${p.id}:${s.itemId}`) ?? null;
      const due = lastOn ? addMonths(lastOn, s.cycleMonths) : p.hireDate;
      const state = due <= today ? "OWED" : due <= horizon ? "DUE_SOON" : "OK";
      out.push({
        profileId: p.id,
        auxNo: p.auxNo,
        name: p.name,
        unitName: p.unit.name,
        itemId: s.itemId,
        itemName: s.item.name,
        quantity: s.quantity,
        cycleMonths: s.cycleMonths,
        size: s.item.sizeGroup ? ((p.sizes as Record<string, string>)[s.item.sizeGroup] ?? null) : null,
        lastIssuedOn: lastOn ? dateToDay(lastOn) : null,
        dueOn: dateToDay(due),
        state,
      });
    }
  }
  return out;
}
