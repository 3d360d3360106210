import { apiRoute } from "@/lib/http/api";
import { verifyAudit } from "@/lib/audit/chain";

export const GET = apiRoute(async ({ actor }) => verifyAudit(actor), { permission: "audit.view" });
