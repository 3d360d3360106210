import { apiRoute, created, readJson } from "@/lib/http/api";
import { createUrgentEntry } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";

export const POST = apiRoute(async ({ req, actor }) => created(bookingJson(await createUrgentEntry(actor, await readJson(req)))), {
  permission: "medical.manage",
});
