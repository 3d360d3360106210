import { apiRoute } from "@/lib/http/api";
import { revealIdNumber } from "@/lib/benefits/mutations";

// The explicit, audited reveal of a full ID number (HR only). POST so it is never prefetched or cached.
export const POST = apiRoute<{ id: string }>(
  async ({ params, actor }) => {
    const idNumber = await revealIdNumber(actor, params.id);
    return new Response(JSON.stringify({ idNumber }), { headers: { "content-type": "application/json", "cache-control": "no-store" } });
  },
  { permission: "benefits.manage" },
);
