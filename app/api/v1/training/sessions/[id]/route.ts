import { apiRoute, readJson } from "@/lib/http/api";
import { updateSession } from "@/lib/training/mutations";
import { getSession } from "@/lib/training/queries";
import { sessionJson } from "@/lib/training/serialize";

type P = { id: string };
export const GET = apiRoute<P>(async ({ actor, params }) => sessionJson(await getSession(actor, params.id)));
export const PATCH = apiRoute<P>(
  async ({ req, actor, params }) => sessionJson(await updateSession(actor, params.id, await readJson(req))),
  { permission: "training.manage" },
);
