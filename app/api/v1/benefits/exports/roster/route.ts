import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { parseInput } from "@/lib/validation";
import { exportRoster } from "@/lib/benefits/exports";
import { rosterQuerySchema } from "@/lib/benefits/schemas";

// ?format=xlsx|csv&full=1 (full ID numbers: audited) plus the roster filters.
export const GET = apiRoute(
  async ({ req, actor }) => {
    const q = readQuery(req);
    const format = q.format === "csv" ? "csv" : "xlsx";
    const body = await exportRoster(actor, parseInput(rosterQuerySchema, { ...q, page: 1, pageSize: 100 }), format, q.full === "1");
    return fileResponse(body as BodyInit, `辅警花名册.${format}`, format);
  },
  { permission: "benefits.manage" },
);
