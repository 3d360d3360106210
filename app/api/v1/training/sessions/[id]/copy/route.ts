import { apiRoute, created, readJson } from "@/lib/http/api";
import { copySession } from "@/lib/training/copy";
import { sessionJson } from "@/lib/training/serialize";

export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const items = (await copySession(actor, params.id, await readJson(req))).map(sessionJson);
    return created({ items, total: items.length });
  },
  { permission: "training.manage" },
);
