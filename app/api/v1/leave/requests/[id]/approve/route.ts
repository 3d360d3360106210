import { apiRoute, readJson } from "@/lib/http/api";
import { approveLeaveRequest } from "@/lib/leave/mutations";
import { requestJson } from "@/lib/leave/queries";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  requestJson(await approveLeaveRequest(actor, params.id, await readJson(req))),
);
