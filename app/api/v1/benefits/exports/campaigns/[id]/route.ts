import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { exportCampaign } from "@/lib/benefits/exports";

export const GET = apiRoute<{ id: string }>(
  async ({ req, params, actor }) => {
    const format = readQuery(req).format === "csv" ? "csv" : "xlsx";
    return fileResponse((await exportCampaign(actor, params.id, format)) as BodyInit, `走访慰问.${format}`, format);
  },
  { permission: "benefits.manage" },
);
