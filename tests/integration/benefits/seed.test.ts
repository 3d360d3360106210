import { db } from "@/lib/db";
import { seedPlatform } from "@/prisma/seed/platform";
import { seedBenefits } from "@/prisma/seed/benefits";
import { decryptField } from "@/lib/crypto";
import { checkIdNumber } from "@/lib/benefits/idcard";

test("the demo seed is idempotent, links the F-accounts and uses valid Anshan ID numbers", async () => {
  const now = new Date("2026-11-26T02:00:00Z");
  const log = () => {};
  const base = await seedPlatform({ db, now, log });
  await seedBenefits({ db, now, log, ...base });
  const counts = async () => ({
    profiles: await db.auxiliaryProfile.count({ where: { auxNo: { startsWith: "F000" } } }),
    lines: await db.payLine.count({ where: { profile: { auxNo: { startsWith: "F000" } } } }),
    issues: await db.equipmentIssue.count(),
    cases: await db.compensationCase.count(),
    records: await db.benefitRecord.count(),
  });
  const first = await counts();
  await seedBenefits({ db, now, log, ...base });
  expect(await counts()).toEqual(first);
  expect(first.profiles).toBe(25);
  const f1 = await db.auxiliaryProfile.findUniqueOrThrow({ where: { auxNo: "F00001" }, include: { user: true } });
  expect(f1.user?.badgeNo).toBe("F00001");
  const id = decryptField(f1.idNumberEnc);
  expect(id.startsWith("2103")).toBe(true);
  expect(checkIdNumber(id).ok).toBe(true);
  expect(await db.payLine.count({ where: { profileId: f1.id } })).toBe(12);
  const statuses = (await db.compensationCase.groupBy({ by: ["status"] })).map((g) => g.status).sort();
  expect(statuses).toEqual(["APPROVED", "PAID", "REJECTED", "SUBMITTED"]);
  for (const l of await db.payLine.findMany({ take: 50 })) {
    const sum = l.base
      .plus(l.levelAllowance)
      .plus(l.seniorityAllowance)
      .plus(l.performance)
      .minus(l.socialInsurance)
      .minus(l.housingFund)
      .minus(l.deductions);
    expect(sum.toFixed(2)).toBe(l.net.toFixed(2));
  }
});
