import { apiRoute } from "@/lib/http/api";
import { clearMfa } from "@/lib/auth/mfa";

// The security administrator clears an account's second factor; it enrols again at next sign-in.
export const DELETE = apiRoute<{ id: string }>(
  async ({ actor, params }) => {
    await clearMfa(actor, params.id);
    return { ok: true };
  },
  { permission: "security.manage" },
);
