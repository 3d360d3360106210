import { apiRoute, readQuery } from "@/lib/http/api";
import { exportTrainingStats } from "@/lib/training/stats-export";

export const GET = apiRoute(async ({ req, actor }) => exportTrainingStats(actor, readQuery(req)), { permission: "training.manage" });
