import { apiRoute } from "@/lib/http/api";
import { listUnits } from "@/lib/users/units";

// The unit tree for the two administrators who place accounts in it (API.md "Administration").
export const GET = apiRoute(
  async () => (await listUnits()).map((u) => ({ id: u.id, name: u.name, parentId: u.parentId, code: u.code, kind: u.kind })),
  { permission: "users.view" },
);
