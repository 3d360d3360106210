import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { createSession } from "@/lib/training/mutations";
import { listSessions } from "@/lib/training/queries";
import { sessionJson } from "@/lib/training/serialize";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listSessions(actor, readQuery(req));
  return { ...page, items: page.items.map(sessionJson) };
});

export const POST = apiRoute(async ({ req, actor }) => created(sessionJson(await createSession(actor, await readJson(req)))), {
  permission: "training.manage",
});
