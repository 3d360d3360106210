import type { Actor, Role } from "@/lib/access";
import { isAppError } from "@/lib/errors";
import { addDays, dateToDay, dayToDate, isWorkingDay, yearOf, type CalendarIndex } from "@/lib/leave/calendar";
import { approveLeaveRequest, createLeaveRequest, rejectLeaveRequest } from "@/lib/leave/mutations";
import { loadCalendar } from "@/lib/leave/queries";
import type { LeaveType } from "@/lib/leave/schemas";
import { shanghaiDate, shanghaiYear } from "@/lib/time";
import { ensureOfficialCalendar } from "@/tests/factories/leave";
import type { SeedContext } from "./context";

// Years of service on 1 January of this year, per demo account, so that every entitlement band
// (0 / 5 / 10 / 15 days) shows, including the edges: exactly 1, 10 and 20 years, and a day short of 1.
type Start = { years: number; monthDay?: string };
const STAFF: Record<string, Start> = {
  "000001": { years: 30 },
  "000002": { years: 18 },
  "000003": { years: 8 },
  "010001": { years: 16 },
  "020001": { years: 24 },
  "030001": { years: 7 },
};
const OFFICERS: Start[] = [
  { years: 21 }, // 100001 the unit lead
  { years: 13 },
  { years: 6 },
  { years: 0, monthDay: "08-01" },
  { years: 9 },
  { years: 25 }, // 100006
  { years: 3 },
  { years: 11 },
  { years: 19, monthDay: "12-31" },
  { years: 1, monthDay: "01-01" }, // 100010: exactly one year on 1 January → 5 days
  { years: 10, monthDay: "01-01" }, // 100011: exactly ten → 10 days (the browser test's requester)
  { years: 20, monthDay: "01-01" }, // 100012: exactly twenty → 15 days
  { years: 0, monthDay: "01-02" }, // 100013: one day short of a year → none
  { years: 7 },
  { years: 15 },
  { years: 28 }, // 100016
  { years: 5 },
  { years: 12 },
  { years: 2 },
  { years: 30 },
];

function startDate(s: Start, year: number, i: number): string {
  const md = s.monthDay ?? `${String((i % 9) + 1).padStart(2, "0")}-15`;
  // a start after 1 January counts one year less on that day, so move it a year back
  const y = year - s.years - (md > "01-01" ? 1 : 0);
  return `${y}-${md}`;
}

const nextWorking = (d: string, cal: CalendarIndex, step = 1) => {
  let x = d;
  while (!isWorkingDay(x, cal)) x = addDays(x, step);
  return x;
};
/** n working days from the first working day on or after d. */
function workingSpan(d: string, n: number, cal: CalendarIndex): [string, string] {
  const from = nextWorking(d, cal);
  let to = from;
  for (let k = 1; k < n; k++) to = nextWorking(addDays(to, 1), cal);
  return [from, to];
}

export async function seedLeave(ctx: SeedContext): Promise<void> {
  const { db, users, units, now, log } = ctx;
  for (const y of [2026, 2027]) await ensureOfficialCalendar(y, db);
  const year = shanghaiYear(now);

  // 参加工作时间: set once per account (an HR change is never overwritten)
  const starts: Record<string, string> = {};
  for (const [badge, s] of Object.entries(STAFF)) starts[badge] = startDate(s, year, 0);
  OFFICERS.forEach((s, i) => (starts[`1000${String(i + 1).padStart(2, "0")}`] = startDate(s, year, i)));
  const profiles = await db.auxiliaryProfile.findMany({ where: { userId: { not: null } }, select: { userId: true, hireDate: true } });
  const hireByUser = new Map(profiles.map((p) => [p.userId!, dateToDay(p.hireDate)]));
  for (let i = 1; i <= 20; i++) {
    const badge = `F000${String(i).padStart(2, "0")}`;
    const u = users[badge];
    starts[badge] = (u && hireByUser.get(u.id)) ?? startDate({ years: [3, 8, 0, 12, 1][i % 5]! }, year, i);
  }
  let set = 0;
  for (const [badge, start] of Object.entries(starts)) {
    const u = users[badge];
    if (!u) continue;
    const r = await db.user.updateMany({ where: { id: u.id, serviceStartDate: null }, data: { serviceStartDate: dayToDate(start) } });
    set += r.count;
  }

  // A few requests in 汤岗子派出所 (100001 is its lead) around today: someone away today, some waiting.
  const unitById = new Map(Object.values(units).map((u) => [u.id, u]));
  const actor = (badge: string): Actor | null => {
    const u = users[badge];
    const unit = u && unitById.get(u.unitId);
    if (!u || !unit) return null;
    return {
      id: u.id,
      badgeNo: u.badgeNo,
      name: u.name,
      roles: u.roles as Role[],
      unitId: unit.id,
      unitPath: unit.path,
      unitName: unit.name,
      ip: null,
    };
  };
  const lead = actor("100001");
  const today = shanghaiDate(now);
  const cal = await loadCalendar(addDays(today, -60), addDays(today, 60), db);
  const plans: {
    badge: string;
    type: LeaveType;
    span: [string, string];
    decide?: "approve" | "reject";
    reason: string;
    comment?: string;
  }[] = [
    {
      badge: "100006",
      type: "ANNUAL",
      span: [nextWorking(addDays(today, -1), cal, -1), nextWorking(addDays(nextWorking(today, cal), 1), cal)],
      decide: "approve",
      reason: "回老家探望父母",
    },
    {
      badge: "F00001",
      type: "SICK",
      span: workingSpan(addDays(today, -24), 2, cal),
      decide: "approve",
      reason: "感冒发烧，附医院诊断证明",
    },
    { badge: "F00006", type: "PERSONAL", span: workingSpan(addDays(today, 1), 1, cal), decide: "approve", reason: "办理孩子入学手续" },
    { badge: "100016", type: "ANNUAL", span: workingSpan(addDays(today, 12), 3, cal), reason: "家中装修" },
    { badge: "F00016", type: "COMPENSATORY", span: workingSpan(addDays(today, 6), 1, cal), reason: "国庆值班补休" },
    {
      badge: "F00011",
      type: "PERSONAL",
      span: workingSpan(addDays(today, 3), 2, cal),
      decide: "reject",
      reason: "个人事务",
      comment: "当周所里有专项行动，请改到下周",
    },
  ];
  let made = 0;
  for (const p of plans) {
    const a = actor(p.badge);
    if (!a || !lead) continue;
    if (await db.leaveRequest.count({ where: { userId: a.id } })) continue;
    // annual leave is per year: a span over New Year is booked as personal leave instead
    const type = p.type === "ANNUAL" && yearOf(p.span[0]) !== yearOf(p.span[1]) ? "PERSONAL" : p.type;
    try {
      const r = await createLeaveRequest(a, { type, from: p.span[0], to: p.span[1], reason: p.reason });
      if (p.decide === "approve") await approveLeaveRequest(lead, r.id, {}, now);
      if (p.decide === "reject") await rejectLeaveRequest(lead, r.id, { comment: p.comment }, now);
      made++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      log(`leave: skipped ${p.badge} (${e.code}: ${e.message})`);
    }
  }
  log(`leave: calendars 2026 (official) and 2027 (provisional), ${set} service start dates set, ${made} requests`);
}
