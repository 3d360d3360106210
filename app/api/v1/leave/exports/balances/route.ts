import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { exportBalances } from "@/lib/leave/exports";

// ?format=xlsx|csv&year= — annual-leave balances of the people I oversee.
export const GET = apiRoute(async ({ req, actor }) => {
  const f = await exportBalances(actor, readQuery(req));
  return fileResponse(f.body as BodyInit, f.filename, f.format);
});
