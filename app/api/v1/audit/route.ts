import { apiRoute, readQuery } from "@/lib/http/api";
import { searchAudit } from "@/lib/audit/queries";

export const GET = apiRoute(async ({ req, actor }) => searchAudit(actor, readQuery(req)), { permission: "audit.view" });
