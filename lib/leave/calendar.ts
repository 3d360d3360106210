// Working-day arithmetic on the holiday calendar. Pure (no database, no server-only) so the
// request form counts days live in the browser with exactly the rule the server applies.
// A day is "YYYY-MM-DD" (a calendar date, no time zone); arithmetic runs on UTC midnights.

import { addDays, DAY_MS, dayToDate } from "@/lib/time";

export type HolidayKind = "HOLIDAY" | "WORKDAY";
export type CalendarDay = { date: string; kind: HolidayKind; name: string };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

// the day helpers live in lib/time.ts (also pure); re-exported for the leave pages and the browser form
export { addDays, dateToDay, dayToDate } from "@/lib/time";
/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string): number => Math.round((dayToDate(b).getTime() - dayToDate(a).getTime()) / DAY_MS);
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => dayToDate(day).getUTCDay() || 7;
export const yearOf = (day: string): number => Number(day.slice(0, 4));

export type CalendarIndex = ReadonlyMap<string, HolidayKind>;
export function indexCalendar(days: readonly Pick<CalendarDay, "date" | "kind">[]): CalendarIndex {
  return new Map(days.map((d) => [d.date, d.kind]));
}

/** Monday–Friday, unless the calendar makes it a holiday; a weekend day only as a make-up working day (调休上班). */
export function isWorkingDay(day: string, calendar: CalendarIndex): boolean {
  const kind = calendar.get(day);
  if (kind === "HOLIDAY") return false;
  if (kind === "WORKDAY") return true;
  return isoWeekday(day) <= 5;
}

/** Every day of from..to inclusive (empty when to is before from). */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Working days in from..to inclusive. */
export function countWorkingDays(from: string, to: string, calendar: CalendarIndex): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) n++;
  return n;
}

// ---- the text form HR edits: one line per range, the way the State Council notice reads ----
//   2026-10-01 至 2026-10-07 休 国庆节
//   2026-09-20 班 国庆节调休上班
// "至", "~", ".." or "-" between two dates; 休/放假/HOLIDAY or 班/上班/WORKDAY; then the name.

const KIND_WORDS: Record<string, HolidayKind> = {
  休: "HOLIDAY",
  放假: "HOLIDAY",
  假: "HOLIDAY",
  holiday: "HOLIDAY",
  班: "WORKDAY",
  上班: "WORKDAY",
  workday: "WORKDAY",
};
const LINE_RE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:至|到|~|～|\.\.|—|–|\s-\s)\s*(\d{4}-\d{2}-\d{2}))?\s+(\S+)\s*(.*)$/;

export type ParsedCalendar = { days: CalendarDay[]; errors: { line: number; message: string }[] };

/** Parse HR's text; every bad line is reported (line numbers from 1), nothing is guessed. */
export function parseCalendarText(text: string): ParsedCalendar {
  const days: CalendarDay[] = [];
  const errors: ParsedCalendar["errors"] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const m = LINE_RE.exec(line);
    if (!m) return errors.push({ line: i + 1, message: "格式应为“开始日期 [至 结束日期] 休/班 名称”" });
    const [, from, toRaw, kindWord, nameRaw] = m;
    const to = toRaw ?? from!;
    const kind = KIND_WORDS[kindWord!.toLowerCase()];
    if (!isDay(from!) || !isDay(to)) return errors.push({ line: i + 1, message: "日期无效" });
    if (to < from!) return errors.push({ line: i + 1, message: "结束日期早于开始日期" });
    if (daysBetween(from!, to) > 31) return errors.push({ line: i + 1, message: "一行最多 32 天" });
    if (!kind) return errors.push({ line: i + 1, message: "请写“休”（放假）或“班”（调休上班）" });
    const name = nameRaw!.trim() || (kind === "HOLIDAY" ? "节假日" : "调休上班");
    for (const date of eachDay(from!, to)) days.push({ date, kind, name });
  });
  return { days, errors };
}

/** The inverse of parseCalendarText: consecutive days of one kind and name become one line. */
export function formatCalendarText(days: readonly CalendarDay[]): string {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
  const lines: string[] = [];
  let start: CalendarDay | null = null;
  let prev: CalendarDay | null = null;
  const flush = () => {
    if (!start || !prev) return;
    const range = start.date === prev.date ? start.date : `${start.date} 至 ${prev.date}`;
    lines.push(`${range} ${start.kind === "HOLIDAY" ? "休" : "班"} ${start.name}`);
  };
  for (const d of sorted) {
    if (start && prev && d.kind === start.kind && d.name === start.name && addDays(prev.date, 1) === d.date) {
      prev = d;
      continue;
    }
    flush();
    start = prev = d;
  }
  flush();
  return lines.join("\n");
}
