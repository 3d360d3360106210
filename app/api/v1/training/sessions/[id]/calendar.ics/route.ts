import { apiRoute } from "@/lib/http/api";
import { sessionIcs } from "@/lib/training/ics";

export const GET = apiRoute<{ id: string }>(
  async ({ actor, params }) =>
    new Response(await sessionIcs(actor, params.id), {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="training-${params.id}.ics"`,
      },
    }),
);
