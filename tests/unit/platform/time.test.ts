import { DATE_FORMATS } from "@/lib/i18n/config";
import { mondayOf, shanghaiToday, shanghaiTodayAsDate, shanghaiWeekRange, TIME_ZONE } from "@/lib/time";

test("today is the Shanghai calendar date: before 08:00 there the UTC date is still yesterday", () => {
  expect(shanghaiToday(new Date("2026-12-03T23:59:00Z"))).toBe("2026-12-04");
  expect(shanghaiToday(new Date("2026-12-03T15:59:59Z"))).toBe("2026-12-03");
  expect(shanghaiToday(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  expect(shanghaiTodayAsDate(new Date("2026-12-03T23:59:00Z")).toISOString()).toBe("2026-12-04T00:00:00.000Z");
});

test("dates read 2026年11月26日 in zh-CN (the named 'date' format next-intl is given), on the Shanghai calendar day", () => {
  // next-intl formats with Intl.DateTimeFormat and these options, in the request's time zone
  const date = (locale: string, d: Date) => new Intl.DateTimeFormat(locale, { ...DATE_FORMATS.date, timeZone: TIME_ZONE }).format(d);
  expect(date("zh-CN", new Date("2026-11-25T16:30:00Z"))).toBe("2026年11月26日"); // 00:30 on the 26th in Shanghai
  expect(date("zh-CN", new Date("2026-11-26T01:00:00Z"))).toBe("2026年11月26日");
  expect(date("en", new Date("2026-11-26T01:00:00Z"))).toBe("November 26, 2026");
});

test("a week runs Monday to Sunday: every day of it names the same Monday, across a month and a year end", () => {
  for (const day of ["2026-11-30", "2026-12-02", "2026-12-05", "2026-12-06"]) expect(mondayOf(day)).toBe("2026-11-30");
  expect(mondayOf("2026-12-07")).toBe("2026-12-07");
  expect(mondayOf("2027-01-03")).toBe("2026-12-28"); // a Sunday
  expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  expect(mondayOf("2024-03-01")).toBe("2024-02-26"); // a leap February
});

test("a Shanghai week is [Monday 00:00, next Monday 00:00) in Shanghai time, so it starts on Sunday in UTC", () => {
  const { start, end } = shanghaiWeekRange("2026-12-07");
  expect(start.toISOString()).toBe("2026-12-06T16:00:00.000Z");
  expect(end.toISOString()).toBe("2026-12-13T16:00:00.000Z");
});
