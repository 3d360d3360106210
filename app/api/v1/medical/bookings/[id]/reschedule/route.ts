import { can } from "@/lib/access";
import { apiRoute, readJson } from "@/lib/http/api";
import { rescheduleBooking } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";
import { rescheduleMyBooking } from "@/lib/medical/self-reschedule";

// The liaison moves any booking; anyone else only their own (someone else's is 404).
export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const input = await readJson(req);
  if (can(actor, "medical.manage")) return bookingJson(await rescheduleBooking(actor, params.id, input));
  const moved = await rescheduleMyBooking(actor, params.id, input);
  return { ...bookingJson(moved), warnings: moved.warnings };
});
