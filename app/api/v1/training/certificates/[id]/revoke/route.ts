import { apiRoute, readJson } from "@/lib/http/api";
import { formatSerial, revokeCertificate } from "@/lib/training/certificate-registry";
import { toIsoShanghai } from "@/lib/time";

export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const c = await revokeCertificate(actor, params.id, await readJson(req));
    return {
      id: c.id,
      serial: formatSerial(c.serialNo, c.issuedAt),
      revokedAt: c.revokedAt ? toIsoShanghai(c.revokedAt) : null,
      revokeReason: c.revokeReason,
    };
  },
  { permission: "training.manage" },
);
