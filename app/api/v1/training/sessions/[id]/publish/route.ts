import { apiRoute } from "@/lib/http/api";
import { publishSession } from "@/lib/training/mutations";
import { sessionJson } from "@/lib/training/serialize";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => sessionJson(await publishSession(actor, params.id)), {
  permission: "training.manage",
});
