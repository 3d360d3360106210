import { apiRoute, readJson } from "@/lib/http/api";
import { recordOutcome } from "@/lib/medical/booking";
import { bookingJson } from "@/lib/medical/dto";

export const POST = apiRoute<{ id: string }>(
  async ({ req, params, actor }) => bookingJson(await recordOutcome(actor, params.id, await readJson(req))),
  { permission: "medical.manage" },
);
