import { shanghaiToday, shanghaiTodayAsDate } from "@/lib/time";

test("today is the Shanghai calendar date: before 08:00 there the UTC date is still yesterday", () => {
  expect(shanghaiToday(new Date("2026-12-03T23:59:00Z"))).toBe("2026-12-04");
  expect(shanghaiToday(new Date("2026-12-03T15:59:59Z"))).toBe("2026-12-03");
  expect(shanghaiToday(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  expect(shanghaiTodayAsDate(new Date("2026-12-03T23:59:00Z")).toISOString()).toBe("2026-12-04T00:00:00.000Z");
});
