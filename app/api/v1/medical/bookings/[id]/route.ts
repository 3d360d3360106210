import { apiRoute } from "@/lib/http/api";
import { bookingJson } from "@/lib/medical/dto";
import { getBooking } from "@/lib/medical/queries";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) =>
  bookingJson(await getBooking(actor, params.id, { withNote: true })),
);
