import { apiRoute } from "@/lib/http/api";
import { markNoShow } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";

export const POST = apiRoute<{ id: string }>(async ({ params, actor }) => bookingJson(await markNoShow(actor, params.id)), {
  permission: "medical.manage",
});
