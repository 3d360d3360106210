import "server-only";
import { createEvents, type EventAttributes } from "ics";
import type { Actor } from "@/lib/access";
import { getSession, listMyEnrollments, type SessionDto } from "./queries";

function toEvent(s: SessionDto): EventAttributes {
  const lecturers = s.lecturers.map((l) => (l.affiliation ? `${l.name}（${l.affiliation}）` : l.name)).join("、");
  return {
    uid: `training-${s.id}@jingxin`,
    title: s.title,
    description: [s.categoryName, lecturers && `授课：${lecturers}`, s.description].filter(Boolean).join("\n"),
    location: s.venue,
    start: s.startsAt.getTime(),
    end: s.endsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    status: s.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED",
    productId: "jingxin/training",
  };
}

function render(events: EventAttributes[]): string {
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("ics");
  return value;
}

export async function sessionIcs(actor: Actor, id: string): Promise<string> {
  return render([toEvent(await getSession(actor, id))]);
}

/** All my active bookings as one calendar. */
export async function myBookingsIcs(actor: Actor): Promise<string> {
  const mine = await listMyEnrollments(actor);
  const active = mine.filter((e) => e.status !== "CANCELLED" && e.session.status !== "DRAFT");
  return active.length ? render(active.map((e) => toEvent(e.session))) : render([]);
}
