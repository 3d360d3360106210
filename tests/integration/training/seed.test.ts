import { db } from "@/lib/db";
import { seedPlatform } from "@/prisma/seed/platform";
import { seedTraining } from "@/prisma/seed/training";
import { enrolSelf, enrolUnitMembers } from "@/lib/training/enrolment";
import { actorOf, createUser } from "@/tests/factories";

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

test("officers can enrol in the seeded sessions themselves and through their unit lead (no NULL audience lists)", async () => {
  const now = new Date();
  const base = await seedPlatform({ db, now, log: () => {} });
  await seedTraining({ db, now, log: () => {}, ...base });
  const seeded = await db.trainingSession.findMany({
    where: { id: { startsWith: "seed-training-" } },
    select: { audienceUnitIds: true, audienceRoles: true },
  });
  for (const s of seeded) {
    expect(s.audienceUnitIds).toEqual([]);
    expect(s.audienceRoles).toEqual([]);
  }
  // a newcomer in the unit lead's station (the demo accounts may already be enrolled by other runs)
  const lead = await db.user.findUniqueOrThrow({ where: { badgeNo: "100001" }, include: { unit: true } });
  const newcomer = await createUser({ unitId: lead.unitId });
  const another = await createUser({ unitId: lead.unitId });
  expect(await enrolSelf(actorOf(newcomer), "seed-training-u3")).toMatchObject({ status: "ENROLLED" });
  const [out] = await enrolUnitMembers(actorOf(lead), "seed-training-u4", [another.id]);
  expect(out).toMatchObject({ result: { status: "ENROLLED" }, error: null });
});
