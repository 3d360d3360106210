import { apiRoute } from "@/lib/http/api";
import { myBookingsIcs } from "@/lib/training/ics";

export const GET = apiRoute(
  async ({ actor }) =>
    new Response(await myBookingsIcs(actor), {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'attachment; filename="my-training.ics"' },
    }),
);
