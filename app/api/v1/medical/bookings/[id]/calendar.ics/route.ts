import { apiRoute } from "@/lib/http/api";
import { icsResponse } from "@/lib/ics";
import { bookingIcs } from "@/lib/medical/ics";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  icsResponse(await bookingIcs(actor, params.id), `booking-${params.id}.ics`),
);
