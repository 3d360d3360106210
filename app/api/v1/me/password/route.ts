import { apiRoute, readJson } from "@/lib/http/api";
import { changeOwnPassword } from "@/lib/users/password";
import { readSessionId } from "@/lib/auth/current";

// The one call a user with a forced password change may make besides signing out; also open to
// a session that still has to enrol its second factor.
export const POST = apiRoute(
  async ({ req, actor }) => {
    await changeOwnPassword(actor, await readJson(req), await readSessionId());
    return { ok: true };
  },
  { allowPasswordChange: true, allowMfaEnrolment: true },
);
