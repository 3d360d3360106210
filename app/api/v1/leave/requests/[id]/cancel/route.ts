import { apiRoute } from "@/lib/http/api";
import { cancelLeaveRequest } from "@/lib/leave/mutations";
import { requestJson } from "@/lib/leave/queries";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => requestJson(await cancelLeaveRequest(actor, params.id)));
