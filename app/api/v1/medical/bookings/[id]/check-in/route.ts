import { apiRoute } from "@/lib/http/api";
import { checkInBooking } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";

export const POST = apiRoute<{ id: string }>(async ({ params, actor }) => bookingJson(await checkInBooking(actor, params.id)), {
  permission: "medical.manage",
});
