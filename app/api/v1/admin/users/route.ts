import { apiRoute, created, readJson, readQuery } from "@/lib/http/api";
import { createUser, listUsers } from "@/lib/users/users";

export const GET = apiRoute(async ({ req, actor }) => listUsers(actor, readQuery(req)), { permission: "users.view" });

// 三员分立: roles may only be OFFICER or AUXILIARY here (403 ROLE_GRANT_FORBIDDEN otherwise).
export const POST = apiRoute(
  async ({ req, actor }) => {
    const { user, temporaryPassword } = await createUser(actor, await readJson(req));
    return created({ ...user, initialPassword: temporaryPassword });
  },
  { permission: "users.manage" },
);
