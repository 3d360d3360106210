import { apiRoute } from "@/lib/http/api";
import { getRequest, requestJson } from "@/lib/leave/queries";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => requestJson(await getRequest(actor, params.id)));
