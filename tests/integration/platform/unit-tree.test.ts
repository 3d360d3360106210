import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { isInUnitSubtree, likePrefix, unitSubtree, unitSubtreeSql } from "@/lib/unit-tree";

async function unit(id: string, parentPath = "/") {
  return db.unit.create({ data: { id, code: id, name: id, kind: "STATION", path: `${parentPath}${id}/` } });
}

test("the subtree predicate matches the unit and its descendants only, the same in Prisma, SQL and memory, wildcards escaped", async () => {
  const tag = randomBytes(4).toString("hex");
  const root = await unit(`r${tag}`);
  const target = await unit(`s_${tag}`, root.path); // "_" is a LIKE wildcard unless escaped
  const child = await unit(`c${tag}`, target.path);
  const lookalike = await unit(`sX${tag}`, root.path); // would match an unescaped "s_…"
  await unit(`p%${tag}`, root.path);

  const viaSql = (await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Unit" un WHERE ${unitSubtreeSql("un.path", target.path)}`)
    .map((u) => u.id)
    .sort();
  expect(viaSql).toEqual([child.id, target.id].sort());
  // Prisma's startsWith would not escape the "_": the Prisma form refuses such a path instead
  expect(() => unitSubtree(target.path)).toThrow(/wildcard/);
  const viaPrisma = (await db.unit.findMany({ where: unitSubtree(root.path), select: { id: true } })).map((u) => u.id);
  const rootSql = (await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Unit" un WHERE ${unitSubtreeSql("un.path", root.path)}`).map(
    (u) => u.id,
  );
  expect(viaPrisma.sort()).toEqual(rootSql.sort());
  expect(viaPrisma).toHaveLength(5);
  expect(isInUnitSubtree(child.path, target.path)).toBe(true);
  expect(isInUnitSubtree(lookalike.path, target.path)).toBe(false);
  expect(likePrefix("/a_b%c\\/")).toBe("/a\\_b\\%c\\\\/%");
});
