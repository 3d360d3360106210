import { apiRoute } from "@/lib/http/api";
import { icsResponse } from "@/lib/ics";
import { myBookingsIcs } from "@/lib/medical/ics";

// My coming hospital visits as iCalendar (the static segment wins over bookings/[id]).
export const GET = apiRoute(async ({ actor }) => icsResponse(await myBookingsIcs(actor), "my-hospital-visits.ics"), {
  permission: "medical.book",
});
