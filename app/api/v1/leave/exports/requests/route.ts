import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { exportRequests } from "@/lib/leave/exports";

// ?format=xlsx|csv&year=&status=&type= — requests of the people I oversee.
export const GET = apiRoute(async ({ req, actor }) => {
  const f = await exportRequests(actor, readQuery(req));
  return fileResponse(f.body as BodyInit, f.filename, f.format);
});
