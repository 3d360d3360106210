import { annualEntitlement, completedYears, entitlementForYears } from "@/lib/leave/balance";
import { countWorkingDays, formatCalendarText, indexCalendar, isDay, parseCalendarText } from "@/lib/leave/calendar";
import { OFFICIAL_CALENDARS } from "@/lib/leave/official-calendars";

const cal2026 = indexCalendar(OFFICIAL_CALENDARS[2026]!.days);

describe("working days on the 2026 State Council calendar", () => {
  test.each([
    ["a week with the 春节 make-up Saturday (Feb 14) and the first holiday Sunday", "2026-02-09", "2026-02-15", 6],
    ["春节 week itself: no working day", "2026-02-16", "2026-02-22", 0],
    ["the week after: Monday Feb 23 is still holiday, Saturday Feb 28 is worked", "2026-02-23", "2026-03-01", 5],
    ["国庆 and 中秋: Sunday Sep 20 worked, Friday Sep 25 (中秋) and Oct 1–7 off, Saturday Oct 10 worked", "2026-09-20", "2026-10-11", 11],
    ["Sep 28 – Oct 11 around 国庆", "2026-09-28", "2026-10-11", 6],
    ["a plain week", "2026-03-02", "2026-03-08", 5],
    ["元旦: Jan 1–3 off, Sunday Jan 4 worked", "2026-01-01", "2026-01-04", 1],
    ["one weekday", "2026-03-04", "2026-03-04", 1],
    ["劳动节 May 1–5 off, Saturday May 9 worked", "2026-04-27", "2026-05-10", 8],
  ])("%s", (_label, from, to, n) => {
    expect(countWorkingDays(from, to, cal2026)).toBe(n);
  });

  test("every make-up working day of the shipped calendars is a Saturday or Sunday and every date is real", () => {
    for (const cal of Object.values(OFFICIAL_CALENDARS)) {
      for (const d of cal.days) {
        expect(isDay(d.date)).toBe(true);
        if (d.kind === "WORKDAY") expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
      }
    }
    expect(OFFICIAL_CALENDARS[2026]!.provisional).toBe(false);
    expect(OFFICIAL_CALENDARS[2027]!.provisional).toBe(true);
    // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 holiday days, 6 make-up days (the notice's totals)
    expect(OFFICIAL_CALENDARS[2026]!.days.filter((d) => d.kind === "HOLIDAY")).toHaveLength(33);
    expect(OFFICIAL_CALENDARS[2026]!.days.filter((d) => d.kind === "WORKDAY").map((d) => d.date)).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
  });

  test("without a calendar the count is Monday–Friday", () => {
    expect(countWorkingDays("2030-01-01", "2030-01-31", new Map())).toBe(23);
    expect(countWorkingDays("2030-01-05", "2030-01-04", new Map())).toBe(0);
  });
});

describe("the calendar text HR edits", () => {
  test("ranges, single days, Chinese and English kinds; the text round-trips", () => {
    const { days, errors } = parseCalendarText(
      "2026-10-01 至 2026-10-03 休 国庆节\n\n# comment\n2026-09-20 班 国庆节调休上班\n2026-12-25 holiday 测试",
    );
    expect(errors).toEqual([]);
    expect(days.map((d) => `${d.date}:${d.kind}`)).toEqual([
      "2026-10-01:HOLIDAY",
      "2026-10-02:HOLIDAY",
      "2026-10-03:HOLIDAY",
      "2026-09-20:WORKDAY",
      "2026-12-25:HOLIDAY",
    ]);
    const official = OFFICIAL_CALENDARS[2026]!.days;
    expect(parseCalendarText(formatCalendarText(official)).days.sort((a, b) => (a.date < b.date ? -1 : 1))).toEqual(
      [...official].sort((a, b) => (a.date < b.date ? -1 : 1)),
    );
  });

  test("every bad line is reported with its number and nothing is guessed", () => {
    const { errors } = parseCalendarText(
      "2026-02-30 休 x\n2026-10-05 至 2026-10-01 休 y\n2026-10-01 放风筝\nhello\n2026-01-01 至 2026-03-01 休 z",
    );
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("annual entitlement by completed years on 1 January (职工带薪年休假条例)", () => {
  test.each([
    ["2025-01-01", 1, 5],
    ["2025-01-02", 0, 0],
    ["2016-01-01", 10, 10],
    ["2016-01-02", 9, 5],
    ["2006-01-01", 20, 15],
    ["2006-01-02", 19, 10],
    ["2025-07-01", 0, 0],
    ["2030-01-01", 0, 0],
  ])("service from %s: %i years on 2026-01-01 → %i days", (start, years, days) => {
    expect(completedYears(start, "2026-01-01")).toBe(years);
    expect(annualEntitlement(start, 2026)).toEqual({ years, days });
  });

  test("the bands and a missing start date", () => {
    expect([0, 0.5, 1, 9, 10, 19, 20, 40].map((y) => entitlementForYears(y))).toEqual([0, 0, 5, 5, 10, 10, 15, 15]);
    expect(annualEntitlement(null, 2026)).toEqual({ years: null, days: 0 });
    expect(completedYears("2000-02-29", "2026-01-01")).toBe(25);
  });
});
