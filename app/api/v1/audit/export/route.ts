import { apiRoute, readQuery } from "@/lib/http/api";
import { exportAudit } from "@/lib/audit/queries";
import { fileResponse } from "@/lib/export";
import { shanghaiDate } from "@/lib/time";

// The matching entries (same filters as GET /api/v1/audit) as a streamed CSV, or .xlsx with ?format=xlsx.
export const GET = apiRoute(
  async ({ req, actor }) => {
    const q = readQuery(req);
    const format = q.format === "xlsx" ? "xlsx" : "csv";
    return fileResponse(await exportAudit(actor, q, format), `审计日志-${shanghaiDate(new Date())}.${format}`, format);
  },
  { permission: "audit.view" },
);
