import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { parseInput } from "@/lib/validation";
import { streamPayLines } from "@/lib/benefits/exports";
import { month } from "@/lib/benefits/schemas";

// Every pay line in my subtree (or one ?month=YYYY-MM) as a streamed CSV, or .xlsx with ?format=xlsx.
export const GET = apiRoute(
  async ({ req, actor }) => {
    const q = readQuery(req);
    const m = q.month ? parseInput(month, q.month) : undefined;
    const format = q.format === "xlsx" ? "xlsx" : "csv";
    return fileResponse(await streamPayLines(actor, { month: m, format }), `工资明细${m ? `-${m}` : ""}.${format}`, format);
  },
  { permission: "benefits.manage" },
);
