// Leave factories, shared by the tests and the demo seed.
import type { Role } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { dayToDate } from "@/lib/leave/calendar";
import { OFFICIAL_CALENDARS } from "@/lib/leave/official-calendars";
import { actorOf, createUser } from "./index";

/**
 * The State Council calendar of a year shipped with the app, unless that year is already there:
 * idempotent, never overwrites HR's edits, and race-safe (a concurrent caller waits on the year's
 * primary key until the first one's days are committed).
 */
export async function ensureOfficialCalendar(year: number, client: typeof db = db): Promise<void> {
  const cal = OFFICIAL_CALENDARS[year];
  if (!cal) throw new Error(`no official calendar for ${year}`);
  await client.$transaction(async (tx: Tx) => {
    const made = await tx.leaveCalendarYear.createMany({
      data: [{ year, provisional: cal.provisional, source: cal.source }],
      skipDuplicates: true,
    });
    if (!made.count) return;
    await tx.leaveHoliday.createMany({ data: cal.days.map((d) => ({ date: dayToDate(d.date), year, kind: d.kind, name: d.name })) });
  });
}

/** A person with a 参加工作时间, as the Actor domain functions take. */
export async function createLeavePerson(input: { unitId?: string; roles?: Role[]; serviceStartDate?: string | null; name?: string } = {}) {
  const u = await createUser({ roles: input.roles ?? ["OFFICER"], ...(input.unitId ? { unitId: input.unitId } : {}), name: input.name });
  const start = input.serviceStartDate === undefined ? "2010-03-01" : input.serviceStartDate;
  if (start) await db.user.update({ where: { id: u.id }, data: { serviceStartDate: dayToDate(start) } });
  return actorOf(u);
}
