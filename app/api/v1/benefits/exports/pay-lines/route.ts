import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { parseInput } from "@/lib/validation";
import { streamPayLinesCsv } from "@/lib/benefits/exports";
import { month } from "@/lib/benefits/schemas";

// Every pay line in my subtree (or one ?month=YYYY-MM) as a streamed CSV.
export const GET = apiRoute(
  async ({ req, actor }) => {
    const q = readQuery(req);
    const m = q.month ? parseInput(month, q.month) : undefined;
    return fileResponse(await streamPayLinesCsv(actor, { month: m }), `工资明细${m ? `-${m}` : ""}.csv`, "csv");
  },
  { permission: "benefits.manage" },
);
