import { db } from "@/lib/db";
import { annualEntitlement } from "@/lib/leave/balance";
import { dateToDay } from "@/lib/leave/calendar";
import { getHolidayYear, listAway } from "@/lib/leave/queries";
import { seedPlatform } from "@/prisma/seed/platform";
import { seedLeave } from "@/prisma/seed/leave";

test("the leave seed loads both calendars, gives every demo account a service start spanning all bands, and is idempotent", async () => {
  const now = new Date("2026-12-03T02:00:00Z"); // a Thursday
  const log = () => {};
  const base = await seedPlatform({ db, now, log });
  await seedLeave({ db, now, log, ...base });
  const demo = {
    OR: [{ badgeNo: { startsWith: "1000" } }, { badgeNo: { startsWith: "F000" } }, { badgeNo: { in: ["010001", "020001", "030001"] } }],
  };
  const count = () => db.leaveRequest.count({ where: { user: demo } });
  const first = await count();
  await seedLeave({ db, now, log, ...base });
  expect(await count()).toBe(first);
  expect(first).toBeGreaterThanOrEqual(5);

  const y26 = await getHolidayYear(null as never, 2026);
  const y27 = await getHolidayYear(null as never, 2027);
  expect([y26.configured, y26.provisional, y27.configured, y27.provisional]).toEqual([true, false, true, true]);

  const people = await db.user.findMany({ where: demo, select: { badgeNo: true, serviceStartDate: true } });
  expect(people.every((p) => p.serviceStartDate)).toBe(true);
  const band = (badge: string) => annualEntitlement(dateToDay(people.find((p) => p.badgeNo === badge)!.serviceStartDate!), 2026).days;
  expect(new Set(people.filter((p) => p.badgeNo.startsWith("1000")).map((p) => band(p.badgeNo)))).toEqual(new Set([0, 5, 10, 15]));
  expect([band("100010"), band("100011"), band("100012"), band("100013")]).toEqual([5, 10, 15, 0]);

  // the station lead sees someone away today and requests waiting
  const lead = await db.user.findUniqueOrThrow({ where: { badgeNo: "100001" }, include: { unit: true } });
  const actor = {
    id: lead.id,
    badgeNo: lead.badgeNo,
    name: lead.name,
    roles: lead.roles,
    unitId: lead.unitId,
    unitPath: lead.unit.path,
    unitName: lead.unit.name,
  };
  const away = await listAway(actor, "2026-12-03", "2026-12-03");
  expect(away.some((r) => r.status === "APPROVED" && r.user.badgeNo === "100006")).toBe(true);
  expect(await db.leaveRequest.count({ where: { status: "PENDING", user: { unitId: lead.unitId } } })).toBeGreaterThanOrEqual(2);
  // the browser test's requester starts with a clean slate
  expect(await db.leaveRequest.count({ where: { user: { badgeNo: "100011" } } })).toBe(0);
}, 120_000);
