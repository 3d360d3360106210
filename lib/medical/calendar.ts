import { DAY_MS, shanghaiDateTime } from "@/lib/time";

// Pure slot arithmetic from weekly templates (used by generateSlots and the demo seed).
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
