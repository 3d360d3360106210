import { apiRoute, readQuery } from "@/lib/http/api";
import { getMyBalance } from "@/lib/leave/queries";
import { shanghaiYear } from "@/lib/time";

// My annual-leave balance (API.md): ?year= defaults to this year in Shanghai.
export const GET = apiRoute(async ({ req, actor }) => {
  const { year } = readQuery(req);
  return getMyBalance(actor, year ? Number(year) : shanghaiYear(new Date()));
});
