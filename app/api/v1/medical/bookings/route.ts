import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { bookSlot } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";
import { listBookings } from "@/lib/medical/queries";

// Notes come back only to their owner and the liaison (the visibility rule); each read is audited.
export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listBookings(actor, readQuery(req), { withNotes: true });
  return { ...page, items: page.items.map(bookingJson) };
});

export const POST = apiRoute(async ({ req, actor }) => created(bookingJson(await bookSlot(actor, await readJson(req)))), {
  permission: "medical.book",
});
