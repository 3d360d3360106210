import { apiRoute, readJson } from "@/lib/http/api";
import { changeOwnPassword } from "@/lib/users/password";
import { readSessionId } from "@/lib/auth/current";

// The one call a user with a forced password change may make besides signing out.
export const POST = apiRoute(
  async ({ req, actor }) => {
    await changeOwnPassword(actor, await readJson(req), await readSessionId());
    return { ok: true };
  },
  { allowPasswordChange: true },
);
