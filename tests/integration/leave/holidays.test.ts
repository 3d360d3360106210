import { db } from "@/lib/db";
import { addDays, isoWeekday } from "@/lib/leave/calendar";
import { approveLeaveRequest, createLeaveRequest, loadOfficialCalendar, replaceHolidays, setServiceStartDate } from "@/lib/leave/mutations";
import { getHolidayYear, getMyBalance } from "@/lib/leave/queries";
import { OFFICIAL_CALENDARS } from "@/lib/leave/official-calendars";
import { actorOf, createUnit, createUser } from "@/tests/factories";
import { createLeavePerson } from "@/tests/factories/leave";
import { failure } from "./helpers";

// Far-future years, so these replacements never disturb the 2026/2027 calendars other tests count on.
const Y = 2091;
const firstMonday = (year: number, month: string) => {
  let d = `${year}-${month}-01`;
  while (isoWeekday(d) !== 1) d = addDays(d, 1);
  return d;
};

test("only HR replaces a year; the days come back as GET returns them, with provenance", async () => {
  const hr = actorOf(await createUser({ roles: ["HR"] }));
  const officer = await createLeavePerson();
  const sat = (() => {
    let d = `${Y}-05-01`;
    while (isoWeekday(d) !== 6) d = addDays(d, 1);
    return d;
  })();
  const input = {
    days: [
      { date: `${Y}-05-01`, kind: "HOLIDAY", name: "劳动节" },
      { date: sat, kind: "WORKDAY" },
    ],
    source: "测试通知",
  };
  expect(await failure(replaceHolidays(officer, Y, input))).toMatchObject({ code: "FORBIDDEN", status: 403 });
  const r = await replaceHolidays(hr, Y, input);
  expect(r).toMatchObject({ year: Y, days: 2 });
  const y = await getHolidayYear(officer, Y);
  expect(y).toMatchObject({ year: Y, configured: true, provisional: false, source: "测试通知" });
  expect(y.days).toEqual([
    { date: `${Y}-05-01`, kind: "HOLIDAY", name: "劳动节" },
    { date: sat, kind: "WORKDAY", name: "调休上班" },
  ]);
  expect((await getHolidayYear(officer, Y + 1)).configured).toBe(false);
  // a replacement replaces: the old days are gone
  await replaceHolidays(hr, Y, [{ date: `${Y}-10-01`, kind: "HOLIDAY", name: "国庆节" }]);
  expect((await getHolidayYear(officer, Y)).days.map((d) => d.date)).toEqual([`${Y}-10-01`]);
  const audit = await db.auditLog.findFirstOrThrow({
    where: { action: "leave.calendar.replace", targetId: String(Y) },
    orderBy: { id: "desc" },
  });
  expect(audit.actorId).toBe(hr.id);
});

test("bad calendars are refused with the offending entry and nothing changes", async () => {
  const hr = actorOf(await createUser({ roles: ["HR"] }));
  await replaceHolidays(hr, Y + 2, [{ date: `${Y + 2}-01-01`, kind: "HOLIDAY", name: "元旦" }]);
  const monday = firstMonday(Y + 2, "03");
  for (const [bad, field] of [
    [[{ date: `${Y + 3}-01-01`, kind: "HOLIDAY" }], "days.0.date"],
    [[{ date: monday, kind: "WORKDAY" }], "days.0.date"],
    [
      [
        { date: monday, kind: "HOLIDAY" },
        { date: monday, kind: "HOLIDAY" },
      ],
      "days.1.date",
    ],
    [[{ date: `${Y + 2}-02-30`, kind: "HOLIDAY" }], "days.0.date"],
    [[{ date: monday, kind: "DAY_OFF" }], "days.0.kind"],
  ] as const) {
    expect(Object.keys((await failure(replaceHolidays(hr, Y + 2, bad))).fields ?? {})).toContain(field);
  }
  expect(await failure(replaceHolidays(hr, "20x6", []))).toMatchObject({ code: "VALIDATION_FAILED" });
  expect((await getHolidayYear(hr, Y + 2)).days.map((d) => d.date)).toEqual([`${Y + 2}-01-01`]);
});

