import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { exportEquipmentDue } from "@/lib/benefits/exports";

// The falling-due list (owed now and due within 90 days) as .xlsx or .csv.
export const GET = apiRoute(
  async ({ req, actor }) => {
    const format = readQuery(req).format === "csv" ? "csv" : "xlsx";
    return fileResponse((await exportEquipmentDue(actor, format)) as BodyInit, `被装到期清单.${format}`, format);
  },
  { permission: "benefits.manage" },
);
