import { apiRoute, readQuery } from "@/lib/http/api";
import { dayListFile } from "@/lib/medical/export";

// The hospital's day list as .xlsx or .csv (liaison only): ?date=YYYY-MM-DD&format=xlsx|csv
export const GET = apiRoute(async ({ req, actor }) => dayListFile(actor, readQuery(req)), { permission: "medical.manage" });
