import "server-only";
import type { Actor } from "@/lib/access";
import { renderCalendar, type CalendarEvent } from "@/lib/ics";
import { getMyEnrollment, getSession, listMyEnrollments, type SessionDto } from "./queries";

// A waitlisted place is not a confirmed seat: the event is TENTATIVE until the officer is promoted.
function toEvent(s: SessionDto, mine: "ENROLLED" | "WAITLISTED" | "CANCELLED" | null): CalendarEvent {
  const lecturers = s.lecturers.map((l) => (l.affiliation ? `${l.name}（${l.affiliation}）` : l.name)).join("、");
  const status = s.status === "CANCELLED" ? "CANCELLED" : mine === "WAITLISTED" ? "TENTATIVE" : "CONFIRMED";
  return {
    uid: `training-${s.id}@jingxin`,
    title: mine === "WAITLISTED" ? `【候补】${s.title}` : s.title,
    description: [
      s.categoryName,
      lecturers && `授课：${lecturers}`,
      mine === "WAITLISTED" ? "您在候补名单中，转正后会收到通知。" : "",
      s.description,
    ]
      .filter(Boolean)
      .join("\n"),
    location: s.venue,
    start: s.startsAt,
    end: s.endsAt,
    status,
    productId: "jingxin/training",
  };
}

export async function sessionIcs(actor: Actor, id: string): Promise<string> {
  const [session, mine] = await Promise.all([getSession(actor, id), getMyEnrollment(actor, id)]);
  return renderCalendar([toEvent(session, mine?.status ?? null)], session.title);
}

/** All my active bookings as one calendar. */
export async function myBookingsIcs(actor: Actor): Promise<string> {
  const mine = await listMyEnrollments(actor);
  const active = mine.filter((e) => e.status !== "CANCELLED" && e.session.status !== "DRAFT");
  return renderCalendar(
    active.map((e) => toEvent(e.session, e.status)),
    "我的培训",
  );
}
