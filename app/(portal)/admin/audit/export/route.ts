import { apiRoute, readQuery } from "@/lib/http/api";
import { exportAuditCsv } from "@/lib/audit/queries";
import { fileResponse } from "@/lib/export";
import { shanghaiDate } from "@/lib/time";

export const GET = apiRoute(
  async ({ req, actor }) => fileResponse(await exportAuditCsv(actor, readQuery(req)), `审计日志-${shanghaiDate(new Date())}.csv`, "csv"),
  { permission: "audit.view" },
);
