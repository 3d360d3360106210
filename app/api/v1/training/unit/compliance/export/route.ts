import { apiRoute, readQuery } from "@/lib/http/api";
import { exportUnitCompliance } from "@/lib/training/stats-export";

export const GET = apiRoute(async ({ req, actor }) => exportUnitCompliance(actor, readQuery(req)), { permission: "training.unit.view" });
