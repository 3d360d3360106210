import { apiRoute, readQuery } from "@/lib/http/api";
import { listAway, requestJson } from "@/lib/leave/queries";
import { day } from "@/lib/leave/schemas";
import { shanghaiDate } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

const schema = z.object({ from: day, to: day });

// Who is away (approved and pending leave) between from and to, default today.
export const GET = apiRoute(async ({ req, actor }) => {
  const q = readQuery(req);
  const today = shanghaiDate(new Date());
  const { from, to } = parseInput(schema, { from: q.from || today, to: q.to || q.from || today });
  const items = (await listAway(actor, from, to)).map(requestJson);
  return { items, total: items.length, page: 1, pageSize: items.length };
});
