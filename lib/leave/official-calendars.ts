// The State Council's holiday arrangements (国务院办公厅 部分节假日安排), as data: the demo seed
// loads them and HR can load them on the calendar page with one click instead of typing.
// Each entry says where it comes from; a year not yet announced is marked provisional and lists
// only what the law fixes, never a guess at the make-up days.
import { parseCalendarText, type CalendarDay } from "./calendar";

export type OfficialCalendar = { year: number; provisional: boolean; source: string; days: CalendarDay[] };

const T2026 = `
2026-01-01 至 2026-01-03 休 元旦
2026-01-04 班 元旦调休上班
2026-02-14 班 春节调休上班
2026-02-15 至 2026-02-23 休 春节
2026-02-28 班 春节调休上班
2026-04-04 至 2026-04-06 休 清明节
2026-05-01 至 2026-05-05 休 劳动节
2026-05-09 班 劳动节调休上班
2026-06-19 至 2026-06-21 休 端午节
2026-09-20 班 国庆节调休上班
2026-09-25 至 2026-09-27 休 中秋节
2026-10-01 至 2026-10-07 休 国庆节
2026-10-10 班 国庆节调休上班
`;

// Not announced when this was written (checked 2026-12-03). The statutory days of the 全国年节及纪念日
// 放假办法 (2024 revision: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 days), with the
// lunar dates from the Chinese calendar (除夕 2027-02-06, 端午 06-09, 中秋 09-15) and 清明 on 04-05.
const T2027 = `
2027-01-01 休 元旦
2027-02-06 至 2027-02-09 休 春节
2027-04-05 休 清明节
2027-05-01 至 2027-05-02 休 劳动节
2027-06-09 休 端午节
2027-09-15 休 中秋节
2027-10-01 至 2027-10-03 休 国庆节
`;

function build(year: number, provisional: boolean, source: string, text: string): OfficialCalendar {
  const { days, errors } = parseCalendarText(text);
  if (errors.length) throw new Error(`official calendar ${year}: ${errors.map((e) => `line ${e.line}: ${e.message}`).join("; ")}`);
  return { year, provisional, source, days };
}

export const OFFICIAL_CALENDARS: Readonly<Record<number, OfficialCalendar>> = {
  2026: build(2026, false, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）", T2026),
  2027: build(
    2027,
    true,
    "暂定：国务院办公厅尚未公布2027年节假日安排。此处只列《全国年节及纪念日放假办法》规定的法定节日当天，不含调休和补休；通知公布后请按通知更新。",
    T2027,
  ),
};
