import { DATE_FORMATS } from "@/lib/i18n/config";
import { shanghaiToday, shanghaiTodayAsDate, TIME_ZONE } from "@/lib/time";

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
