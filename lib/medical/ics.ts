import "server-only";
import type { Actor } from "@/lib/access";
import { renderCalendar, type CalendarEvent } from "@/lib/ics";
import type { BookingDto } from "./dto";
import { getBooking, listBookings, listServices } from "./queries";
import { isActive } from "./statuses";

// Hospital visits in the officer's calendar: the time, the service and the hospital, never the
// health note.
function toEvent(b: BookingDto, hospitals: Map<string, string>): CalendarEvent {
  const hospital = hospitals.get(b.service.code) ?? "";
  return {
    uid: `medical-${b.id}@jingxin`,
    title: `${b.service.name}${hospital ? ` · ${hospital}` : ""}`,
    description: "警医共建绿色通道预约。请按时到院，如需取消请在系统中操作。",
    location: hospital,
    start: b.startsAt,
    end: b.endsAt ?? new Date(b.startsAt.getTime() + 30 * 60_000),
    status: b.status === "CANCELLED" || b.status === "NO_SHOW" ? "CANCELLED" : "CONFIRMED",
    productId: "jingxin/medical",
  };
}

async function hospitalsByService(actor: Actor) {
  return new Map((await listServices(actor, { includeInactive: true })).map((s) => [s.code, s.hospital.name]));
}

/** My coming hospital visits (booked or checked in) as one calendar. */
export async function myBookingsIcs(actor: Actor, now = new Date()): Promise<string> {
  const [page, hospitals] = await Promise.all([listBookings(actor, { pageSize: 100 }, { mine: true }), hospitalsByService(actor)]);
  const active = page.items.filter((b) => isActive(b.status) && (b.endsAt ?? b.startsAt) >= now);
  return renderCalendar(
    active.map((b) => toEvent(b, hospitals)),
    "我的就医预约",
  );
}

/** One booking (its owner or the liaison; others get NOT_FOUND). */
export async function bookingIcs(actor: Actor, id: string): Promise<string> {
  const [b, hospitals] = await Promise.all([getBooking(actor, id), hospitalsByService(actor)]);
  return renderCalendar([toEvent(b, hospitals)], b.service.name);
}
