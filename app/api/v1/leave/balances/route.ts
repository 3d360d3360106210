import { apiRoute, readQuery } from "@/lib/http/api";
import { listBalances } from "@/lib/leave/queries";
import { balancesQuerySchema } from "@/lib/leave/schemas";
import { shanghaiYear } from "@/lib/time";
import { parseInput } from "@/lib/validation";

// Balances of the people I oversee (unit lead: unit subtree; HR: its auxiliary officers).
export const GET = apiRoute(async ({ req, actor }) => {
  const q = parseInput(balancesQuerySchema, readQuery(req));
  return listBalances(actor, { ...q, year: q.year ?? shanghaiYear(new Date()) });
});
