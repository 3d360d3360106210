import { apiRoute, readJson } from "@/lib/http/api";
import { rescheduleBooking } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";

export const POST = apiRoute<{ id: string }>(
  async ({ req, params, actor }) => bookingJson(await rescheduleBooking(actor, params.id, await readJson(req))),
  { permission: "medical.manage" },
);
