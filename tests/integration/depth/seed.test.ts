import { db } from "@/lib/db";
import { listLecturers } from "@/lib/training/lecturers";
import { seedLecturers } from "@/prisma/seed/lecturers";
import { seedPlatform } from "@/prisma/seed/platform";
import { actorOf, createUser } from "@/tests/factories";

// seedLecturers alone (seedTraining calls it last): tests/integration/training/seed.test.ts runs
// the whole training seed, and two of those at once in parallel Jest workers collide.
test("the demo seed fills the lecturer registry, idempotently", async () => {
  const now = new Date();
  const base = await seedPlatform({ db, now, log: () => {} });
  const first = await seedLecturers({ db, now, log: () => {}, ...base });
  const again = await seedLecturers({ db, now, log: () => {}, ...base });
  expect(again).toBe(0);
  expect(first).toBeLessThanOrEqual(7);
  const admin = actorOf(await createUser({ roles: ["TRAINING_ADMIN"] }));
  const registry = await listLecturers(admin, {});
  const demo = registry.filter(
    (l) => ["王立新", "赵航", "孙明", "李红", "陈静"].includes(l.name) || ["100001", "100002"].includes(l.badgeNo ?? ""),
  );
  expect(demo).toHaveLength(7);
  expect(demo.find((l) => l.badgeNo === "100002")).toMatchObject({ kind: "INTERNAL", topics: ["执法规范化", "政治理论"] });
});
