import { apiRoute, readQuery } from "@/lib/http/api";
import { listCertificates } from "@/lib/training/certificate-registry";
import { toIsoShanghai } from "@/lib/time";

export const GET = apiRoute(
  async ({ req, actor }) => {
    const page = await listCertificates(actor, readQuery(req));
    return {
      ...page,
      items: page.items.map((c) => ({
        ...c,
        issuedAt: toIsoShanghai(c.issuedAt),
        revokedAt: c.revokedAt ? toIsoShanghai(c.revokedAt) : null,
        session: { ...c.session, startsAt: toIsoShanghai(c.session.startsAt) },
      })),
    };
  },
  { permission: "training.manage" },
);
