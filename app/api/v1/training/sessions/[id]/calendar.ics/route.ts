import { apiRoute } from "@/lib/http/api";
import { icsResponse } from "@/lib/ics";
import { sessionIcs } from "@/lib/training/ics";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  icsResponse(await sessionIcs(actor, params.id), `training-${params.id}.ics`),
);
