import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { createLeaveRequest } from "@/lib/leave/mutations";
import { listRequests, requestJson } from "@/lib/leave/queries";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listRequests(actor, readQuery(req));
  return { ...page, items: page.items.map(requestJson) };
});

export const POST = apiRoute(async ({ req, actor }) => created(requestJson(await createLeaveRequest(actor, await readJson(req)))));
