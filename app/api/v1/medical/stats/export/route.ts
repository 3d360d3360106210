import { apiRoute, readQuery } from "@/lib/http/api";
import { exportMedicalStats } from "@/lib/medical/stats-export";

export const GET = apiRoute(async ({ req, actor }) => exportMedicalStats(actor, readQuery(req)), { permission: "medical.stats.view" });
