// People see Asia/Shanghai; the database stores UTC. China has no daylight saving, so the
// offset is a constant +08:00 and calendar arithmetic can be done with it directly.
export const TIME_ZONE = "Asia/Shanghai";
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Shanghai is UTC+08:00 all year (no daylight saving). */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** ISO-8601 with the +08:00 offset, as API.md requires: 2026-12-03T09:00:00+08:00 */
export function toIsoShanghai(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, "+08:00");
}

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's calendar date in Shanghai, YYYY-MM-DD: the one "today" of the code base. (The UTC date
 * is still yesterday before 08:00 in Shanghai.) */
export function shanghaiToday(now = new Date()): string {
  return shanghaiDate(now);
}

/** Today in Shanghai as a DATE column holds it (that calendar date at UTC midnight). */
export function shanghaiTodayAsDate(now = new Date()): Date {
  return dayToDate(shanghaiToday(now));
}

// Calendar days ("YYYY-MM-DD", no time zone) and DATE columns (that day at UTC midnight).

/** The UTC midnight of a day: what a DATE column holds. */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
/** A DATE column's value (UTC midnight) as YYYY-MM-DD. */
export const dateToDay = (d: Date): string => d.toISOString().slice(0, 10);
/** The calendar day n days after (or before) a day. */
export const addDays = (day: string, n: number): string => dateToDay(new Date(dayToDate(day).getTime() + n * DAY_MS));

/** The Monday (YYYY-MM-DD) of the Monday–Sunday week a calendar day falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - (dayToDate(day).getUTCDay() || 7));
}

/** [start, end) of the Shanghai week that begins on a Monday (YYYY-MM-DD): its 00:00 to the next Monday's. */
export function shanghaiWeekRange(monday: string): { start: Date; end: Date } {
  const start = startOfShanghaiDay(monday);
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/** The Shanghai calendar year of an instant. */
export function shanghaiYear(d: Date): number {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

/** The instant a Shanghai calendar day (YYYY-MM-DD) begins. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

/** [start, end) of a Shanghai calendar day (YYYY-MM-DD). */
export function shanghaiDayRange(date: string): { start: Date; end: Date } {
  const start = startOfShanghaiDay(date);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** [start, end) of a Shanghai calendar year. */
export function shanghaiYearRange(year: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.parse(`${year}-01-01T00:00:00+08:00`)),
    end: new Date(Date.parse(`${year + 1}-01-01T00:00:00+08:00`)),
  };
}

/** A Shanghai wall-clock time ("2026-12-03", "09:30") as an instant. */
export function shanghaiDateTime(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`));
}

const dateTimeFmt = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "2026-11-26 09:30" in Shanghai time, for exports and plain text. */
export function formatShanghai(d: Date): string {
  const parts = Object.fromEntries(dateTimeFmt.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
