// `npm run seed:large`: a realistic large data set for the benchmarks — 10,000 users in 30
// units, then each module's own large data (scripts/seed-large/<module>.ts). Idempotent: a run
// against a database that already has it adds nothing.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { cachedHash, DEMO_PASSWORD } from "@/tests/factories";
import type { Role } from "@/lib/access";

export type LargeContext = {
  db: typeof db;
  units: { id: string; code: string; name: string; path: string }[];
  users: { id: string; badgeNo: string; unitId: string; roles: Role[] }[];
  log: (m: string) => void;
};

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split(
    "",
  );
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海涛晓东立新文博振宇德胜俊杰国庆立军永刚宏伟春雷志远家豪成刚".split("");
const name = (i: number) =>
  SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 3 ? GIVEN[(i * 13) % GIVEN.length]! : "");

async function main() {
  const log = (m: string) => console.log(`seed:large: ${m}`);
  const root = await db.unit.findUnique({ where: { code: "QS" } });
  if (!root) throw new Error("run the demo seed first (npm run db:seed)");
  // 30 units: the demo's 10 plus 20 more stations and teams.
  for (let i = 1; i <= 20; i++) {
    const code = `QS-L${String(i).padStart(2, "0")}`;
    if (await db.unit.findUnique({ where: { code } })) continue;
    const id = `u${randomBytes(8).toString("hex")}`;
    await db.unit.create({
      data: { id, code, name: `第${i}警务站`, kind: "STATION", parentId: root.id, path: `${root.path}${id}/`, sortOrder: 100 + i },
    });
  }
  const units = await db.unit.findMany({ select: { id: true, code: true, name: true, path: true } });
  const existing = await db.user.count({ where: { badgeNo: { startsWith: "L" } } });
  const target = 10_000 - (await db.user.count({ where: { NOT: { badgeNo: { startsWith: "L" } } } }));
  if (existing < target) {
    const hash = await cachedHash(DEMO_PASSWORD);
    for (let start = existing; start < target; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, target - start) }, (_, k) => {
        const i = start + k;
        const roles: Role[] = i % 3 === 2 ? ["AUXILIARY"] : ["OFFICER"];
        return {
          id: `lu${String(i).padStart(6, "0")}`,
          badgeNo: `L${String(i).padStart(6, "0")}`,
          name: name(i),
          unitId: units[i % units.length]!.id,
          roles,
        };
      });
      await db.user.createMany({ data: batch, skipDuplicates: true });
      await db.credential.createMany({
        data: batch.map((u) => ({ userId: u.id, passwordHash: hash, mustChange: false })),
        skipDuplicates: true,
      });
    }
  }
  const users = (await db.user.findMany({
    where: { active: true },
    select: { id: true, badgeNo: true, unitId: true, roles: true },
  })) as LargeContext["users"];
  log(`${units.length} units, ${users.length} users`);
  const ctx: LargeContext = { db, units, users, log };
  for (const mod of ["training", "medical", "benefits"]) {
    try {
      const m = await import(`./seed-large/${mod}`);
      const fn = Object.values(m).find((v) => typeof v === "function") as ((c: LargeContext) => Promise<void>) | undefined;
      if (fn) await fn(ctx);
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_MODULE_NOT_FOUND" || /Cannot find module/.test(String(e)))
        log(`${mod}: no large data set`);
      else throw e;
    }
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error("seed:large failed:", e instanceof Error ? e.message : e);
    await db.$disconnect();
    process.exit(1);
  });
