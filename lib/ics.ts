import "server-only";
import { createEvents, type EventAttributes } from "ics";

// iCalendar files for training sessions and hospital bookings. The `ics` package writes the
// events; two things are ours: every event carries a reminder (VALARM), and lines are folded at
// 75 octets as RFC 5545 §3.1 requires (the package counts characters, and a Chinese character is
// three octets in UTF-8), never inside a character.

export type CalendarEvent = Omit<EventAttributes, "start" | "end" | "duration" | "alarms"> & {
  start: Date;
  end: Date;
  /** minutes before the start (default 60) */
  remindMinutes?: number;
};

const MAX_OCTETS = 75;

/** RFC 5545 folding: content lines of at most 75 octets, continuations start with one space. */
export function foldLines(ics: string): string {
  const enc = new TextEncoder();
  const unfolded = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const out: string[] = [];
  for (const line of unfolded) {
    let current = "";
    let octets = 0;
    let limit = MAX_OCTETS;
    for (const ch of line) {
      const n = enc.encode(ch).length;
      if (octets + n > limit) {
        out.push(current);
        current = " ";
        octets = 1;
        limit = MAX_OCTETS;
      }
      current += ch;
      octets += n;
    }
    out.push(current);
  }
  return out.join("\r\n");
}

export function renderCalendar(events: CalendarEvent[], calName: string): string {
  const attrs: EventAttributes[] = events.map(({ start, end, remindMinutes = 60, ...e }) => ({
    ...e,
    start: start.getTime(),
    end: end.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    alarms: [
      {
        action: "display",
        description: `提醒：${e.title ?? ""}`,
        trigger: { minutes: remindMinutes, before: true },
      },
    ],
  }));
  const { error, value } = createEvents(attrs, { calName });
  if (error || !value) throw error ?? new Error("ics");
  return foldLines(value);
}

/** The response for a downloaded calendar. */
export function icsResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
