import { BOOKING_HORIZON_WEEKS, bookingHorizonEnd, bookingWeeks, isoWeekday, slotsFromTemplates } from "@/lib/medical/calendar";
import { CONSENT_VERSIONS, CURRENT_CONSENT } from "@/lib/medical/consent-text";
import { can } from "@/lib/access";

const tpl = { id: "t1", serviceId: "s1", weekday: 4, startTime: "08:30", endTime: "11:30", slotMinutes: 30, capacity: 4 };

test("ISO weekdays run Monday = 1 to Sunday = 7", () => {
  expect(isoWeekday("2026-11-23")).toBe(1);
  expect(isoWeekday("2026-11-26")).toBe(4);
  expect(isoWeekday("2026-11-29")).toBe(7);
});

test("a Thursday 08:30–11:30 template in 30-minute slots gives six Shanghai-time slots", () => {
  const rows = slotsFromTemplates([tpl], new Set(), "2026-11-23", "2026-11-29", new Date("2026-11-01T00:00:00Z"));
  expect(rows).toHaveLength(6);
  expect(rows[0]!.startsAt.toISOString()).toBe("2026-11-26T00:30:00.000Z");
  expect(rows[5]!.endsAt.toISOString()).toBe("2026-11-26T03:30:00.000Z");
});

test("closed days, past times and a last slot that would overrun the window are skipped", () => {
  expect(slotsFromTemplates([tpl], new Set(["2026-11-26"]), "2026-11-23", "2026-11-29", new Date(0))).toHaveLength(0);
  expect(slotsFromTemplates([tpl], new Set(), "2026-11-26", "2026-11-26", new Date("2026-11-26T09:45:00+08:00"))).toHaveLength(3);
  expect(slotsFromTemplates([{ ...tpl, slotMinutes: 40 }], new Set(), "2026-11-26", "2026-11-26", new Date(0))).toHaveLength(4);
});

test("the current consent is the latest version and says what goes to the hospital", () => {
  expect(CURRENT_CONSENT.version).toBe(Math.max(...CONSENT_VERSIONS.map((v) => v.version)));
  expect(CURRENT_CONSENT.text).toContain("姓名");
  expect(CURRENT_CONSENT.text).toContain("撤回");
});

test("only officers and auxiliaries book, only the liaison manages, unit leads see statistics", () => {
  expect(can({ roles: ["OFFICER"] }, "medical.book")).toBe(true);
  expect(can({ roles: ["AUXILIARY"] }, "medical.book")).toBe(true);
  expect(can({ roles: ["UNIT_LEAD"] }, "medical.book")).toBe(false);
  expect(can({ roles: ["MEDICAL_LIAISON"] }, "medical.manage")).toBe(true);
  expect(can({ roles: ["OFFICER"] }, "medical.manage")).toBe(false);
  expect(can({ roles: ["UNIT_LEAD"] }, "medical.stats.view")).toBe(true);
  expect(can({ roles: ["OFFICER"] }, "medical.stats.view")).toBe(false);
});

test("the booking page's weeks run from this Shanghai week to the one the four-week horizon ends in", () => {
  expect(BOOKING_HORIZON_WEEKS).toBe(4);
  // Friday 09:15 in Shanghai: the horizon ends on a Friday four weeks on, in the fifth week
  const friday = new Date("2026-12-04T09:15:00+08:00");
  expect(bookingHorizonEnd(friday).toISOString()).toBe("2027-01-01T01:15:00.000Z");
  expect(bookingWeeks(friday)).toEqual(["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]);
  // Monday 07:00 in Shanghai is still Sunday in UTC: the week is Shanghai's
  expect(bookingWeeks(new Date("2026-12-06T23:00:00Z"))[0]).toBe("2026-12-07");
  // exactly at a Monday's midnight the horizon ends at another Monday's midnight: four weeks
  expect(bookingWeeks(new Date("2026-12-07T00:00:00+08:00"))).toEqual(["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]);
});
