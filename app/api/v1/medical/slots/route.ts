import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { slotJson } from "@/lib/medical/dto";
import { createSlot } from "@/lib/medical/mutations";
import { listSlots } from "@/lib/medical/queries";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listSlots(actor, readQuery(req));
  return { ...page, items: page.items.map(slotJson) };
});

export const POST = apiRoute(async ({ req, actor }) => created(slotJson(await createSlot(actor, await readJson(req)))), {
  permission: "medical.manage",
});
