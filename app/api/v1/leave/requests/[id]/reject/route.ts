import { apiRoute, readJson } from "@/lib/http/api";
import { rejectLeaveRequest } from "@/lib/leave/mutations";
import { requestJson } from "@/lib/leave/queries";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  requestJson(await rejectLeaveRequest(actor, params.id, await readJson(req))),
);