test("a new calendar recounts the pending and approved requests it touches, and tells their requesters", async () => {
  const hr = actorOf(await createUser({ roles: ["HR"] }));
  const unit = await createUnit();
  const lead = await createLeavePerson({ unitId: unit.id, roles: ["OFFICER", "UNIT_LEAD"] });
  const a = await createLeavePerson({ unitId: unit.id });
  const b = await createLeavePerson({ unitId: unit.id });
  const mon = firstMonday(Y + 4, "06");
  const fri = addDays(mon, 4);
  const ra = await createLeaveRequest(a, { type: "SICK", from: mon, to: fri });
  const rb = await createLeaveRequest(b, { type: "PERSONAL", from: mon, to: fri });
  await approveLeaveRequest(lead, rb.id, {}, new Date(`${Y + 4}-01-01T00:00:00Z`));
  expect([ra.days, rb.days]).toEqual([5, 5]);
  const res = await replaceHolidays(hr, Y + 4, [{ date: addDays(mon, 2), kind: "HOLIDAY", name: "端午节" }]);
  expect(res.recounted).toBe(2);
  const rows = await db.leaveRequest.findMany({ where: { id: { in: [ra.id, rb.id] } }, select: { days: true } });
  expect(rows.map((r) => r.days)).toEqual([4, 4]);
  const note = await db.notification.findFirstOrThrow({ where: { userId: a.id, kind: "leave.request.recounted" } });
  expect(note.body).toMatch(/由 5 个工作日调整为 4 个工作日/);
  // the same calendar again changes nothing
  expect((await replaceHolidays(hr, Y + 4, [{ date: addDays(mon, 2), kind: "HOLIDAY", name: "端午节" }])).recounted).toBe(0);
});

test("HR loads the shipped State Council arrangement; a year without one is NOT_FOUND", async () => {
  const hr = actorOf(await createUser({ roles: ["HR"] }));
  await loadOfficialCalendar(hr, 2027);
  const y = await getHolidayYear(hr, 2027);
  expect(y).toMatchObject({ configured: true, provisional: true });
  expect(y.days).toEqual(OFFICIAL_CALENDARS[2027]!.days.slice().sort((p, q) => (p.date < q.date ? -1 : 1)));
  expect(await failure(loadOfficialCalendar(hr, 2095))).toMatchObject({ code: "NOT_FOUND" });
});

test("HR records a 参加工作时间 within the subtree; the balance follows it", async () => {
  const root = await createUnit();
  const station = await createUnit({ parentId: root.id });
  const other = await createUnit();
  const hr = actorOf(await createUser({ roles: ["HR"], unitId: root.id }));
  const person = await createLeavePerson({ unitId: station.id, serviceStartDate: null });
  const outsider = await createLeavePerson({ unitId: other.id, serviceStartDate: null });
  expect((await getMyBalance(person, 2026)).entitlementDays).toBe(0);
  await setServiceStartDate(hr, { badgeNo: person.badgeNo, serviceStartDate: "2016-01-01" });
  expect(await getMyBalance(person, 2026)).toMatchObject({ entitlementDays: 10, serviceYears: 10, serviceStartDate: "2016-01-01" });
  expect((await failure(setServiceStartDate(hr, { badgeNo: outsider.badgeNo, serviceStartDate: "2016-01-01" }))).fields).toHaveProperty(
    "badgeNo",
  );
  expect((await failure(setServiceStartDate(hr, { badgeNo: person.badgeNo, serviceStartDate: "2999-01-01" }))).fields).toHaveProperty(
    "serviceStartDate",
  );
  expect(await failure(setServiceStartDate(person, { badgeNo: person.badgeNo, serviceStartDate: "2000-01-01" }))).toMatchObject({
    code: "FORBIDDEN",
  });
});
