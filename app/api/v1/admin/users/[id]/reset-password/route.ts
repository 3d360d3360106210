import { apiRoute } from "@/lib/http/api";
import { resetPassword } from "@/lib/users/users";

// A new one-time password; the second factor stays (only the security administrator clears it).
export const POST = apiRoute<{ id: string }>(
  async ({ actor, params }) => ({ initialPassword: (await resetPassword(actor, params.id)).temporaryPassword }),
  { permission: "users.manage" },
);
