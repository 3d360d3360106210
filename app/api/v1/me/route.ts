import { apiRoute } from "@/lib/http/api";

export const GET = apiRoute(async ({ actor }) => ({
  id: actor.id,
  badgeNo: actor.badgeNo,
  name: actor.name,
  roles: actor.roles,
  unit: { id: actor.unitId, name: actor.unitName },
}));
