import "server-only";
import { randomBytes } from "node:crypto";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, isForeignKeyViolation, isUniqueViolation, notFound, validationFailed } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { parseInput } from "@/lib/validation";
import { unitSchema } from "./schemas";
import { isInUnitSubtree, unitSubtree, unitSubtreeSql } from "@/lib/unit-tree";

export type UnitDto = {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  depth: number;
  userCount: number;
};

/** The whole unit tree in display order (parents before children). Any signed-in user may read it. */
export async function listUnits(): Promise<UnitDto[]> {
  const rows = await db.unit.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, kind: true, parentId: true, path: true, _count: { select: { users: true } } },
  });
  const byParent = new Map<string | null, typeof rows>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const out: UnitDto[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const r of byParent.get(parentId) ?? []) {
      out.push({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        parentId: r.parentId,
        path: r.path,
        depth,
        userCount: r._count.users,
      });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Ids of a unit and everything below it. */
export async function unitSubtreeIds(unitPath: string): Promise<string[]> {
  const rows = await db.unit.findMany({ where: unitSubtree(unitPath), select: { id: true } });
  return rows.map((r) => r.id);
}

export async function createUnit(actor: Actor, input: unknown) {
  assertCan(actor, "units.manage");
  const data = parseInput(unitSchema, input);
  const parent = data.parentId ? await db.unit.findUnique({ where: { id: data.parentId } }) : null;
  if (data.parentId && !parent) throw validationFailed({ parentId: "上级单位不存在" });
  const id = `u${randomBytes(8).toString("hex")}`;
  try {
    return await db.$transaction(async (tx) => {
      const unit = await tx.unit.create({
        data: { id, code: data.code, name: data.name, kind: data.kind, parentId: parent?.id ?? null, path: `${parent?.path ?? "/"}${id}/` },
      });
      await writeAudit(tx, { actor, action: "admin.unit.create", targetType: "Unit", targetId: unit.id, target: unit.name });
      return unit;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw validationFailed({ code: "单位编码已存在" });
    throw e;
  }
}

/** Rename or move a unit; moving rewrites the paths of its whole subtree in the same transaction. */
export async function updateUnit(actor: Actor, unitId: string, input: unknown) {
  assertCan(actor, "units.manage");
  const data = parseInput(unitSchema, input);
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId } });
    if (!unit) throw notFound("单位");
    const parent = data.parentId ? await tx.unit.findUnique({ where: { id: data.parentId } }) : null;
    if (data.parentId && !parent) throw validationFailed({ parentId: "上级单位不存在" });
    if (parent && isInUnitSubtree(parent.path, unit.path)) throw validationFailed({ parentId: "不能把单位移到它自己或其下级单位之下" });
    const newPath = `${parent?.path ?? "/"}${unit.id}/`;
    try {
      await tx.unit.update({
        where: { id: unit.id },
        data: { name: data.name, code: data.code, kind: data.kind, parentId: parent?.id ?? null, path: newPath },
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw validationFailed({ code: "单位编码已存在" });
      throw e;
    }
    if (newPath !== unit.path) {
      await tx.$executeRaw`UPDATE "Unit" SET path = ${newPath} || substr(path, ${unit.path.length + 1}) WHERE ${unitSubtreeSql("path", unit.path)} AND id <> ${unit.id}`;
    }
    await writeAudit(tx, {
      actor,
      action: "admin.unit.update",
      targetType: "Unit",
      targetId: unit.id,
      target: data.name,
      details: {
        before: { name: unit.name, code: unit.code, parentId: unit.parentId },
        after: { name: data.name, code: data.code, parentId: data.parentId },
      },
    });
  });
}

export async function deleteUnit(actor: Actor, unitId: string) {
  assertCan(actor, "units.manage");
  const inUse = () => new AppError("UNIT_NOT_EMPTY", "该单位下仍有人员、下级单位或业务记录，不能删除");
  await db
    .$transaction(async (tx) => {
      const unit = await tx.unit.findUnique({ where: { id: unitId }, include: { _count: { select: { users: true, children: true } } } });
      if (!unit) throw notFound("单位");
      if (unit._count.users || unit._count.children) throw inUse();
      await tx.unit.delete({ where: { id: unitId } });
      await writeAudit(tx, { actor, action: "admin.unit.delete", targetType: "Unit", targetId: unitId, target: unit.name });
    })
    .catch((e) => {
      throw isForeignKeyViolation(e) ? inUse() : e;
    });
}
