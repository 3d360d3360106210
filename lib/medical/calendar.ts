import { addDays, DAY_MS, mondayOf, shanghaiDate, shanghaiDateTime } from "@/lib/time";

// Pure slot arithmetic from weekly templates (used by generateSlots and the demo seed), and the
// weeks of the booking page.
export type TemplateLike = {
  id: string;
  serviceId: string;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacity: number;
};
export type SlotRow = { serviceId: string; templateId: string; startsAt: Date; endsAt: Date; capacity: number };

export function* datesBetween(from: string, to: string) {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    yield new Date(t).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Slots (Shanghai wall-clock times) for [from, to], skipping closed dates and anything not after `now`. */
export function slotsFromTemplates(templates: TemplateLike[], closed: Set<string>, from: string, to: string, now: Date): SlotRow[] {
  const rows: SlotRow[] = [];
  for (const date of datesBetween(from, to)) {
    if (closed.has(date)) continue;
    const wd = isoWeekday(date);
    for (const t of templates.filter((x) => x.weekday === wd)) {
      const end = shanghaiDateTime(date, t.endTime);
      for (
        let s = shanghaiDateTime(date, t.startTime);
        s.getTime() + t.slotMinutes * 60000 <= end.getTime();
        s = new Date(s.getTime() + t.slotMinutes * 60000)
      ) {
        if (s > now)
          rows.push({
            serviceId: t.serviceId,
            templateId: t.id,
            startsAt: s,
            endsAt: new Date(s.getTime() + t.slotMinutes * 60000),
            capacity: t.capacity,
          });
      }
    }
  }
  return rows;
}

/** How far ahead people book: slots that start within this many weeks from now. */
export const BOOKING_HORIZON_WEEKS = 4;

/** The instant the booking horizon ends: a bookable slot starts before it. */
export function bookingHorizonEnd(now: Date): Date {
  return new Date(now.getTime() + BOOKING_HORIZON_WEEKS * 7 * DAY_MS);
}

/**
 * The Mondays (Shanghai calendar) of the weeks the booking page shows one at a time: this week
 * through the one the horizon ends in (usually five calendar weeks, the first and last partly).
 */
export function bookingWeeks(now: Date): string[] {
  const last = mondayOf(shanghaiDate(new Date(bookingHorizonEnd(now).getTime() - 1)));
  const weeks = [mondayOf(shanghaiDate(now))];
  while (weeks[weeks.length - 1]! < last) weeks.push(addDays(weeks[weeks.length - 1]!, 7));
  return weeks;
}
