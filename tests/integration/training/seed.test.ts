import { db } from "@/lib/db";
import { seedPlatform } from "@/prisma/seed/platform";
import { seedTraining } from "@/prisma/seed/training";

test("the demo seed is idempotent and consistent: counters match rows, nine completed sessions this year", async () => {
  const now = new Date();
  const log = () => {};
  for (let i = 0; i < 2; i++) {
    const base = await seedPlatform({ db, now, log });
    await seedTraining({ db, now, log, ...base });
  }
  const sessions = await db.trainingSession.findMany({ where: { id: { startsWith: "seed-training-" } }, include: { enrollments: true } });
  expect(sessions).toHaveLength(15);
  expect(sessions.filter((s) => s.status === "COMPLETED")).toHaveLength(9);
  for (const s of sessions) {
    expect(s.enrolledCount).toBe(s.enrollments.filter((e) => e.status === "ENROLLED").length);
    expect(s.enrolledCount).toBeLessThanOrEqual(s.capacity);
    expect(
      s.enrollments
        .filter((e) => e.status === "WAITLISTED")
        .map((e) => e.waitlistPosition)
        .sort(),
    ).toEqual(Array.from({ length: s.waitlistCount }, (_, i) => i + 1));
  }
  expect(await db.trainingCategory.count()).toBeGreaterThanOrEqual(6);
  // the values (民警 40 学时) are checked over the demo seed in tests/e2e/training-api.test.ts: other test files here change them
  expect((await db.trainingRequirement.findMany({ where: { role: { in: ["OFFICER", "AUXILIARY", "UNIT_LEAD"] } } })).length).toBe(3);
});
