import { apiRoute, readJson } from "@/lib/http/api";
import { cancelBooking } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";

export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) =>
  bookingJson(await cancelBooking(actor, params.id, await readJson(req))),
);
