import { apiRoute } from "@/lib/http/api";

// Identity stays readable during a forced password change, so a client can tell the user why.
export const GET = apiRoute(
  async ({ actor }) => ({
    id: actor.id,
    badgeNo: actor.badgeNo,
    name: actor.name,
    roles: actor.roles,
    unit: { id: actor.unitId, name: actor.unitName },
  }),
  { allowPasswordChange: true },
);
