import { apiRoute, readQuery } from "@/lib/http/api";
import { fileResponse } from "@/lib/export";
import { exportCandidates } from "@/lib/benefits/exports";

export const GET = apiRoute(
  async ({ req, actor }) => {
    const format = readQuery(req).format === "csv" ? "csv" : "xlsx";
    return fileResponse((await exportCandidates(actor, format)) as BodyInit, `晋升候选名单.${format}`, format);
  },
  { permission: "benefits.manage" },
);
