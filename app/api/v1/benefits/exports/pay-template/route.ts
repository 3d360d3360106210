import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { exportPayTemplate } from "@/lib/benefits/exports";

export const GET = apiRoute(
  async ({ req, actor }) => {
    const format = readQuery(req).format === "csv" ? "csv" : "xlsx";
    return fileResponse((await exportPayTemplate(actor, format)) as BodyInit, `工资表模板.${format}`, format);
  },
  { permission: "benefits.manage" },
);
