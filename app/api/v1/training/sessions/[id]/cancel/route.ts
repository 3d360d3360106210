import { apiRoute, readJson } from "@/lib/http/api";
import { cancelSession } from "@/lib/training/mutations";
import { sessionJson } from "@/lib/training/serialize";

export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => sessionJson(await cancelSession(actor, params.id, await readJson(req))),
  { permission: "training.manage" },
);
